import { formatThaiDate } from '@banmae/domain';
import s from './cases.module.css';
import { ui } from '../ui/Field.tsx';
import { Header } from '../ui/Header.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { listMyCases } from '../data/cases.ts';
import { useFreshData } from '../../shared/use-fresh-data.ts';
import { pageHref } from '../ui/links.ts';

import { REFRESH_MS } from './refresh.ts';

/** "เรื่องของฉัน": the citizen's cases, newest first. */
export function CaseList({ signIn }: { signIn: () => Promise<string> }) {
  const { data: cases, error } = useFreshData(async () => listMyCases(await signIn()), REFRESH_MS, [signIn]);
  return (
    <>
      <Header title="เรื่องของฉัน" />
      {error && !cases ? (
        <p class={`${ui.banner} ${ui.bannerError}`} role="alert" style={{ margin: '16px' }}>
          โหลดรายการไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ต ระบบจะลองใหม่อัตโนมัติ
        </p>
      ) : !cases ? (
        <p class="boot" role="status">
          กำลังโหลด…
        </p>
      ) : cases.length === 0 ? (
        <div class={s.empty}>
          <p>ท่านยังไม่มีเรื่องที่แจ้งไว้</p>
          <a class={ui.primary} href={pageHref('/')} style={{ lineHeight: '52px', textDecoration: 'none' }}>
            แจ้งเรื่องร้องเรียน / ขอรับบริการ
          </a>
        </div>
      ) : (
        <ul class={s.list} data-testid="case-list">
          {cases.map((c) => (
            <li class={s.item} key={c.id}>
              <a href={pageHref(`/cases/${c.id}`)}>
                <div class={s.top}>
                  <span class={s.no}>{c.trackingNo ?? 'กำลังออกเลขที่'}</span>
                  <StatusBadge status={c.status} />
                </div>
                <p class={s.subject}>{c.subject}</p>
                <span class={s.date}>แจ้งเมื่อ {formatThaiDate(c.createdAt)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

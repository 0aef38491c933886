import { ROLE_LABELS_TH, type StaffRole } from '@banmae/domain';
import s from './top-bar.module.css';
import { config } from '../env.ts';
import { auditHref, dashboardHref, followLink, groupsHref, queueHref } from '../boot/router.ts';
import { signOut } from '../boot/staff-session.ts';

/** Always on screen, with the sign-out button: an office PC is shared. */
export function TopBar({ who }: { who: { email: string | null; role?: StaffRole } | null }) {
  return (
    <header class={s.bar}>
      <a class={s.home} href={queueHref()} onClick={followLink}>
        <span class={s.title}>ระบบเจ้าหน้าที่ · รับเรื่องร้องเรียน</span>
        <span class={s.org}>{config.municipality.nameTh}</span>
      </a>
      {who && (
        <div class={s.who}>
          {who.role && (
            <a class={s.audit} href={dashboardHref()} onClick={followLink} data-testid="dashboard-link">
              รายงานสรุป
            </a>
          )}
          {who.role === 'admin' && (
            <a class={s.audit} href={auditHref()} onClick={followLink}>
              บันทึกการเปิดดูข้อมูล
            </a>
          )}
          {who.role === 'admin' && (
            <a class={s.audit} href={groupsHref()} onClick={followLink}>
              กลุ่มไลน์
            </a>
          )}
          <span class={s.email} data-testid="signed-in-as">
            {who.email}
            {who.role && ` (${ROLE_LABELS_TH[who.role]})`}
          </span>
          <button type="button" class={s.signOut} onClick={() => void signOut()}>
            ออกจากระบบ
          </button>
        </div>
      )}
    </header>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { QueryDocumentSnapshot } from 'firebase/firestore/lite';
import { formatThaiDateTime, REVEAL_FIELD_LABELS_TH, REVEAL_REASON_LABELS_TH } from '@banmae/domain';
import s from './audit.module.css';
import { caseHref, followLink } from '../boot/router.ts';
import { fetchRevealAudit, type AuditRow } from '../data/reveal-audit.ts';
import { Banner, ui } from '../ui/Field.tsx';

const KIND_TH: Record<AuditRow['kind'], string> = { reveal: 'เปิดดูข้อมูลผู้แจ้ง', find_by_phone: 'ค้นหาด้วยเบอร์โทรศัพท์', export: 'ส่งออก CSV พร้อมข้อมูลส่วนบุคคล' };

/**
 * For admins: every time staff read a citizen's personal data (PDPA accountability). The entries are
 * written by the functions before the data is shown; nobody can change or delete them.
 */
export function RevealAuditPage() {
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [cursor, setCursor] = useState<QueryDocumentSnapshot | null>(null);
  const [failed, setFailed] = useState(false);

  const load = async (after: QueryDocumentSnapshot | null) => {
    setFailed(false);
    try {
      const page = await fetchRevealAudit(after);
      setRows((prev) => [...(after ? (prev ?? []) : []), ...page.rows]);
      setCursor(page.last);
    } catch {
      setFailed(true);
    }
  };
  useEffect(() => void load(null), []);

  return (
    <main class={ui.page}>
      <h1 class={s.title}>บันทึกการเปิดดูข้อมูลส่วนบุคคล</h1>
      <p class={ui.hint}>ทุกครั้งที่เจ้าหน้าที่เปิดดูข้อมูลผู้แจ้งหรือค้นหาด้วยเบอร์โทรศัพท์ ระบบบันทึกไว้ก่อนแสดงข้อมูล แก้ไขหรือลบไม่ได้</p>
      {failed && <Banner kind="error">โหลดบันทึกไม่สำเร็จ กรุณาลองใหม่</Banner>}
      {rows === null && !failed && <p class="boot">กำลังโหลด…</p>}
      {rows?.length === 0 && <p>ยังไม่มีการเปิดดูข้อมูล</p>}
      {rows && rows.length > 0 && (
        <ol class={s.list} data-testid="reveal-audit">
          {rows.map((r) => (
            <li key={r.id} class={s.entry}>
              <div class={s.when}>{formatThaiDateTime(r.at)}</div>
              <div>
                <strong>{r.staffEmail ?? r.staffUid}</strong> · {KIND_TH[r.kind]}
              </div>
              <div>
                ข้อมูล: {r.fields.map((f) => REVEAL_FIELD_LABELS_TH[f]).join(', ')} · เหตุผล: {REVEAL_REASON_LABELS_TH[r.reason]}
              </div>
              <div>
                เรื่อง:{' '}
                {r.kind === 'export'
                  ? `ทุกเรื่องตามตัวกรอง ${r.filter || '(ไม่มีตัวกรอง)'}`
                  : r.caseIds.length === 0
                    ? 'ไม่พบเรื่อง'
                    : r.caseIds.map((id, i) => (
                        <a key={id} class={s.case} href={caseHref(id)} onClick={followLink}>
                          {r.trackingNos[i] ?? id}
                        </a>
                      ))}
              </div>
            </li>
          ))}
        </ol>
      )}
      {cursor && (
        <button type="button" class={ui.secondary} onClick={() => void load(cursor)}>
          โหลดเพิ่ม
        </button>
      )}
    </main>
  );
}

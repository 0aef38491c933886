import { formatThaiDateTime, holidaySet } from '@banmae/domain';
import s from './queue.module.css';
import { config } from '../env.ts';
import { caseHref, followLink } from '../boot/router.ts';
import type { DeskCase } from '../data/desk-case.ts';
import { staffName, type StaffDirectory } from '../data/staff-directory.ts';
import { OverdueBadge, StatusBadge } from '../ui/StatusBadge.tsx';
import { categoryLabel, departmentLabel } from './labels.ts';
import { overdueWorkingDays } from './overdue.ts';

const holidays = holidaySet(config);

/** One row per case, no personal data: the reporter is never read for the queue. */
export function QueueList({ cases, directory }: { cases: DeskCase[]; directory: StaffDirectory }) {
  if (cases.length === 0)
    return (
      <p class={s.empty} data-testid="queue-empty">
        ไม่พบเรื่องตามเงื่อนไขนี้
      </p>
    );
  const now = new Date();
  return (
    <div class={s.list}>
      <div class={s.head} aria-hidden="true">
        <span>เลขที่</span>
        <span>เรื่อง</span>
        <span>สถานะ</span>
        <span>หน่วยงาน</span>
        <span>ผู้รับผิดชอบ</span>
        <span>วันที่แจ้ง</span>
      </div>
      <ol class={s.rows} data-testid="queue">
        {cases.map((c) => (
          <li key={c.id} data-case-id={c.id}>
            <a class={s.row} href={caseHref(c.id)} onClick={followLink}>
              <span class={s.no}>{c.trackingNo ?? 'กำลังออกเลขที่'}</span>
              <span class={s.subject}>
                <span class={s.subjectText}>{c.subject}</span>
                <span class={s.category}>{categoryLabel(c.category)}</span>
              </span>
              <span class={s.state}>
                <StatusBadge status={c.status} raw={c.rawStatus} />
                <OverdueBadge days={overdueWorkingDays(c, config.categories, holidays, now)} />
              </span>
              <span class={`${s.cell} ${s.dept}`}>
                <span class={s.cellLabel}>หน่วยงาน: </span>
                {departmentLabel(c.department) || <span class={s.none}>ยังไม่กำหนด</span>}
              </span>
              <span class={`${s.cell} ${s.who}`}>
                <span class={s.cellLabel}>ผู้รับผิดชอบ: </span>
                {staffName(directory, c.assigneeUid) || <span class={s.none}>ยังไม่มอบหมาย</span>}
              </span>
              <span class={s.date}>{formatThaiDateTime(c.createdAt)}</span>
            </a>
          </li>
        ))}
      </ol>
    </div>
  );
}

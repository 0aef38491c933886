import { formatThaiDateTime, holidaySet, KIND_LABELS_TH } from '@banmae/domain';
import s from './case.module.css';
import { config } from '../env.ts';
import type { DeskCase } from '../data/desk-case.ts';
import { staffName, type StaffDirectory } from '../data/staff-directory.ts';
import { categoryLabel, departmentLabel } from '../queue/labels.ts';
import { overdueWorkingDays } from '../queue/overdue.ts';
import { ui } from '../ui/Field.tsx';
import { OverdueBadge, StatusBadge } from '../ui/StatusBadge.tsx';

const holidays = holidaySet(config);

/** What the citizen submitted, and where the case stands. */
export function CaseSummary({ c, directory }: { c: DeskCase; directory: StaffDirectory }) {
  return (
    <section class={ui.card} aria-labelledby="case-subject">
      <div class={s.top}>
        <span class={s.no} data-testid="tracking-no">
          {c.trackingNo ?? 'กำลังออกเลขที่'}
        </span>
        <span data-testid="case-status">
          <StatusBadge status={c.status} raw={c.rawStatus} />
        </span>
        <OverdueBadge days={overdueWorkingDays(c, config.categories, holidays, new Date())} />
      </div>
      <h1 id="case-subject" class={s.subject}>
        {c.subject}
      </h1>
      <dl class={s.facts}>
        <dt>ประเภท</dt>
        <dd>{KIND_LABELS_TH[c.kind] ?? c.kind}</dd>
        <dt>หมวดเรื่อง</dt>
        <dd>{categoryLabel(c.category)}</dd>
        <dt>แจ้งเมื่อ</dt>
        <dd>{formatThaiDateTime(c.createdAt)}</dd>
        <dt>เกิดเหตุเมื่อ</dt>
        <dd data-testid="case-incident-at">{c.incidentAt ? formatThaiDateTime(c.incidentAt) : 'ไม่ได้ระบุ'}</dd>
        <dt>แก้ไขล่าสุด</dt>
        <dd>{c.updatedAt ? formatThaiDateTime(c.updatedAt) : '—'}</dd>
        <dt>หน่วยงาน</dt>
        <dd data-testid="case-department">{departmentLabel(c.department) || 'ยังไม่กำหนด'}</dd>
        <dt>ผู้รับผิดชอบ</dt>
        <dd data-testid="case-assignee">{staffName(directory, c.assigneeUid) || 'ยังไม่มอบหมาย'}</dd>
        <dt>พิกัด</dt>
        <dd>{c.hasLocation ? 'ผู้แจ้งระบุตำแหน่งไว้' : 'ไม่ได้ระบุ'}</dd>
      </dl>
      <h2 class={s.detailsHead}>รายละเอียดที่ผู้แจ้งเขียน</h2>
      <p class={s.details} data-testid="case-details">
        {c.details}
      </p>
      {c.statusNote && (
        <p class={s.lastNote}>
          <span class={ui.muted}>ข้อความล่าสุดถึงผู้แจ้ง: </span>
          {c.statusNote}
        </p>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import s from './case.module.css';
import { config } from '../env.ts';
import { assign } from '../data/case-writes.ts';
import type { DeskCase } from '../data/desk-case.ts';
import type { StaffDirectory } from '../data/staff-directory.ts';
import { Banner, ConfigOptions, Field, inputClass, ui } from '../ui/Field.tsx';
import type { RunWrite } from './CaseView.tsx';

interface Draft {
  base: Pick<DeskCase, 'id' | 'version'>;
  department: string;
  assigneeUid: string;
}

/** Department (from the configuration) and staff member (active members of the directory). */
export function Assignment({ c, directory, run }: { c: DeskCase; directory: StaffDirectory; run: RunWrite }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const department = draft?.department ?? c.department ?? '';
  const assigneeUid = draft?.assigneeUid ?? c.assigneeUid ?? '';
  const change = (patch: Partial<Pick<Draft, 'department' | 'assigneeUid'>>) => {
    setDraft({ base: draft?.base ?? { id: c.id, version: c.version }, department, assigneeUid, ...patch });
    setDone(false);
    setProblem(null);
  };
  const members = [...directory].filter(([uid, m]) => m.active || uid === c.assigneeUid).sort((a, b) => a[1].displayName.localeCompare(b[1].displayName, 'th'));

  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    const fields: { department?: string | null; assigneeUid?: string | null } = {};
    if (draft.department !== (c.department ?? '')) fields.department = draft.department || null;
    if (draft.assigneeUid !== (c.assigneeUid ?? '')) fields.assigneeUid = draft.assigneeUid || null;
    if (Object.keys(fields).length === 0) return setDraft(null);
    setBusy(true);
    const err = await run(() => assign(draft.base, fields));
    setBusy(false);
    setDraft(null);
    if (err) setProblem(err);
    else setDone(true);
  };

  return (
    <section class={ui.card} aria-labelledby="assign-title">
      <h2 id="assign-title">มอบหมายงาน</h2>
      {problem && <Banner kind="error">{problem}</Banner>}
      {done && <Banner kind="ok">บันทึกการมอบหมายแล้ว</Banner>}
      <form onSubmit={(e) => void save(e)}>
        <Field id="assign-department" label="หน่วยงานที่รับผิดชอบ">
          <select id="assign-department" class={inputClass()} value={department} onChange={(e) => change({ department: e.currentTarget.value })}>
            <option value="">— ยังไม่กำหนด —</option>
            <ConfigOptions items={config.departments} />
          </select>
        </Field>
        <Field id="assign-staff" label="เจ้าหน้าที่ผู้รับผิดชอบ">
          <select id="assign-staff" class={inputClass()} value={assigneeUid} onChange={(e) => change({ assigneeUid: e.currentTarget.value })}>
            <option value="">— ยังไม่มอบหมาย —</option>
            {members.map(([uid, m]) => (
              <option key={uid} value={uid}>
                {m.displayName || m.email}
                {!m.active && ' (ไม่ได้ใช้งานแล้ว)'}
              </option>
            ))}
          </select>
        </Field>
        <div class={s.actions}>
          {draft && (
            <button type="button" class={ui.quiet} onClick={() => setDraft(null)}>
              ยกเลิก
            </button>
          )}
          <button type="submit" class={ui.primary} disabled={!draft || busy}>
            {busy ? 'กำลังบันทึก…' : 'บันทึกการมอบหมาย'}
          </button>
        </div>
      </form>
    </section>
  );
}

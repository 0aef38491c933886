import { useState } from 'preact/hooks';
import { DESK_LIMITS, formatThaiDateTime, textLength } from '@banmae/domain';
import s from './case.module.css';
import type { InternalNote } from '../data/case-detail.ts';
import { addNote } from '../data/case-writes.ts';
import { staffName, type StaffDirectory } from '../data/staff-directory.ts';
import { Banner, Field, inputClass, ui } from '../ui/Field.tsx';
import type { RunWrite } from './CaseView.tsx';

/** Staff-only notes (rules: notes/{id} staff read, append-only): the citizen's page never reads them. */
export function InternalNotes({ caseId, notes, directory, run }: { caseId: string; notes: InternalNote[]; directory: StaffDirectory; run: RunWrite }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const length = textLength(text);
  const tooLong = length > DESK_LIMITS.note.max;

  const save = async (e: Event) => {
    e.preventDefault();
    if (text.trim() === '' || tooLong) return;
    setBusy(true);
    const err = await run(() => addNote(caseId, text));
    setBusy(false);
    setProblem(err);
    if (!err) setText('');
  };

  return (
    <section class={`${ui.card} ${s.internal}`} aria-labelledby="notes-title">
      <h2 id="notes-title">บันทึกภายใน — ประชาชนไม่เห็น</h2>
      {notes.length === 0 ? (
        <p class={ui.muted}>ยังไม่มีบันทึก</p>
      ) : (
        <ol class={s.notes} data-testid="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p class={s.noteText}>{n.text}</p>
              <p class={ui.hint}>
                {staffName(directory, n.by)} · {formatThaiDateTime(n.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {problem && <Banner kind="error">{problem}</Banner>}
      <form onSubmit={(e) => void save(e)}>
        <Field
          id="note-text"
          label="เพิ่มบันทึกภายใน"
          error={tooLong ? `ยาวเกิน ${DESK_LIMITS.note.max.toLocaleString('th-TH')} ตัวอักษร` : null}
          hint={`${length.toLocaleString('th-TH')} / ${DESK_LIMITS.note.max.toLocaleString('th-TH')} ตัวอักษร`}
        >
          <textarea id="note-text" class={inputClass(tooLong ? 'x' : null)} value={text} rows={3} onInput={(e) => setText(e.currentTarget.value)} />
        </Field>
        <div class={s.actions}>
          <button type="submit" class={ui.primary} disabled={busy || text.trim() === '' || tooLong}>
            {busy ? 'กำลังบันทึก…' : 'บันทึก'}
          </button>
        </div>
      </form>
    </section>
  );
}

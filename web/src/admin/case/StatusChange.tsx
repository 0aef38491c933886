import { useState } from 'preact/hooks';
import { DESK_LIMITS, STATUS_LABELS_TH, STAFF_STATUSES, STATUS_TRANSITIONS, textLength, type Status } from '@banmae/domain';
import s from './case.module.css';
import { config } from '../env.ts';
import { changeStatus } from '../data/case-writes.ts';
import type { DeskCase } from '../data/desk-case.ts';
import { Banner, Field, inputClass, ui } from '../ui/Field.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import type { RunWrite } from './CaseView.tsx';
import { StatusConfirm } from './StatusConfirm.tsx';
import { AfterPhotoField } from './AfterPhotoField.tsx';
import type { CompressedPhoto } from '../../shared/photos/compress-photo.ts';

type Loaded = Pick<DeskCase, 'id' | 'version' | 'status'>;

/**
 * Change status: only the moves the domain allows from the status the clerk loaded, a public note
 * (templates from config.desk.noteTemplates), a look at what the citizen will receive, then the write.
 * The version is taken when the clerk starts, so a change made by someone else meanwhile is a conflict.
 */
export function StatusChange({ c, run }: { c: DeskCase; run: RunWrite }) {
  const [base, setBase] = useState<Loaded | null>(null);
  const [to, setTo] = useState<Status | null>(null);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [afterPhoto, setAfterPhoto] = useState<CompressedPhoto | null>(null);

  const from = base ?? c;
  const moves = from.status ? STATUS_TRANSITIONS[from.status] : STAFF_STATUSES;
  const tooLong = textLength(note) > DESK_LIMITS.statusNote.max;
  const needsReason = to === 'rejected' && note.trim() === '';
  const noteError = tooLong ? `ยาวเกิน ${DESK_LIMITS.statusNote.max} ตัวอักษร` : needsReason ? 'กรุณาระบุเหตุผลที่ดำเนินการไม่ได้ให้ผู้แจ้งทราบ' : null;
  const reset = () => {
    setBase(null);
    setTo(null);
    setNote('');
    setConfirming(false);
    setAfterPhoto(null);
  };
  const pick = (next: Status) => {
    if (!base) setBase({ id: c.id, version: c.version, status: c.status });
    setTo(next);
    setDone(null);
    setProblem(null);
  };
  const save = async () => {
    if (!base || !to) return;
    setBusy(true);
    const err = await run(() => changeStatus(base, to, note, afterPhoto ?? undefined));
    setBusy(false);
    reset();
    if (err) setProblem(err);
    else setDone(`เปลี่ยนสถานะเป็น "${STATUS_LABELS_TH[to]}" แล้ว ดูผลการส่งข้อความ LINE ได้ที่ขั้นตอนการดำเนินการ`);
  };

  return (
    <section class={ui.card} aria-labelledby="status-change-title">
      <h2 id="status-change-title">เปลี่ยนสถานะ</h2>
      <p class={s.current}>
        สถานะปัจจุบัน: <StatusBadge status={c.status} raw={c.rawStatus} />
      </p>
      {problem && <Banner kind="error">{problem}</Banner>}
      {done && <Banner kind="ok">{done}</Banner>}
      {moves.length === 0 ? (
        // A case the citizen cancelled stays cancelled (decision 018): they file again if they change their mind.
        <p class={ui.muted}>เรื่องนี้เปลี่ยนสถานะไม่ได้แล้ว</p>
      ) : confirming && to ? (
        <StatusConfirm to={to} note={note} busy={busy} onConfirm={() => void save()} onBack={() => setConfirming(false)} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (to && !noteError) setConfirming(true);
          }}
        >
          <fieldset class={s.moves}>
            <legend class={ui.label}>เปลี่ยนเป็น</legend>
            {moves.map((m) => (
              <label key={m} class={s.move}>
                <input type="radio" name="to" value={m} checked={to === m} onChange={() => pick(m)} />
                {STATUS_LABELS_TH[m]}
              </label>
            ))}
          </fieldset>
          {to && (
            <>
              <NoteTemplates to={to} onPick={setNote} />
              <Field
                id="status-note"
                label="ข้อความถึงผู้แจ้ง (ส่งทาง LINE และแสดงในหน้าติดตามสถานะ)"
                error={noteError}
                hint={`${textLength(note).toLocaleString('th-TH')} / ${DESK_LIMITS.statusNote.max.toLocaleString('th-TH')} ตัวอักษร`}
              >
                <textarea
                  id="status-note"
                  class={inputClass(tooLong ? noteError : null)}
                  value={note}
                  onInput={(e) => setNote(e.currentTarget.value)}
                  rows={3}
                />
              </Field>
              {to === 'done' && <AfterPhotoField photo={afterPhoto} onChange={setAfterPhoto} />}
            </>
          )}
          <div class={s.actions}>
            {to && (
              <button type="button" class={ui.quiet} onClick={reset}>
                ยกเลิก
              </button>
            )}
            <button type="submit" class={ui.primary} disabled={!to || tooLong}>
              ตรวจสอบก่อนบันทึก
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function NoteTemplates({ to, onPick }: { to: Status; onPick: (note: string) => void }) {
  const templates = config.desk.noteTemplates[to] ?? [];
  if (templates.length === 0) return null;
  return (
    <div class={s.templates} role="group" aria-label="ข้อความสำเร็จรูป">
      <span class={ui.hint}>ข้อความสำเร็จรูป:</span>
      {templates.map((t) => (
        <button type="button" key={t} class={s.chip} onClick={() => onPick(t)}>
          {t}
        </button>
      ))}
    </div>
  );
}

import { useState } from 'preact/hooks';
import { CITIZEN_MOVES, CITIZEN_TEXT_LIMITS, isClosed, normaliseText, textProblem, type Status } from '@banmae/domain';
import s from './case-actions.module.css';
import { ui } from '../ui/Field.tsx';
import { addInformation, cancelCase } from '../data/citizen-actions.ts';

const problemTh = (p: ReturnType<typeof textProblem>, min: number, max: number) =>
  p === 'short' ? `กรุณาพิมพ์อย่างน้อย ${min} ตัวอักษร` : p === 'long' ? `ยาวเกิน ${max} ตัวอักษร` : p === 'forbidden' ? 'มีอักขระที่ใช้ไม่ได้' : undefined;

interface TextActionProps {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  limits: { min: number; max: number };
  danger?: boolean;
  onSubmit: (text: string) => Promise<void>;
  onCancel: () => void;
}

/** A short text and one button: the reason for a cancel, or the information added. */
function TextAction({ id, label, hint, submitLabel, limits, danger, onSubmit, onCancel }: TextActionProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const value = normaliseText(text, 'multiline');
    const problem = problemTh(textProblem(value, limits, 'multiline'), limits.min, limits.max);
    if (problem) return setError(problem);
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(value);
    } catch {
      setError('ส่งไม่สำเร็จ เรื่องนี้อาจมีการเปลี่ยนแปลงแล้ว กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class={s.form} onSubmit={(e) => void submit(e)} noValidate>
      <label class={ui.label} for={id}>
        {label}
      </label>
      <textarea
        id={id}
        class={error ? `${ui.input} ${ui.invalid}` : ui.input}
        rows={3}
        maxLength={limits.max}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p class={ui.error} id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : (
        <p class={ui.hint}>{hint}</p>
      )}
      <div class={s.buttons}>
        <button type="submit" class={danger ? s.danger : ui.primary} disabled={busy}>
          {busy ? 'กำลังส่ง…' : submitLabel}
        </button>
        <button type="button" class={ui.secondary} onClick={onCancel} disabled={busy}>
          ไม่ใช่ตอนนี้
        </button>
      </div>
    </form>
  );
}

/**
 * What the owner can do on the case page (decision 018): cancel while nobody has accepted the case, add
 * information while it is open. Both are written under the rules; `onChanged` reloads the page's data.
 */
export function CaseActions({ caseId, owner, status, onChanged }: { caseId: string; owner: string; status: Status | null; onChanged: () => Promise<void> }) {
  const [open, setOpen] = useState<'cancel' | 'add' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!status) return null;
  const canCancel = (CITIZEN_MOVES.cancel.from as readonly Status[]).includes(status);
  const canAdd = !isClosed(status);
  if (!canCancel && !canAdd) return null;
  const finish = async (message: string) => {
    setOpen(null);
    setDone(message);
    await onChanged();
  };
  return (
    <section class={s.actions} data-testid="case-actions">
      {done && (
        <p class={`${ui.banner} ${ui.bannerInfo}`} role="status">
          {done}
        </p>
      )}
      {open === 'add' && (
        <TextAction
          id="add-info"
          label="ข้อมูลเพิ่มเติม"
          hint="เช่น จุดสังเกต เวลาที่พบปัญหา หรือสิ่งที่เปลี่ยนไป เจ้าหน้าที่จะเห็นข้อความนี้"
          submitLabel="ส่งข้อมูลเพิ่มเติม"
          limits={CITIZEN_TEXT_LIMITS.addition}
          onSubmit={async (text) => {
            await addInformation(caseId, owner, text);
            await finish('ส่งข้อมูลเพิ่มเติมแล้ว');
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'cancel' && (
        <TextAction
          id="cancel-reason"
          label="เหตุผลที่ยกเลิก"
          hint="ยกเลิกได้เฉพาะเรื่องที่เจ้าหน้าที่ยังไม่รับพิจารณา เมื่อยกเลิกแล้วจะเปิดเรื่องนี้อีกไม่ได้"
          submitLabel="ยืนยันยกเลิกเรื่อง"
          limits={CITIZEN_TEXT_LIMITS.cancelReason}
          danger
          onSubmit={async (reason) => {
            await cancelCase(caseId, reason);
            await finish('ยกเลิกเรื่องแล้ว');
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === null && (
        <div class={s.buttons}>
          {canAdd && (
            <button type="button" class={ui.primary} onClick={() => (setDone(null), setOpen('add'))}>
              เพิ่มข้อมูล
            </button>
          )}
          {canCancel && (
            <button type="button" class={s.dangerLink} onClick={() => (setDone(null), setOpen('cancel'))}>
              ยกเลิกเรื่องนี้
            </button>
          )}
        </div>
      )}
    </section>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { additionPhotoIds, CITIZEN_MOVES, CITIZEN_TEXT_LIMITS, isClosed, normaliseText, textProblem, type Status } from '@banmae/domain';
import s from './case-actions.module.css';
import { ui } from '../ui/Field.tsx';
import { addInformation, cancelCase, newAdditionId } from '../data/citizen-actions.ts';
import { db } from '../boot/firebase-client.ts';
import { PhotoPicker } from '../photos/PhotoPicker.tsx';
import { PhotoQueue } from '../photos/photo-queue.ts';

const problemTh = (p: ReturnType<typeof textProblem>, min: number, max: number) =>
  p === 'short' ? `กรุณาพิมพ์อย่างน้อย ${min} ตัวอักษร` : p === 'long' ? `ยาวเกิน ${max} ตัวอักษร` : p === 'forbidden' ? 'มีอักขระที่ใช้ไม่ได้' : undefined;

interface TextActionProps {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  limits: { min: number; max: number };
  danger?: boolean;
  /** The text is stored already (a retry sends only what is left, such as photos): it can no longer change. */
  locked?: boolean;
  /** The Thai message for an error of this action, when the generic one would mislead. */
  errorText?: (err: unknown) => string | undefined;
  /** More fields between the text and the buttons (the photos of added information). */
  children?: ComponentChildren;
  onSubmit: (text: string) => Promise<void>;
  onCancel: () => void;
}

/** A short text and one button: the reason for a cancel, or the information added. */
function TextAction({ id, label, hint, submitLabel, limits, danger, locked, errorText, children, onSubmit, onCancel }: TextActionProps) {
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
    } catch (err) {
      setError(errorText?.(err) ?? 'ส่งไม่สำเร็จ เรื่องนี้อาจมีการเปลี่ยนแปลงแล้ว กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง');
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
        class={error && !locked ? `${ui.input} ${ui.invalid}` : ui.input}
        rows={3}
        maxLength={limits.max}
        value={text}
        readOnly={locked}
        onInput={(e) => setText(e.currentTarget.value)}
        aria-invalid={error && !locked ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p class={ui.error} id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : (
        <p class={ui.hint}>{hint}</p>
      )}
      {children && <div class={s.more}>{children}</div>}
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
 * Once the text is stored, what fails is the photos. Before that, a refusal means the case changed
 * (the generic message); anything else is the connection.
 */
const addErrorText = (textStored: boolean, err: unknown) =>
  textStored
    ? 'ส่งข้อความแล้ว แต่ส่งรูปภาพไม่สำเร็จ เพราะการเชื่อมต่ออินเทอร์เน็ตขาดหาย รูปที่เลือกไว้ยังอยู่ครบ กรุณาตรวจสอบสัญญาณแล้วกด “ส่งข้อมูลเพิ่มเติม” อีกครั้ง'
    : (err as { code?: string }).code === 'permission-denied'
      ? undefined
      : 'ส่งไม่สำเร็จ เพราะการเชื่อมต่ออินเทอร์เน็ตขาดหาย ข้อความและรูปที่เลือกไว้ยังอยู่ครบ กรุณาตรวจสอบสัญญาณแล้วกด “ส่งข้อมูลเพิ่มเติม” อีกครั้ง';

interface AddInformationProps {
  caseId: string;
  owner: string;
  onDone: (message: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * Text and up to three photos added to an open case. The addition's ID is chosen when the form opens and
 * names its photos (a-<id>-1..3); the text is stored first (the rules want the addition before its
 * photos), then the photos one by one. When the photos fail, the text stays stored and locked, the photos
 * stay picked, and the next tap sends only the photos not yet stored, as the complaint form does.
 */
function AddInformation({ caseId, owner, onDone, onCancel }: AddInformationProps) {
  const [additionId] = useState(() => newAdditionId(caseId));
  const [queue] = useState(() => new PhotoQueue(additionPhotoIds(additionId)));
  const textStored = useRef(false);
  const [locked, setLocked] = useState(false);
  useEffect(() => () => queue.snapshot.photos.forEach((p) => URL.revokeObjectURL(p.preview)), [queue]);
  return (
    <TextAction
      id="add-info"
      label="ข้อมูลเพิ่มเติม"
      hint="เช่น จุดสังเกต เวลาที่พบปัญหา หรือสิ่งที่เปลี่ยนไป เจ้าหน้าที่จะเห็นข้อความนี้"
      submitLabel="ส่งข้อมูลเพิ่มเติม"
      limits={CITIZEN_TEXT_LIMITS.addition}
      locked={locked}
      errorText={(err) => addErrorText(textStored.current, err)}
      onSubmit={async (text) => {
        if (!textStored.current) {
          await addInformation(caseId, additionId, owner, text);
          textStored.current = true;
          setLocked(true);
        }
        await queue.send(db, caseId);
        await onDone(queue.snapshot.photos.length > 0 ? 'ส่งข้อมูลเพิ่มเติมและรูปภาพแล้ว' : 'ส่งข้อมูลเพิ่มเติมแล้ว');
      }}
      onCancel={() => (textStored.current ? void onDone('ส่งข้อความแล้ว แต่ยังไม่ได้ส่งรูปภาพ') : onCancel())}
    >
      <PhotoPicker queue={queue} label="รูปภาพประกอบ" />
    </TextAction>
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
      {open === 'add' && <AddInformation caseId={caseId} owner={owner} onDone={finish} onCancel={() => setOpen(null)} />}
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

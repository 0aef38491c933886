import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNationalId, formatThaiPhone, validateComplaintDraft, type ComplaintField, type FieldErrors } from '@banmae/domain';
import { ui } from '../ui/Field.tsx';
import { Header } from '../ui/Header.tsx';
import { pageHref } from '../ui/links.ts';
import { config } from '../env.ts';
import { FilingLimitError, SubmitError, type SubmitFailure } from '../data/filing-errors.ts';
import { SignInError } from '../boot/sign-in-error.ts';
import type { SayInChat } from '../boot/liff-chat.ts';
import { EMPTY, FIELD_IDS, FIELD_ORDER, toDraft, typedInto, type FormState } from './form-state.ts';
import { clearMatterDraft, loadMatterDraft, matterOf, saveMatterDraft } from './matter-draft.ts';
import { MatterSection } from './MatterSection.tsx';
import { PrivacyAcknowledgement } from './PrivacyAcknowledgement.tsx';
import { PrivacyNotice } from './PrivacyNotice.tsx';
import { ReporterSection, type MaskedField } from './ReporterSection.tsx';
import { SubmitButton, type Readiness } from './SubmitButton.tsx';
import { SuccessScreen } from './SuccessScreen.tsx';
import { PhotoSendError, PhotoSlot, sendFormPhotos } from '../photos/index.tsx';

const SUBMIT_MESSAGES: Record<SubmitFailure, string> = {
  offline: 'ส่งไม่สำเร็จ เพราะการเชื่อมต่ออินเทอร์เน็ตขาดหาย ข้อมูลที่กรอกไว้ยังอยู่ครบ กรุณาตรวจสอบสัญญาณแล้วกด “ส่งข้อมูลผู้ร้องเรียน” อีกครั้ง',
  refused: 'ระบบไม่รับข้อมูลนี้ กรุณาตรวจสอบข้อมูลแล้วลองอีกครั้ง หากยังไม่ได้ กรุณาปิดหน้านี้แล้วเปิดจากเมนูใน LINE ใหม่',
  unknown: 'ส่งไม่สำเร็จ กรุณาลองอีกครั้ง ข้อมูลที่กรอกไว้ยังอยู่ครบ',
};

const categoryIds = config.categories.map((c) => c.id);

/** Firestore and the filing code: a chunk of their own, fetched while the citizen types (issue 11). */
const filing = () => import('../data/complaints.ts');

/** Where the success screen lives: its own URL, so a reload or "back" shows the number, never the filled form again. */
export const sentPath = (caseId: string) => `/sent/${caseId}`;

interface Props {
  signIn: () => Promise<string>;
  onClose: () => void;
  /** Resolves to how to say a text in the OA's chat, or null when the form was not opened from it. */
  sayInChat: Promise<SayInChat | null>;
}

export function ComplaintForm({ signIn, onClose, sayInChat }: Props) {
  const [form, setForm] = useState<FormState>(() => ({ ...EMPTY, ...loadMatterDraft() }));
  const [touched, setTouched] = useState<Set<ComplaintField>>(new Set());
  const [submitTried, setSubmitTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [readiness, setReadiness] = useState<Readiness>('preparing');
  const [filedId, setFiledId] = useState<string | null>(null);
  const [say, setSay] = useState<SayInChat | null>(null);
  const [limitText, setLimitText] = useState<string | null>(null);
  const [prefilled, setPrefilled] = useState(false);
  // Prefilled personal numbers stay masked until the citizen taps to edit them (PDPA: a shared phone).
  const [masked, setMasked] = useState<ReadonlySet<MaskedField>>(new Set());
  const inFlight = useRef(false);
  const pending = useRef<{ id: string; attempts: number } | null>(null);
  const failureRef = useRef<HTMLParagraphElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const owner = signIn();
    owner.then(
      () => setReadiness('ready'),
      () => setReadiness('failed'), // the submit tries again and explains
    );
    void Promise.all([owner, filing()])
      .then(([uid, data]) => data.filingLimitReached(uid))
      .then((reached) => reached && setLimitText(reached.thaiMessage))
      .catch(() => undefined); // the submit checks again
    void Promise.all([owner, filing()])
      .then(([uid, data]) => data.latestReporter(uid))
      .then((r) => {
        if (!r) return;
        // Each field only if still empty: the citizen may have started typing before sign-in finished.
        setForm((f) => {
          const fill = { name: !f.name, nationalId: !f.nationalId, phone: !f.phone, email: !f.email && Boolean(r.email) };
          setMasked(new Set<MaskedField>((['nationalId', 'phone'] as const).filter((k) => fill[k])));
          setPrefilled(Object.values(fill).some(Boolean));
          return {
            ...f,
            ...(fill.name ? { name: r.name } : {}),
            ...(fill.nationalId ? { nationalId: formatNationalId(r.nationalId) } : {}),
            ...(fill.phone ? { phone: formatThaiPhone(r.phone) } : {}),
            ...(fill.email ? { email: r.email ?? '' } : {}),
          };
        });
      })
      .catch(() => undefined); // prefilling is a convenience: the form works without it
  }, [signIn]);

  const matter = matterOf(form);
  useEffect(() => {
    if (!filedId) saveMatterDraft(matter);
  }, [JSON.stringify(matter)]);

  // After a failed send the explanation takes focus (read at once) and the retry button stays in view.
  useEffect(() => {
    if (!failure) return;
    failureRef.current?.focus({ preventScroll: true });
    submitRef.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);

  const result = validateComplaintDraft(toDraft(form), categoryIds);
  const allErrors: FieldErrors = result.ok ? {} : result.errors;
  // "Required" only after a submit attempt; a format error once the citizen typed something and left the field.
  const errorOf = (field: ComplaintField) => (submitTried || (touched.has(field) && typedInto(form, field)) ? allErrors[field] : undefined);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const touch = (field: ComplaintField) => () => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  const unmask = (field: MaskedField) => setMasked((m) => new Set([...m].filter((f) => f !== field)));
  const fields = { form, set, errorOf, touch };

  async function submit(e: Event) {
    e.preventDefault();
    if (inFlight.current) return; // a second tap while sending must not file twice
    setFailure(null);
    if (!result.ok) {
      setSubmitTried(true);
      const first = FIELD_ORDER.find((f) => allErrors[f]);
      if (first) document.getElementById(FIELD_IDS[first])?.focus(); // reads the field and its error, once
      return;
    }
    if (!navigator.onLine) {
      setFailure(SUBMIT_MESSAGES.offline);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    try {
      const [owner, data] = await Promise.all([signIn(), filing()]);
      setReadiness('ready');
      pending.current ??= { id: data.newCaseId(), attempts: 0 };
      const attempt = pending.current;
      const sayer = await sayInChat; // loaded while the citizen typed
      try {
        await data.fileComplaint(attempt.id, owner, result.value, config.privacyNotice.version, attempt.attempts > 0, sayer !== null);
        await sendFormPhotos(attempt.id);
      } catch (err) {
        // The next tap is a retry of the same case: filed or not, it must not be created twice.
        attempt.attempts += 1;
        throw err;
      }
      clearMatterDraft();
      history.replaceState(null, '', pageHref(sentPath(attempt.id)));
      setSay(() => sayer);
      setFiledId(attempt.id);
    } catch (err) {
      const text =
        err instanceof SignInError || err instanceof FilingLimitError || err instanceof PhotoSendError
          ? err.thaiMessage
          : SUBMIT_MESSAGES[err instanceof SubmitError ? err.failure : 'offline'];
      setFailure(text);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  if (filedId) return <SuccessScreen caseId={filedId} signIn={signIn} onClose={onClose} sayInChat={say} />;

  return (
    <>
      <Header title="ร้องเรียน / ร้องทุกข์ และขอรับบริการต่างๆ" />
      <form class={ui.page} onSubmit={(e) => void submit(e)} noValidate>
        {limitText && (
          <p class={`${ui.banner} ${ui.bannerError}`} role="alert" data-testid="filing-limit">
            {limitText}
          </p>
        )}
        <p class={ui.hint}>
          ช่องที่มีเครื่องหมาย <span class={ui.required}>*</span> ต้องกรอก
        </p>
        <PrivacyNotice />
        <ReporterSection {...fields} masked={masked} onUnmask={unmask} prefilled={prefilled} />
        <MatterSection {...fields} />
        <PhotoSlot />
        <PrivacyAcknowledgement
          acknowledged={form.privacyAcknowledged}
          error={errorOf('privacyAcknowledged')}
          onChange={(v) => set('privacyAcknowledged', v)}
        />
        {/* A failed send is explained next to the button the citizen just tapped, not at the top of a long form. */}
        {failure && (
          <p class={`${ui.banner} ${ui.bannerError}`} role="alert" tabIndex={-1} ref={failureRef} data-testid="submit-failure">
            {failure}
          </p>
        )}
        <SubmitButton buttonRef={submitRef} readiness={readiness} submitting={submitting} />
      </form>
    </>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNationalId, formatThaiPhone, validateComplaintDraft, type ComplaintField, type FieldErrors } from '@banmae/domain';
import { ui } from '../ui/Field.tsx';
import { Header } from '../ui/Header.tsx';
import { config } from '../env.ts';
import { fileComplaint, FilingLimitError, filingLimitReached, latestReporter, newCaseId, SubmitError, type SubmitFailure } from '../data/complaints.ts';
import { SignInError } from '../boot/firebase-client.ts';
import { EMPTY, FIELD_IDS, FIELD_ORDER, toDraft, type FormState } from './form-state.ts';
import { MatterSection } from './MatterSection.tsx';
import { PrivacyNotice } from './PrivacyNotice.tsx';
import { ReporterSection, type MaskedField } from './ReporterSection.tsx';
import { SuccessScreen } from './SuccessScreen.tsx';
import { PhotoSendError, PhotoSlot, sendFormPhotos } from '../photos/index.tsx';

const SUBMIT_MESSAGES: Record<SubmitFailure, string> = {
  offline: 'ส่งไม่สำเร็จ เพราะการเชื่อมต่ออินเทอร์เน็ตขาดหาย ข้อมูลที่กรอกไว้ยังอยู่ครบ กรุณาตรวจสอบสัญญาณแล้วกด “ส่งข้อมูลผู้ร้องเรียน” อีกครั้ง',
  refused: 'ระบบไม่รับข้อมูลนี้ กรุณาตรวจสอบข้อมูลแล้วลองอีกครั้ง หากยังไม่ได้ กรุณาปิดหน้านี้แล้วเปิดจากเมนูใน LINE ใหม่',
  unknown: 'ส่งไม่สำเร็จ กรุณาลองอีกครั้ง ข้อมูลที่กรอกไว้ยังอยู่ครบ',
};

const categoryIds = config.categories.map((c) => c.id);

interface Props {
  signIn: () => Promise<string>;
  onClose: () => void;
  /** Resolves to how to say a text in the OA's chat, or null when the form was not opened from it. */
  sayInChat: Promise<((text: string) => Promise<void>) | null>;
}

export function ComplaintForm({ signIn, onClose, sayInChat }: Props) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [touched, setTouched] = useState<Set<ComplaintField>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [banner, setBanner] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [filedId, setFiledId] = useState<string | null>(null);
  const [say, setSay] = useState<((text: string) => Promise<void>) | null>(null);
  const [limitText, setLimitText] = useState<string | null>(null);
  // Prefilled personal numbers stay masked until the citizen taps to edit them (PDPA: a shared phone).
  const [masked, setMasked] = useState<ReadonlySet<MaskedField>>(new Set());
  const inFlight = useRef(false);
  const pending = useRef<{ id: string; attempts: number } | null>(null);

  useEffect(() => {
    const owner = signIn();
    void owner
      .then(filingLimitReached)
      .then((reached) => reached && setLimitText(reached.thaiMessage))
      .catch(() => undefined); // the submit checks again
    void owner
      .then(latestReporter)
      .then((r) => {
        if (!r) return;
        setForm((f) => {
          if (f.name || f.nationalId || f.phone) return f;
          setMasked(new Set<MaskedField>(['nationalId', 'phone']));
          return { ...f, name: r.name, nationalId: formatNationalId(r.nationalId), phone: formatThaiPhone(r.phone), email: r.email ?? '' };
        });
        setBanner({ kind: 'info', text: 'ใช้ข้อมูลผู้แจ้งจากเรื่องล่าสุดของท่าน ตรวจสอบและแก้ไขได้ก่อนส่ง' });
      })
      .catch(() => undefined); // prefilling is a convenience: the form works without it
  }, [signIn]);

  const result = validateComplaintDraft(toDraft(form), categoryIds);
  const allErrors: FieldErrors = result.ok ? {} : result.errors;
  const errorOf = (field: ComplaintField) => (showAll || touched.has(field) ? allErrors[field] : undefined);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const touch = (field: ComplaintField) => () => setTouched((t) => new Set(t).add(field));
  const unmask = (field: MaskedField) => setMasked((m) => new Set([...m].filter((f) => f !== field)));
  const fields = { form, set, errorOf, touch };

  async function submit(e: Event) {
    e.preventDefault();
    if (inFlight.current) return; // a second tap while sending must not file twice
    if (!result.ok) {
      setShowAll(true);
      const first = FIELD_ORDER.find((f) => allErrors[f]);
      if (first) document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    if (!navigator.onLine) {
      setBanner({ kind: 'error', text: SUBMIT_MESSAGES.offline });
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setBanner(null);
    pending.current ??= { id: newCaseId(), attempts: 0 };
    const attempt = pending.current;
    try {
      const owner = await signIn();
      const say = await sayInChat; // loaded while the citizen typed
      await fileComplaint(attempt.id, owner, result.value, config.privacyNotice.version, attempt.attempts > 0, say !== null);
      await sendFormPhotos(attempt.id);
      setSay(() => say);
      setFiledId(attempt.id);
    } catch (err) {
      attempt.attempts += 1;
      const text =
        err instanceof SignInError || err instanceof FilingLimitError || err instanceof PhotoSendError
          ? err.thaiMessage
          : SUBMIT_MESSAGES[err instanceof SubmitError ? err.failure : 'unknown'];
      setBanner({ kind: 'error', text });
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  if (filedId) return <SuccessScreen caseId={filedId} onClose={onClose} sayInChat={say} />;

  return (
    <>
      <Header title="ร้องเรียน / ร้องทุกข์ และขอรับบริการต่างๆ" />
      <form class={ui.page} onSubmit={(e) => void submit(e)} noValidate>
        {limitText && (
          <p class={`${ui.banner} ${ui.bannerError}`} role="alert" data-testid="filing-limit">
            {limitText}
          </p>
        )}
        {banner?.kind === 'info' && (
          <p class={`${ui.banner} ${ui.bannerInfo}`} role="status">
            {banner.text}
          </p>
        )}

        <ReporterSection {...fields} masked={masked} onUnmask={unmask} />
        <MatterSection {...fields} />
        <PhotoSlot />

        <PrivacyNotice acknowledged={form.privacyAcknowledged} error={errorOf('privacyAcknowledged')} onChange={(v) => set('privacyAcknowledged', v)} />

        {/* A failed send is explained next to the button the citizen just tapped, not at the top of a long form. */}
        {banner?.kind === 'error' && (
          <p class={`${ui.banner} ${ui.bannerError}`} role="alert">
            {banner.text}
          </p>
        )}
        <button type="submit" class={ui.primary} disabled={submitting} aria-busy={submitting}>
          {submitting ? 'กำลังส่งข้อมูล…' : 'ส่งข้อมูลผู้ร้องเรียน'}
        </button>
      </form>
    </>
  );
}

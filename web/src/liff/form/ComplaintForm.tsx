import { useEffect, useRef, useState } from 'preact/hooks';
import {
  COMPLAINT_KINDS,
  formatNationalId,
  formatThaiPhone,
  KIND_LABELS_TH,
  LIMITS,
  textLength,
  validateComplaintDraft,
  type ComplaintField,
  type FieldErrors,
  type LocationInput,
} from '@banmae/domain';
import s from './form.module.css';
import { Field, inputClass, TextField, ui } from '../ui/Field.tsx';
import { Header } from '../ui/Header.tsx';
import { config } from '../env.ts';
import { fileComplaint, latestReporter, newCaseId, SubmitError, type SubmitFailure } from '../data/complaints.ts';
import { SignInError } from '../boot/firebase-client.ts';
import { LocationField } from './LocationField.tsx';
import { PrivacyNotice } from './PrivacyNotice.tsx';
import { SuccessScreen } from './SuccessScreen.tsx';

interface FormState {
  kind: string;
  category: string;
  subject: string;
  details: string;
  location: LocationInput | null;
  name: string;
  nationalId: string;
  phone: string;
  email: string;
  privacyAcknowledged: boolean;
}

const EMPTY: FormState = {
  kind: 'complaint',
  category: '',
  subject: '',
  details: '',
  location: null,
  name: '',
  nationalId: '',
  phone: '',
  email: '',
  privacyAcknowledged: false,
};

const SUBMIT_MESSAGES: Record<SubmitFailure, string> = {
  offline: 'ส่งไม่สำเร็จ เพราะการเชื่อมต่ออินเทอร์เน็ตขาดหาย ข้อมูลที่กรอกไว้ยังอยู่ครบ กรุณาตรวจสอบสัญญาณแล้วกด “ส่งข้อมูลผู้ร้องเรียน” อีกครั้ง',
  refused: 'ระบบไม่รับข้อมูลนี้ กรุณาตรวจสอบข้อมูลแล้วลองอีกครั้ง หากยังไม่ได้ กรุณาปิดหน้านี้แล้วเปิดจากเมนูใน LINE ใหม่',
  unknown: 'ส่งไม่สำเร็จ กรุณาลองอีกครั้ง ข้อมูลที่กรอกไว้ยังอยู่ครบ',
};

/** Field order for focusing the first error: the manual's order, reporter first then the matter. */
const FIELD_ORDER: ComplaintField[] = [
  'reporter.name',
  'reporter.nationalId',
  'reporter.phone',
  'reporter.email',
  'kind',
  'category',
  'subject',
  'details',
  'location',
  'privacyAcknowledged',
];
const FIELD_IDS: Record<ComplaintField, string> = {
  'reporter.name': 'name',
  'reporter.nationalId': 'nationalId',
  'reporter.phone': 'phone',
  'reporter.email': 'email',
  kind: 'kind-complaint',
  category: 'category',
  subject: 'subject',
  details: 'details',
  location: 'location-label',
  privacyAcknowledged: 'privacyAcknowledged',
};

function toDraft(f: FormState) {
  return {
    kind: f.kind,
    category: f.category,
    subject: f.subject,
    details: f.details,
    location: f.location,
    privacyAcknowledged: f.privacyAcknowledged,
    reporter: { name: f.name, nationalId: f.nationalId, phone: f.phone, email: f.email },
  };
}

const categoryIds = config.categories.map((c) => c.id);

export function ComplaintForm({ signIn, onClose }: { signIn: () => Promise<string>; onClose: () => void }) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [touched, setTouched] = useState<Set<ComplaintField>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [banner, setBanner] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [filedId, setFiledId] = useState<string | null>(null);
  const inFlight = useRef(false);
  const pending = useRef<{ id: string; attempts: number } | null>(null);

  useEffect(() => {
    void signIn()
      .then(latestReporter)
      .then((r) => {
        if (!r) return;
        setForm((f) =>
          f.name || f.nationalId || f.phone
            ? f
            : { ...f, name: r.name, nationalId: formatNationalId(r.nationalId), phone: formatThaiPhone(r.phone), email: r.email ?? '' },
        );
        setBanner({ kind: 'info', text: 'ใช้ข้อมูลผู้แจ้งจากเรื่องล่าสุดของท่าน ตรวจสอบและแก้ไขได้ก่อนส่ง' });
      })
      .catch(() => undefined); // prefilling is a convenience: the form works without it
  }, [signIn]);

  const result = validateComplaintDraft(toDraft(form), categoryIds);
  const allErrors: FieldErrors = result.ok ? {} : result.errors;
  const errorOf = (field: ComplaintField) => (showAll || touched.has(field) ? allErrors[field] : undefined);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const touch = (field: ComplaintField) => () => setTouched((t) => new Set(t).add(field));

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
      await fileComplaint(attempt.id, owner, result.value, config.privacyNotice.version, attempt.attempts > 0);
      setFiledId(attempt.id);
    } catch (err) {
      attempt.attempts += 1;
      const text = err instanceof SignInError ? err.thaiMessage : SUBMIT_MESSAGES[err instanceof SubmitError ? err.failure : 'unknown'];
      setBanner({ kind: 'error', text });
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  if (filedId) return <SuccessScreen caseId={filedId} onClose={onClose} />;

  return (
    <>
      <Header title="ร้องเรียน / ร้องทุกข์ และขอรับบริการต่างๆ" />
      <form class={ui.page} onSubmit={(e) => void submit(e)} noValidate>
        {banner && (
          <p class={`${ui.banner} ${banner.kind === 'error' ? ui.bannerError : ui.bannerInfo}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
            {banner.text}
          </p>
        )}

        <fieldset class={s.section}>
          <legend class={s.legend}>ข้อมูลผู้แจ้ง</legend>
          <TextField
            id="name"
            label="ชื่อ-นามสกุล"
            error={errorOf('reporter.name')}
            autocomplete="name"
            maxLength={LIMITS.reporterName.max}
            value={form.name}
            onValue={(v) => set('name', v)}
            onBlur={touch('reporter.name')}
          />
          <TextField
            id="nationalId"
            label="หมายเลขบัตรประจำตัวประชาชน"
            hint="13 หลัก ใช้ยืนยันตัวผู้แจ้งเท่านั้น"
            error={errorOf('reporter.nationalId')}
            inputMode="numeric"
            autocomplete="off"
            placeholder="x-xxxx-xxxxx-xx-x"
            value={form.nationalId}
            format={formatNationalId}
            onValue={(v) => {
              set('nationalId', v);
              if (v.length === 17) touch('reporter.nationalId')(); // all 13 digits typed: check at once
            }}
            onBlur={touch('reporter.nationalId')}
          />
          <TextField
            id="phone"
            label="เบอร์โทรศัพท์"
            error={errorOf('reporter.phone')}
            type="tel"
            inputMode="tel"
            autocomplete="tel"
            placeholder="08x-xxx-xxxx"
            value={form.phone}
            onValue={(v) => set('phone', v)}
            onBlur={touch('reporter.phone')}
          />
          <TextField
            id="email"
            label="อีเมล"
            optional
            error={errorOf('reporter.email')}
            type="email"
            inputMode="email"
            autocomplete="email"
            value={form.email}
            onValue={(v) => set('email', v)}
            onBlur={touch('reporter.email')}
          />
        </fieldset>

        <fieldset class={s.section}>
          <legend class={s.legend}>รายละเอียดเรื่อง</legend>
          <div class={ui.field} role="radiogroup" aria-label="ประเภทเรื่อง">
            <span class={ui.label}>ประเภทเรื่อง</span>
            <div class={s.kinds}>
              {COMPLAINT_KINDS.map((k) => (
                <label class={s.kind} key={k}>
                  <input id={`kind-${k}`} type="radio" name="kind" value={k} checked={form.kind === k} onChange={() => set('kind', k)} />
                  <span>{KIND_LABELS_TH[k]}</span>
                </label>
              ))}
            </div>
          </div>
          <Field id="category" label="หมวดหมู่" error={errorOf('category')}>
            <select
              id="category"
              class={inputClass(errorOf('category'))}
              value={form.category}
              onChange={(e) => set('category', e.currentTarget.value)}
              onBlur={touch('category')}
            >
              <option value="">— เลือกหมวดหมู่ —</option>
              {config.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.labelTh}
                </option>
              ))}
            </select>
          </Field>
          <TextField
            id="subject"
            label="หัวข้อเรื่อง"
            error={errorOf('subject')}
            maxLength={LIMITS.subject.max}
            value={form.subject}
            onValue={(v) => set('subject', v)}
            onBlur={touch('subject')}
          />
          <Field id="details" label="รายละเอียด / เหตุการณ์" error={errorOf('details')}>
            <textarea
              id="details"
              class={inputClass(errorOf('details'))}
              rows={5}
              value={form.details}
              maxLength={LIMITS.details.max}
              onInput={(e) => set('details', e.currentTarget.value)}
              onBlur={touch('details')}
            />
            <p class={s.counter}>
              {textLength(form.details).toLocaleString('th-TH')} / {LIMITS.details.max.toLocaleString('th-TH')}
            </p>
          </Field>
          <LocationField value={form.location} error={errorOf('location')} onChange={(v) => set('location', v)} />
        </fieldset>

        <PrivacyNotice acknowledged={form.privacyAcknowledged} error={errorOf('privacyAcknowledged')} onChange={(v) => set('privacyAcknowledged', v)} />

        <button type="submit" class={ui.primary} disabled={submitting} aria-busy={submitting}>
          {submitting ? 'กำลังส่งข้อมูล…' : 'ส่งข้อมูลผู้ร้องเรียน'}
        </button>
      </form>
    </>
  );
}

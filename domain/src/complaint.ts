import { INITIAL_STATUS } from './statuses.ts';
import type { CaseRecord, PrivateReporter } from './case-record.ts';
import { nationalIdProblem, normalizeNationalId } from './national-id.ts';
import { normalizeThaiPhone, phoneProblem } from './thai-phone.ts';
import { normaliseText, textProblem, type TextShape } from './meaningful-text.ts';
import { parseIncident, type IncidentParts } from './incident-time.ts';
import { COMPLAINT_KINDS, type ComplaintKind } from './complaint-kinds.ts';

/**
 * Field limits, in Unicode code points. firestore.rules enforces the same numbers; the rules tests
 * build their oversize inputs from these constants, so the two cannot drift apart unnoticed.
 */
export const LIMITS = {
  subject: { min: 3, max: 120 },
  details: { min: 10, max: 2000 },
  reporterName: { min: 2, max: 100 },
  email: { max: 254 },
  categoryId: { max: 40 },
  privacyNoticeVersion: { max: 40 },
  /** GPS accuracy worse than 5 km says nothing useful about where the problem is. */
  locationAccuracyM: { max: 5000 },
} as const;

export interface LocationInput {
  lat: number;
  lng: number;
  accuracyM: number;
}

export interface ReporterInput {
  name: string;
  nationalId: string;
  phone: string;
  email?: string;
}

/** What the LIFF form collects, as typed. */
export interface ComplaintDraft {
  kind: string;
  category: string;
  subject: string;
  details: string;
  location?: LocationInput | null;
  /** วันและเวลาที่เกิดเหตุ, optional (incident-time.ts). */
  incident?: IncidentParts;
  reporter: ReporterInput;
  privacyAcknowledged: boolean;
}

/** The validated, normalised complaint (without owner, timestamps and server fields). */
export interface ComplaintInput {
  kind: ComplaintKind;
  category: string;
  subject: string;
  details: string;
  location?: LocationInput;
  incidentAt?: Date;
  reporter: { name: string; nationalId: string; phone: string; email?: string };
}

export type ComplaintField =
  | 'kind'
  | 'category'
  | 'subject'
  | 'details'
  | 'location'
  | 'incidentAt'
  | 'reporter.name'
  | 'reporter.nationalId'
  | 'reporter.phone'
  | 'reporter.email'
  | 'privacyAcknowledged';

export type FieldErrors = Partial<Record<ComplaintField, string>>;

export type ValidationResult = { ok: true; value: ComplaintInput } | { ok: false; errors: FieldErrors };

/** Length as a citizen sees it on screen (code points), matching string size() in the rules. */
export function textLength(text: string): number {
  return [...text].length;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const MESSAGES = {
  kind: 'กรุณาเลือกประเภทเรื่อง',
  category: 'กรุณาเลือกหมวดหมู่',
  subjectShort: `กรุณากรอกหัวข้อเรื่องอย่างน้อย ${LIMITS.subject.min} ตัวอักษร`,
  subjectLong: `หัวข้อเรื่องยาวเกิน ${LIMITS.subject.max} ตัวอักษร`,
  detailsShort: `กรุณาเล่ารายละเอียดอย่างน้อย ${LIMITS.details.min} ตัวอักษร`,
  detailsLong: `รายละเอียดยาวเกิน ${LIMITS.details.max} ตัวอักษร`,
  location: 'พิกัดไม่ถูกต้อง กรุณาระบุตำแหน่งใหม่หรือลบพิกัดออก',
  nameShort: 'กรุณากรอกชื่อ-นามสกุลผู้แจ้ง',
  nameLong: `ชื่อยาวเกิน ${LIMITS.reporterName.max} ตัวอักษร`,
  nationalId: {
    empty: 'กรุณากรอกหมายเลขบัตรประชาชน',
    length: 'หมายเลขบัตรประชาชนต้องมี 13 หลัก',
    repeated: 'หมายเลขบัตรประชาชนไม่ถูกต้อง',
    checksum: 'หมายเลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง',
  },
  phone: {
    empty: 'กรุณากรอกเบอร์โทรศัพท์',
    format: 'เบอร์โทรศัพท์ไม่ถูกต้อง (เช่น 081-234-5678 หรือ 053-123-456)',
  },
  email: 'อีเมลไม่ถูกต้อง',
  privacy: 'กรุณาอ่านและรับทราบประกาศความเป็นส่วนตัวก่อนส่งข้อมูล',
  forbidden: 'มีอักขระพิเศษที่ระบบรับไม่ได้ กรุณาพิมพ์ข้อความใหม่',
} as const;

/** Validates the normalised text (normaliseText), so a hidden control character pasted in is dropped, not refused. */
function checkText(text: string, limits: { min: number; max: number }, shape: TextShape, short: string, long: string): string | null {
  const problem = textProblem(normaliseText(text, shape), limits, shape);
  if (problem === 'short') return short;
  if (problem === 'long') return long;
  if (problem === 'forbidden') return MESSAGES.forbidden;
  return null;
}

function locationValid(loc: LocationInput): boolean {
  const finite = [loc.lat, loc.lng, loc.accuracyM].every((n) => typeof n === 'number' && Number.isFinite(n));
  return finite && Math.abs(loc.lat) <= 90 && Math.abs(loc.lng) <= 180 && loc.accuracyM >= 0 && loc.accuracyM <= LIMITS.locationAccuracyM.max;
}

/**
 * The one validation of a complaint, used by the LIFF form (inline Thai errors) and by tests; the
 * Firestore rules enforce the same constraints for anyone who bypasses the form.
 */
export function validateComplaintDraft(draft: ComplaintDraft, categoryIds: readonly string[], now: Date = new Date()): ValidationResult {
  const errors: FieldErrors = {};
  const r = draft.reporter;
  if (!(COMPLAINT_KINDS as readonly string[]).includes(draft.kind)) errors.kind = MESSAGES.kind;
  if (!categoryIds.includes(draft.category)) errors.category = MESSAGES.category;
  const subject = checkText(draft.subject, LIMITS.subject, 'line', MESSAGES.subjectShort, MESSAGES.subjectLong);
  if (subject) errors.subject = subject;
  const details = checkText(draft.details, LIMITS.details, 'multiline', MESSAGES.detailsShort, MESSAGES.detailsLong);
  if (details) errors.details = details;
  if (draft.location && !locationValid(draft.location)) errors.location = MESSAGES.location;
  const incident = draft.incident ? parseIncident(draft.incident, now) : ({ ok: true, value: null } as const);
  if (!incident.ok) errors.incidentAt = incident.error;
  const name = checkText(r.name, LIMITS.reporterName, 'line', MESSAGES.nameShort, MESSAGES.nameLong);
  if (name) errors['reporter.name'] = name;
  const idProblem = nationalIdProblem(r.nationalId);
  if (idProblem) errors['reporter.nationalId'] = MESSAGES.nationalId[idProblem];
  const phone = phoneProblem(r.phone);
  if (phone) errors['reporter.phone'] = MESSAGES.phone[phone];
  const email = (r.email ?? '').trim();
  if (email !== '' && (!EMAIL.test(email) || email.length > LIMITS.email.max)) errors['reporter.email'] = MESSAGES.email;
  if (!draft.privacyAcknowledged) errors.privacyAcknowledged = MESSAGES.privacy;
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const value: ComplaintInput = {
    kind: draft.kind as ComplaintKind,
    category: draft.category,
    subject: normaliseText(draft.subject, 'line'),
    details: normaliseText(draft.details, 'multiline'),
    reporter: {
      name: normaliseText(r.name, 'line'),
      nationalId: normalizeNationalId(r.nationalId),
      phone: normalizeThaiPhone(r.phone),
      ...(email !== '' ? { email } : {}),
    },
    ...(draft.location ? { location: draft.location } : {}),
    ...(incident.ok && incident.value ? { incidentAt: incident.value } : {}),
  };
  return { ok: true, value };
}

/**
 * What a citizen's filing writes, in one batch: the case (no personal data) and its private reporter
 * document (name, national ID, phone, email, exact location). firestore.rules check the pair together
 * (docs/decisions/007). Locations stay plain numbers here; each SDK turns them into its GeoPoint.
 */
export interface FilingDocuments {
  case: Pick<
    CaseRecord,
    'owner' | 'kind' | 'category' | 'subject' | 'details' | 'incidentAt' | 'hasLocation' | 'privacyNoticeVersion' | 'status' | 'receiptByReply'
  >;
  reporter: PrivateReporter;
}

export function filingDocuments(owner: string, input: ComplaintInput, privacyNoticeVersion: string, opts: { receiptByReply?: boolean } = {}): FilingDocuments {
  const { location, reporter, ...matter } = input;
  return {
    case: {
      owner,
      ...matter,
      hasLocation: Boolean(location),
      privacyNoticeVersion,
      status: INITIAL_STATUS,
      ...(opts.receiptByReply ? { receiptByReply: true } : {}),
    },
    reporter: { owner, ...reporter, ...(location ? { location } : {}) },
  };
}

import type { Status } from './statuses.ts';
import type { DeliveryState } from './case-record.ts';

/**
 * The staff desk's vocabulary, shared by the admin page, the staff functions, the `npm run staff`
 * command and the tests. Roles are Firebase Auth custom claims (`role`); firestore.rules trust the
 * claim, never a field a client writes.
 */
export const STAFF_ROLES = ['staff', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS_TH: Record<StaffRole, string> = { staff: 'เจ้าหน้าที่', admin: 'ผู้ดูแลระบบ' };

/** staff/{uid}: the directory the desk uses to show and assign people (written by `npm run staff` only). */
export interface StaffMember {
  email: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
}

/** Personal data a clerk can reveal, one field at a time (PDPA: collect and show only what is needed). */
export const REVEAL_FIELDS = ['name', 'nationalId', 'phone', 'email', 'location'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export const REVEAL_FIELD_LABELS_TH: Record<RevealField, string> = {
  name: 'ชื่อ-นามสกุล',
  nationalId: 'เลขบัตรประชาชน',
  phone: 'เบอร์โทรศัพท์',
  email: 'อีเมล',
  location: 'พิกัดที่เกิดเหตุ',
};

/** Why a clerk reads personal data: recorded with every reveal, so the audit says what it was for. */
export const REVEAL_REASONS = ['contact_reporter', 'site_visit', 'verify_identity', 'forward_agency', 'citizen_request'] as const;
export type RevealReason = (typeof REVEAL_REASONS)[number];

export const REVEAL_REASON_LABELS_TH: Record<RevealReason, string> = {
  contact_reporter: 'ติดต่อผู้แจ้งเพื่อสอบถามหรือแจ้งผล',
  site_visit: 'ลงพื้นที่ตรวจสอบ',
  verify_identity: 'ตรวจสอบตัวตนผู้แจ้ง',
  forward_agency: 'ส่งต่อหน่วยงานที่เกี่ยวข้อง',
  citizen_request: 'ผู้แจ้งขอให้ตรวจสอบหรือแก้ไขข้อมูล',
};

export function isRevealReason(value: unknown): value is RevealReason {
  return typeof value === 'string' && (REVEAL_REASONS as readonly string[]).includes(value);
}

/** Names of the callable functions behind the desk (functions/src/staff). */
export const STAFF_FUNCTIONS = {
  revealReporter: 'revealReporter',
  findCasesByPhone: 'findCasesByPhone',
  resendMessage: 'resendMessage',
} as const;

export interface RevealReporterRequest {
  caseId: string;
  fields: RevealField[];
  reason: RevealReason;
}

/** Only the fields asked for; a field the citizen left empty (email, location) is absent. */
export interface RevealReporterResponse {
  auditId: string;
  name?: string;
  nationalId?: string;
  phone?: string;
  email?: string;
  location?: { lat: number; lng: number; accuracyM: number };
}

export interface FindCasesByPhoneRequest {
  phone: string;
  reason: RevealReason;
}

/** The cases filed with that phone number: no personal data beyond the number the clerk typed. */
export interface FindCasesByPhoneResponse {
  auditId: string;
  cases: { id: string; trackingNo: string | null; subject: string; status: string; createdAtMs: number }[];
}

export interface ResendMessageRequest {
  caseId: string;
  entryId: string;
}

export interface ResendMessageResponse {
  state: DeliveryState;
  lastError: string | null;
}

/** revealAudit/{id}: append-only, written by the functions before they answer, read by admins. */
export interface RevealAuditEntry {
  /** 'export': an admin's CSV with personal data (`filter` says which cases: the queue's query string). */
  kind: 'reveal' | 'find_by_phone' | 'export';
  filter?: string;
  staffUid: string;
  staffEmail: string | null;
  caseIds: string[];
  fields: RevealField[];
  reason: RevealReason;
  at: Date;
}

export const DESK_LIMITS = {
  /** Internal notes: enough for a site report, small enough to read in the queue. */
  note: { min: 1, max: 2000 },
  /** The public note sent to the citizen with a status change (a LINE text stays well under 5,000). */
  statusNote: { max: 1000 },
  /** Cases per page of the queue: the first page costs this many reads plus the counts. */
  pageSize: 25,
  /** Cases one phone search returns. */
  phoneMatches: 20,
} as const;

/** Thai messages the desk and the functions share, so a refusal reads the same wherever it comes from. */
export const DESK_MESSAGES = {
  notStaff: 'บัญชีนี้ไม่มีสิทธิ์ใช้งานระบบเจ้าหน้าที่ กรุณาติดต่อผู้ดูแลระบบ',
  caseNotFound: 'ไม่พบเรื่องนี้',
  badReason: 'กรุณาเลือกเหตุผลในการเปิดดูข้อมูล',
  badFields: 'ไม่มีข้อมูลที่ขอดู',
  badPhone: 'เบอร์โทรศัพท์ไม่ถูกต้อง',
  conflict: 'เรื่องนี้เพิ่งถูกแก้ไขโดยเจ้าหน้าที่คนอื่น ระบบแสดงข้อมูลล่าสุดแล้ว กรุณาตรวจสอบแล้วทำรายการอีกครั้ง',
  notResendable: 'ข้อความนี้ไม่ได้ส่งไม่สำเร็จ จึงส่งอีกครั้งไม่ได้',
  resendSuperseded: 'เรื่องนี้มีสถานะใหม่กว่าข้อความนี้แล้ว จึงไม่ส่งข้อความเดิมซ้ำ ผู้แจ้งเห็นขั้นตอนทั้งหมดได้ในหน้าติดตามสถานะ',
  auditFailed: 'บันทึกการเปิดดูข้อมูลไม่สำเร็จ จึงยังแสดงข้อมูลไม่ได้ กรุณาลองใหม่',
} as const;

/** Note templates are configuration (config.desk.noteTemplates); this is their shape. */
export type NoteTemplates = Partial<Record<Status, string[]>>;

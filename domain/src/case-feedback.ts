/**
 * The citizen's side of a case's ending (decision 018): cancel before acceptance, add information to an
 * open case, answer the "done" message with "fixed / not fixed" and a 1–5 rating. One definition for
 * the rules generator, the functions, the LIFF pages and the desk.
 */

/** Text limits, in code points (min counts visible ones only, as for the form: meaningful-text.ts). */
export const CITIZEN_TEXT_LIMITS = {
  cancelReason: { min: 3, max: 500 },
  addition: { min: 2, max: 1000 },
  /** The short reason sent in the chat after "ยังไม่ได้แก้ไข"; longer texts are cut, not refused. */
  reopenReason: { min: 2, max: 1000 },
} as const;

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export function isRating(v: unknown): v is Rating {
  return typeof v === 'number' && Number.isInteger(v) && v >= RATING_MIN && v <= RATING_MAX;
}

/**
 * `fixed` and `not_fixed` came inside the window; `late_not_fixed` is "not fixed" pressed after it (the
 * case stays done, the citizen was told how to file a new case).
 */
export type FeedbackAnswer = 'fixed' | 'not_fixed' | 'late_not_fixed';

/**
 * complaints/{id}.feedback, written by the functions only: set afresh each time a case becomes `done`
 * (entryId = that timeline entry, the one the buttons name), then answered at most once, rated at most
 * once. `confirmedBy` says who confirmed: the citizen's button or the window running out.
 */
export interface CaseFeedback {
  entryId: string;
  windowEndsAt: Date;
  answer: FeedbackAnswer | null;
  answeredAt: Date | null;
  rating: Rating | null;
  confirmedBy: 'citizen' | 'window' | null;
}

/** complaints/{id}/additions/{id}: information the owner added to an open case (text; photos: issue 13 item 1). */
export interface CaseAddition {
  text: string;
  by: string;
  createdAt: Date;
  /** 'page' (the case page, through the rules) or 'chat' (the reason typed after "ยังไม่ได้แก้ไข", by the webhook). */
  via?: 'page' | 'chat';
}

export const ADDITIONS_COLLECTION = 'additions';

export function reopenWindowEndsAt(doneAt: Date, reopenWindowDays: number): Date {
  return new Date(doneAt.getTime() + reopenWindowDays * 24 * 60 * 60 * 1000);
}

/** Thai texts the citizen reads on the case page and in the desk about the answer. */
export const FEEDBACK_LABELS_TH = {
  confirmedByCitizen: 'ผู้แจ้งยืนยันว่าแก้ไขแล้ว',
  confirmedByWindow: 'ปิดเรื่องอัตโนมัติ (ไม่มีการแจ้งกลับภายในกำหนด)',
  notFixed: 'ผู้แจ้งแจ้งว่ายังไม่ได้แก้ไข',
  lateNotFixed: 'ผู้แจ้งแจ้งว่ายังไม่ได้แก้ไข (หลังพ้นกำหนด)',
  rating: (n: number) => `ความพึงพอใจ ${n}/${RATING_MAX}`,
} as const;

/** One line about the citizen's answer for the case page and the desk, or null while none. */
export function feedbackSummaryTh(f: Partial<Pick<CaseFeedback, 'answer' | 'rating' | 'confirmedBy'>> | null | undefined): string | null {
  if (!f) return null;
  const parts: string[] = [];
  if (f.confirmedBy === 'citizen' || f.answer === 'fixed') parts.push(FEEDBACK_LABELS_TH.confirmedByCitizen);
  else if (f.confirmedBy === 'window') parts.push(FEEDBACK_LABELS_TH.confirmedByWindow);
  else if (f.answer === 'not_fixed') parts.push(FEEDBACK_LABELS_TH.notFixed);
  else if (f.answer === 'late_not_fixed') parts.push(FEEDBACK_LABELS_TH.lateNotFixed);
  if (isRating(f.rating)) parts.push(FEEDBACK_LABELS_TH.rating(f.rating));
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** After "ยังไม่ได้แก้ไข", the citizen's next chat text within this time is taken as the reason. */
export const REOPEN_REASON_WAIT_HOURS = 24;

/** How an addition reads on the case page's and the desk's timelines. */
export const ADDITION_LABELS_TH = {
  page: 'ข้อมูลเพิ่มเติมจากผู้แจ้ง',
  chat: 'เหตุผลจากผู้แจ้ง (แชต LINE)',
} as const;

/**
 * The case status vocabulary. Thai labels are what citizens read in LINE and in LIFF; "ดำเนินการแล้วเสร็จ"
 * is the manual's own wording for a finished case (menu 2.6).
 */
export const STATUSES = ['received', 'accepted', 'in_progress', 'forwarded', 'done', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

export const INITIAL_STATUS: Status = 'received';

export const STATUS_LABELS_TH: Record<Status, string> = {
  received: 'รับเรื่องแล้ว',
  accepted: 'รับเรื่องพิจารณา',
  in_progress: 'กำลังดำเนินการ',
  forwarded: 'ส่งต่อหน่วยงานที่เกี่ยวข้อง',
  done: 'ดำเนินการแล้วเสร็จ',
  rejected: 'ไม่สามารถดำเนินการได้',
};

/** Badge colours used in LINE messages and LIFF pages alike: done green, rejected red, the rest municipal blue. */
export const STATUS_COLOURS: Record<Status, string> = {
  received: '#1d4f91',
  accepted: '#1d4f91',
  in_progress: '#b25e00',
  forwarded: '#6b3fa0',
  done: '#1e7d32',
  rejected: '#b3261e',
};

/** Final statuses: the case is closed and leaves the citizen's "open" list. */
export const CLOSED_STATUSES: readonly Status[] = ['done', 'rejected'];

/**
 * Moves that make sense for a clerk. A closed case can be reopened (back to in_progress) because
 * citizens do come back saying "it is broken again"; anything else from a closed case is a mistake.
 */
export const STATUS_TRANSITIONS: Record<Status, readonly Status[]> = {
  received: ['accepted', 'in_progress', 'forwarded', 'rejected'],
  accepted: ['in_progress', 'forwarded', 'done', 'rejected'],
  in_progress: ['forwarded', 'done', 'rejected'],
  forwarded: ['in_progress', 'done', 'rejected'],
  done: ['in_progress'],
  rejected: ['in_progress'],
};

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: Status, to: Status): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export function isClosed(status: Status): boolean {
  return CLOSED_STATUSES.includes(status);
}

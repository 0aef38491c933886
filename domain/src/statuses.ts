/**
 * The case status vocabulary. Thai labels are what citizens read in LINE and in LIFF; "ดำเนินการแล้วเสร็จ"
 * is the manual's own wording for a finished case (menu 2.6). The last three are the citizen's answers
 * (decision 018): they cancel a case nobody has accepted yet, say a "done" case is not fixed (reopened),
 * or it is confirmed (by them, or by silence past the reopen window).
 */
export const STATUSES = ['received', 'accepted', 'in_progress', 'forwarded', 'done', 'rejected', 'reopened', 'cancelled', 'confirmed'] as const;
export type Status = (typeof STATUSES)[number];

export const INITIAL_STATUS: Status = 'received';

export const STATUS_LABELS_TH: Record<Status, string> = {
  received: 'รับเรื่องแล้ว',
  accepted: 'รับเรื่องพิจารณา',
  in_progress: 'กำลังดำเนินการ',
  forwarded: 'ส่งต่อหน่วยงานที่เกี่ยวข้อง',
  done: 'ดำเนินการแล้วเสร็จ',
  rejected: 'ไม่สามารถดำเนินการได้',
  reopened: 'ประชาชนแจ้งว่ายังไม่ได้แก้ไข',
  cancelled: 'ผู้แจ้งยกเลิกเรื่อง',
  confirmed: 'แก้ไขเรียบร้อย ปิดเรื่องแล้ว',
};

/**
 * Badge colours used in LINE messages and LIFF pages alike: done green, rejected red, the rest municipal
 * blue; reopened is the desk's "needs attention" orange-red, cancelled grey, confirmed a deeper green.
 */
export const STATUS_COLOURS: Record<Status, string> = {
  received: '#1d4f91',
  accepted: '#1d4f91',
  in_progress: '#b25e00',
  forwarded: '#6b3fa0',
  done: '#1e7d32',
  rejected: '#b3261e',
  reopened: '#c2410c',
  cancelled: '#5c5c5c',
  confirmed: '#14532d',
};

/** Final statuses: the case is closed and leaves the citizen's "open" list. */
export const CLOSED_STATUSES: readonly Status[] = ['done', 'rejected', 'cancelled', 'confirmed'];

/**
 * Moves that make sense for a clerk. A closed case can be reopened (back to in_progress) because
 * citizens do come back saying "it is broken again"; anything else from a closed case is a mistake.
 * A case the citizen cancelled stays cancelled: they file again if they change their mind. Staff never
 * set the citizen's own statuses (reopened, cancelled, confirmed): see CITIZEN_MOVES.
 */
export const STATUS_TRANSITIONS: Record<Status, readonly Status[]> = {
  received: ['accepted', 'in_progress', 'forwarded', 'rejected'],
  accepted: ['in_progress', 'forwarded', 'done', 'rejected'],
  in_progress: ['forwarded', 'done', 'rejected'],
  forwarded: ['in_progress', 'done', 'rejected'],
  done: ['in_progress'],
  rejected: ['in_progress'],
  reopened: ['in_progress', 'forwarded', 'done', 'rejected'],
  cancelled: [],
  confirmed: ['in_progress'],
};

/** The statuses a clerk can give a case (the targets of STATUS_TRANSITIONS), in vocabulary order. */
export const STAFF_STATUSES: readonly Status[] = STATUSES.filter((s) => Object.values(STATUS_TRANSITIONS).some((to) => to.includes(s)));

/**
 * The citizen's moves (decision 018), each with the statuses it starts from. `cancel` is written by the
 * owner through the rules (only before staff accept the case); `reopen` and `confirm` by the webhook's
 * answer to the "done" message's buttons, and `confirm` also by the window sweep.
 */
export const CITIZEN_MOVES = {
  cancel: { from: ['received'], to: 'cancelled' },
  reopen: { from: ['done'], to: 'reopened' },
  confirm: { from: ['done'], to: 'confirmed' },
} as const satisfies Record<string, { from: readonly Status[]; to: Status }>;

/** Statuses that never push a LINE message: the citizen caused them and was answered by reply or on the page. */
export const CITIZEN_STATUSES: readonly Status[] = Object.values(CITIZEN_MOVES).map((m) => m.to);

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: Status, to: Status): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** A clerk's move or one of the citizen's: anything else is unusual (a console edit) and recorded for staff. */
export function isExpectedTransition(from: Status, to: Status): boolean {
  return canTransition(from, to) || Object.values(CITIZEN_MOVES).some((m) => m.to === to && (m.from as readonly Status[]).includes(from));
}

export function isClosed(status: Status): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** Statuses staff should look at before anything else: the citizen says the work did not fix it. */
export const NEEDS_ATTENTION_STATUSES: readonly Status[] = ['reopened'];

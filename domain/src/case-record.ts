import type { ComplaintKind } from './complaint-kinds.ts';
import type { LocationInput } from './complaint.ts';
import type { Status } from './statuses.ts';

/**
 * Where things live in Firestore (docs/data-model.md explains each). Shared by the functions, the web
 * app, the rules tests and the scripts so that a collection name is written once.
 */
export const COLLECTIONS = {
  complaints: 'complaints',
  timeline: 'timeline',
  /**
   * complaints/{id}/deliveries/{entryId}: the LINE delivery record (outbox) of the timeline entry with
   * the same ID; staff read, only the functions write (docs/decisions/011).
   */
  deliveries: 'deliveries',
  /** complaints/{id}/audit/{id}: who moved or edited the case (staff uids); staff only. */
  audit: 'audit',
  /** complaints/{id}/private/reporter: the reporter's personal data and exact location (owner only). */
  private: 'private',
  /** complaints/{id}/notes/{noteId}: staff's internal notes, never readable by citizens. */
  notes: 'notes',
  /** complaints/{id}/photos/{photoId}: the citizen's photos and staff's "after" photos, JPEG bytes (photos.ts). */
  photos: 'photos',
  counters: 'counters',
  /** numbering/{caseId}: a new case waiting for its tracking number; server-only, deleted once numbered. */
  numbering: 'numbering',
  lineUsers: 'lineUsers',
  processedEvents: 'processedEvents',
  problems: 'problems',
  /** staff/{uid}: the staff directory (name, e-mail, role, active), written by `npm run staff` only. */
  staff: 'staff',
  /** revealAudit/{id}: one entry per personal-data read by staff; admins read, nobody writes. */
  revealAudit: 'revealAudit',
  /** filingCounters/{uid}: how many cases a citizen filed this hour and day (filing-limit.ts). */
  filingCounters: 'filingCounters',
  /** rateLimits/{key}: server-only fixed-window counters (sign-ins per client, receipt pushes per citizen). */
  rateLimits: 'rateLimits',
  /** stats/{YYYY-MM}: the dashboard's counters for the cases filed in a Bangkok month; staff read, functions write (decision 017). */
  stats: 'stats',
  /** caseFigures/{caseId}: what a case currently adds to stats/, so updates are idempotent; server-only. */
  caseFigures: 'caseFigures',
  /** messageUsage/{YYYY-MM}: pushes LINE accepted this month, receipts vs status messages; server-only. */
  messageUsage: 'messageUsage',
} as const;

/**
 * A case's document ID is made on the phone (so a retry cannot file twice) and ends up in LINE button
 * links: the rules accept only what Firestore's own auto-IDs look like.
 */
export const CASE_ID_PATTERN = /^[A-Za-z0-9]{20}$/;

/** The one document under complaints/{id}/private. */
export const PRIVATE_REPORTER_DOC = 'reporter';

/** Path of a case's private reporter document, for the Admin SDK and the web SDKs alike. */
export function privateReporterPath(caseId: string): string {
  return `${COLLECTIONS.complaints}/${caseId}/${COLLECTIONS.private}/${PRIVATE_REPORTER_DOC}`;
}

/** Path of the staff-only delivery record of a timeline entry (same ID as the entry). */
export function deliveryPath(caseId: string, entryId: string): string {
  return `${COLLECTIONS.complaints}/${caseId}/${COLLECTIONS.deliveries}/${entryId}`;
}

/** Path of a timeline entry; its delivery's LINE retry key is derived from it (decision 003). */
export function timelineEntryPath(caseId: string, entryId: string): string {
  return `${COLLECTIONS.complaints}/${caseId}/${COLLECTIONS.timeline}/${entryId}`;
}

/**
 * `pending`: not sent yet, or LINE said "not now" (429). `unknown`: an attempt may have reached LINE
 * (no answer in time, a network error, a 5xx): only a later attempt with the same retry key can tell,
 * 409 proving it arrived. Both are retried until the retry key's 24 h run out (decision 014).
 */
export const DELIVERY_STATES = ['pending', 'unknown', 'sent', 'failed', 'skipped'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * The outbox record of the LINE message a timeline entry caused: nothing fails silently. It is the
 * document complaints/{id}/deliveries/{entryId}, staff-only: its retry key, LINE's request ID and raw
 * error are not for the citizen, who reads the timeline entry (docs/decisions/011).
 */
export interface Delivery {
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  /**
   * Why a message was skipped: notifications off, the user unfollowed the OA, a newer status came first,
   * or the citizen had had their day's receipt pushes (config limits.receiptPushesPerDay). On a failed
   * message, `retry_window_over`: LINE never confirmed it within the retry key's lifetime.
   */
  reason?: 'disabled' | 'unfollowed' | 'not_notified_status' | 'superseded' | 'citizen_cap' | 'retry_window_over';
  /** How a sent message went out: pushed (counts against the quota) or as the free reply to the citizen's message. */
  via?: 'push' | 'reply';
  /**
   * A receipt the form will ask for in the chat (CaseRecord.receiptByReply): 'open' while the webhook may
   * claim it as a reply, 'claimed' while that reply is being sent, 'closed' once the trigger stopped
   * waiting and pushes it instead. One transaction moves it, so the receipt goes out once (decision 012).
   */
  replyWindow?: 'open' | 'claimed' | 'closed';
  retryKey?: string;
  requestId?: string | null;
  /** When the first attempt went to LINE: the retry key's 24 h, and so the retries, count from here. */
  firstAttemptAt?: unknown;
  /**
   * Present while the message still has to go out: when the sweeper may try it next. A run that takes
   * the message moves it forward first, so no other run sends it meanwhile (a lease). Removed once settled.
   */
  nextAttemptAt?: unknown;
  /** Set when staff pressed "ส่งอีกครั้ง" on a failed message (uid in the staff-only audit). */
  resentAt?: unknown;
  /** When the outcome was recorded (sent, failed, skipped at send time): a Firestore Timestamp. */
  settledAt?: unknown;
}

/**
 * A complaint as stored, with timestamps as Dates (each side converts its own Timestamp type). It holds
 * no personal data: the reporter and the exact location are in the private document (PrivateReporter),
 * so that staff can work the queue without reading them (docs/decisions/007).
 */
export interface CaseRecord {
  owner: string;
  kind: ComplaintKind;
  category: string;
  subject: string;
  details: string;
  /** When it happened, as the citizen said (optional; incident-time.ts). */
  incidentAt?: Date;
  /** True when the private document carries an exact location. */
  hasLocation: boolean;
  privacyNoticeVersion: string;
  /**
   * Set by the form when it will say "ส่งเรื่อง <number>" in the OA's chat (chat-receipt.ts): the receipt
   * then waits briefly to go out as the free reply to that message instead of a push.
   */
  receiptByReply?: true;
  status: Status;
  statusNote?: string | null;
  trackingNo?: string;
  /** Department ID from the configuration, set by staff. */
  department?: string | null;
  /** Staff uid the case is assigned to (the name is in the staff directory, staff-only). */
  assigneeUid?: string | null;
  /**
   * Auto-ID of the last desk edit, the ID of its staff-only audit entry (who and what): the case itself
   * names no editor, since its owner reads it (rules pair the two in one write).
   */
  editId?: string;
  createdAt: Date;
  updatedAt?: Date;
}

/** complaints/{id}/private/reporter: written by the citizen with the case, read by its owner only. */
export interface PrivateReporter {
  owner: string;
  name: string;
  nationalId: string;
  phone: string;
  email?: string;
  location?: LocationInput;
}

export interface TimelineEntry {
  status: Status;
  note: string | null;
  at: Date;
  /** "system" for the automatic first entry, "staff" (admin page) or "console"; the uid is in audit/. */
  by: 'system' | 'staff' | 'console';
}

export type { LocationInput };

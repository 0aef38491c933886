import { FieldValue, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { COLLECTIONS } from '@banmae/domain';

/** delivery_failed: LINE never confirmed a status message within 24 h; staff should phone the citizen. */
export type ProblemKind = 'unknown_status' | 'unusual_transition' | 'webhook_event_failed' | 'delivery_failed';

type ProblemDetails = Record<string, string | number | null>;

/**
 * Something staff must look at (problems/{id}, readable by staff only). The ID is derived from the
 * event so that a trigger run twice records it once. Never put message text or personal data here.
 */
export async function recordProblem(db: Firestore, id: string, kind: ProblemKind, details: ProblemDetails): Promise<void> {
  const { ref, data } = problemWrite(db, id, kind, details);
  await ref.set(data);
}

/** The same entry, for a caller that writes it in its own transaction with what caused it. */
export function problemWrite(db: Firestore, id: string, kind: ProblemKind, details: ProblemDetails): { ref: DocumentReference; data: Record<string, unknown> } {
  logger.warn('problem recorded for staff', { kind, ...details });
  return { ref: db.collection(COLLECTIONS.problems).doc(id), data: { kind, ...details, resolved: false, at: FieldValue.serverTimestamp() } };
}

/**
 * A problem that can happen again and again, e.g. the same failure on many webhook events: one entry
 * per `id`, counting occurrences and reopened by each, so that a flood (anyone can send chat text)
 * leaves one entry and one log line, not thousands. The ID and details must be drawn from a small
 * fixed set, never from what was sent.
 */
export async function recordRecurringProblem(db: Firestore, id: string, kind: ProblemKind, details: ProblemDetails): Promise<void> {
  const ref = db.collection(COLLECTIONS.problems).doc(id);
  // A blind increment does not contend like a transaction would under a burst; two first occurrences
  // at the same moment may both log, which is still bounded.
  if (!(await ref.get()).exists) logger.warn('problem recorded for staff', { kind, id, ...details });
  await ref.set({ kind, ...details, occurrences: FieldValue.increment(1), resolved: false, at: FieldValue.serverTimestamp() }, { merge: true });
}

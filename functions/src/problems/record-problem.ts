import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { COLLECTIONS } from '@banmae/domain';

export type ProblemKind = 'unknown_status' | 'unusual_transition' | 'webhook_event_failed';

/**
 * Something staff must look at (problems/{id}, readable by staff only). The ID is derived from the
 * event so that a trigger run twice records it once. Never put message text or personal data here.
 */
export async function recordProblem(db: Firestore, id: string, kind: ProblemKind, details: Record<string, string | number | null>): Promise<void> {
  logger.warn('problem recorded for staff', { kind, ...details });
  await db
    .collection(COLLECTIONS.problems)
    .doc(id)
    .set({ kind, ...details, resolved: false, at: FieldValue.serverTimestamp() });
}

import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '@banmae/domain';

/** LINE redelivers for up to a day or so; a week of memory is plenty. A TTL policy on expireAt deletes them. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export type EventOutcome = 'done' | 'failed' | 'ignored';

/**
 * Claims a webhookEventId with an atomic create: of two deliveries of one event, even at the same
 * moment, exactly one gets true (the other's create fails with ALREADY_EXISTS).
 */
export async function claimEvent(db: Firestore, eventId: string, type: string): Promise<boolean> {
  try {
    await db
      .collection(COLLECTIONS.processedEvents)
      .doc(eventId)
      .create({ type, state: 'processing', receivedAt: Timestamp.now(), expireAt: Timestamp.fromMillis(Date.now() + KEEP_MS) });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 6) return false; // gRPC ALREADY_EXISTS
    throw err;
  }
}

export async function settleEvent(db: Firestore, eventId: string, state: EventOutcome, error?: string): Promise<void> {
  await db
    .collection(COLLECTIONS.processedEvents)
    .doc(eventId)
    .update({ state, ...(error ? { error } : {}) });
}

import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '@banmae/domain';

/** LINE redelivers for up to a day or so; a week of memory is plenty. A TTL policy on expireAt deletes them. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** A claim still "processing" after this long belongs to an instance that died: a redelivery may take it over. */
const STALE_CLAIM_MS = 60_000;

export type EventOutcome = 'done' | 'failed' | 'ignored';

/**
 * Claims a webhookEventId in a transaction: of two deliveries of one event, even at the same moment,
 * exactly one gets true. A claim abandoned mid-way (instance crashed or timed out) is taken over by a
 * later redelivery instead of blocking the event for the ledger's lifetime.
 */
export async function claimEvent(db: Firestore, eventId: string, type: string): Promise<boolean> {
  const ref = db.collection(COLLECTIONS.processedEvents).doc(eventId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const claimedAt = snap.get('claimedAt') as Timestamp | undefined;
    const abandoned = snap.get('state') === 'processing' && claimedAt !== undefined && Date.now() - claimedAt.toMillis() > STALE_CLAIM_MS;
    if (snap.exists && !abandoned) return false;
    tx.set(ref, { type, state: 'processing', claimedAt: Timestamp.now(), expireAt: Timestamp.fromMillis(Date.now() + KEEP_MS) });
    return true;
  });
}

export async function settleEvent(db: Firestore, eventId: string, state: EventOutcome, error?: string): Promise<void> {
  await db
    .collection(COLLECTIONS.processedEvents)
    .doc(eventId)
    .update({ state, ...(error ? { error } : {}) });
}

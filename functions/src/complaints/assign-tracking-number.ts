import { FieldValue, type DocumentReference, type Firestore, type Timestamp, type Transaction } from 'firebase-admin/firestore';
import { buddhistYearInBangkok, COLLECTIONS, formatTrackingNo, INITIAL_STATUS, trackingCounterId, type Delivery, type TimelineEntry } from '@banmae/domain';
import { deliveryRefFor, pendingDelivery } from '../delivery/delivery-record.js';
import { DELIVERY_SCHEDULE } from '../delivery/delivery-schedule.js';
import { RECEIPT_REPLY_HOLD_MS } from './receipt-reply.js';

export interface Assigned {
  trackingNo: string;
  /** The receipt's delivery record (the first timeline entry's). */
  deliveryRef: DocumentReference;
  /** False when an earlier run of the trigger had already numbered the case. */
  fresh: boolean;
}

/**
 * Numbers a new case in one transaction with its year's counter, so numbers are unique and
 * gap-free under concurrency, and writes the first timeline entry with its delivery record. The year
 * is the case's creation time in Bangkok (2569 until midnight of 31 Dec in Thailand, whatever the
 * server's clock zone). Idempotent: a case that already has a number is left as it is.
 */
export async function assignTrackingNumber(
  db: Firestore,
  caseRef: DocumentReference,
  entryId: string,
  prefix: string,
  receiptWanted: boolean,
  replyWaitMs: number,
): Promise<Assigned | null> {
  const entryRef = caseRef.collection(COLLECTIONS.timeline).doc(entryId);
  const deliveryRef = deliveryRefFor(entryRef);
  return db.runTransaction(
    async (tx: Transaction) => {
      const snap = await tx.get(caseRef);
      if (!snap.exists) return null;
      const existing = snap.get('trackingNo') as string | undefined;
      if (existing) return { trackingNo: existing, deliveryRef, fresh: false };
      const createdAtStamp = snap.get('createdAt') as Timestamp | undefined;
      const createdAt = createdAtStamp?.toDate() ?? new Date();
      const counterRef = db.collection(COLLECTIONS.counters).doc(trackingCounterId(createdAt));
      const counter = await tx.get(counterRef);
      const next = ((counter.get('last') as number | undefined) ?? 0) + 1;
      const trackingNo = formatTrackingNo(prefix, buddhistYearInBangkok(createdAt), next);
      tx.set(counterRef, { last: next, updatedAt: FieldValue.serverTimestamp() });
      tx.update(caseRef, { trackingNo, updatedAt: FieldValue.serverTimestamp() });
      const entry: Omit<TimelineEntry, 'at'> & { at: Timestamp | FieldValue } = {
        status: INITIAL_STATUS,
        note: null,
        at: createdAtStamp ?? FieldValue.serverTimestamp(),
        by: 'system',
      };
      // A receipt waiting for its free reply is not due for the sweeper until the wait is over.
      const byReply = snap.get('receiptByReply') === true;
      const delivery: Delivery = receiptWanted
        ? byReply
          ? { ...pendingDelivery(new Date(), replyWaitMs + RECEIPT_REPLY_HOLD_MS + DELIVERY_SCHEDULE.leaseMs), replyWindow: 'open' }
          : pendingDelivery(new Date())
        : { state: 'skipped', attempts: 0, lastError: null, reason: 'disabled' };
      tx.create(entryRef, entry);
      tx.create(deliveryRef, delivery);
      return { trackingNo, deliveryRef, fresh: true };
    },
    // 100 citizens filing in the same second all queue on one counter document; let them wait their turn.
    { maxAttempts: 50 },
  );
}

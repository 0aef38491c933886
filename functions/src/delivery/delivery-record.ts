import { Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import { COLLECTIONS, timelineEntryPath, type Delivery } from '@banmae/domain';
import { retryKeyFor } from '../line/retry-key.js';
import { DELIVERY_SCHEDULE } from './delivery-schedule.js';

/**
 * The delivery record of a timeline entry: complaints/{id}/deliveries/{entryId}, the same ID as the
 * entry. Staff read it, the citizen does not (docs/decisions/011).
 */
export function deliveryRefFor(entryRef: DocumentReference): DocumentReference {
  const caseRef = entryRef.parent.parent;
  if (!caseRef) throw new Error(`not a timeline entry: ${entryRef.path}`);
  return caseRef.collection(COLLECTIONS.deliveries).doc(entryRef.id);
}

/** The timeline entry a delivery record belongs to. */
export function entryRefOf(deliveryRef: DocumentReference): DocumentReference {
  const caseRef = deliveryRef.parent.parent;
  if (!caseRef) throw new Error(`not a delivery record: ${deliveryRef.path}`);
  return caseRef.collection(COLLECTIONS.timeline).doc(deliveryRef.id);
}

/**
 * X-Line-Retry-Key of a delivery: derived from its timeline entry's path, as it was before the record
 * moved out of the entry, so every attempt of one message (a trigger run twice, the sweeper,
 * "ส่งอีกครั้ง") sends the same key and LINE delivers it once (decision 003).
 */
export function retryKeyOf(deliveryRef: DocumentReference): string {
  const caseRef = deliveryRef.parent.parent;
  if (!caseRef) throw new Error(`not a delivery record: ${deliveryRef.path}`);
  return retryKeyFor(timelineEntryPath(caseRef.id, deliveryRef.id));
}

/**
 * The record of a message its writer is about to send. It is already due for the sweeper after
 * `holdMs` (the writer's own go, plus any wait for a free reply), so a message whose trigger dies
 * before sending is still sent (decision 014).
 */
export function pendingDelivery(now: Date, holdMs: number = DELIVERY_SCHEDULE.leaseMs): Delivery {
  return { state: 'pending', attempts: 0, lastError: null, nextAttemptAt: Timestamp.fromMillis(now.getTime() + holdMs) };
}

import type { DocumentReference } from 'firebase-admin/firestore';
import { COLLECTIONS, timelineEntryPath } from '@banmae/domain';
import { retryKeyFor } from '../line/retry-key.js';

/**
 * The delivery record of a timeline entry: complaints/{id}/deliveries/{entryId}, the same ID as the
 * entry. Staff read it, the citizen does not (docs/decisions/011).
 */
export function deliveryRefFor(entryRef: DocumentReference): DocumentReference {
  const caseRef = entryRef.parent.parent;
  if (!caseRef) throw new Error(`not a timeline entry: ${entryRef.path}`);
  return caseRef.collection(COLLECTIONS.deliveries).doc(entryRef.id);
}

/**
 * X-Line-Retry-Key of a delivery: derived from its timeline entry's path, as it was before the record
 * moved out of the entry, so every attempt of one message (a trigger run twice, "ส่งอีกครั้ง") sends the
 * same key and LINE delivers it once (decision 003).
 */
export function retryKeyOf(deliveryRef: DocumentReference): string {
  const caseRef = deliveryRef.parent.parent;
  if (!caseRef) throw new Error(`not a delivery record: ${deliveryRef.path}`);
  return retryKeyFor(timelineEntryPath(caseRef.id, deliveryRef.id));
}

import type { FirestoreEvent, QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import * as logger from 'firebase-functions/logger';
import { FieldValue, type Firestore, type Timestamp } from 'firebase-admin/firestore';
import { syncCaseFigures } from '../reports/case-figures-sync.js';
import type { Delivery, Status } from '@banmae/domain';
import { db } from '../firebase-admin.js';
import { municipality } from '../municipality.js';
import { assignTrackingNumber } from './assign-tracking-number.js';
import { deliverTimelineMessage } from '../delivery/deliver-timeline-message.js';
import { messagingClient } from '../line/messaging-client.js';
import { TRIGGER_ATTEMPTS } from '../line/push-with-retry.js';
import { takeReceiptPush } from '../limits/receipt-push-cap.js';
import { receiptStillToPush } from './receipt-reply.js';
import { timelineMessage } from './timeline-message.js';

/**
 * A citizen filed a case: number it, open its timeline, and send the receipt in LINE (unless the
 * config switches receipts off to save the monthly quota). Filed from the OA's chat, the receipt first
 * waits to go out as the free reply to the citizen's "ส่งเรื่อง …" (receipt-reply.ts); a pushed receipt
 * counts against the citizen's daily allowance. A second run for the same event finds the number and a
 * non-pending delivery, and changes nothing.
 */
export async function onComplaintCreated(event: FirestoreEvent<QueryDocumentSnapshot | undefined, { id: string }>): Promise<void> {
  const snap = event.data;
  if (!snap) return;
  const firestore = await db();
  await numberAndSendReceipt(firestore, snap, event.id);
  // After the citizen's receipt: the month's counters are a shared document, never in LINE's way (decision 017).
  await syncCaseFigures(firestore, snap.id); // throws: the trigger's retry catches up, idempotently
}

async function numberAndSendReceipt(firestore: Firestore, snap: QueryDocumentSnapshot, eventId: string): Promise<void> {
  const receiptWanted = municipality.notifications.receipt;
  const assigned = await assignTrackingNumber(
    firestore,
    snap.ref,
    eventId,
    municipality.trackingPrefix,
    receiptWanted,
    municipality.notifications.receiptReplyWaitSeconds * 1000,
  );
  if (!assigned) return;
  if (assigned.fresh) logger.info('case numbered', { caseId: snap.id, trackingNo: assigned.trackingNo });
  if (!receiptWanted) return;
  const owner = String(snap.get('owner'));
  const ref = assigned.deliveryRef;
  if (snap.get('receiptByReply') === true && !(await receiptStillToPush(ref, municipality.notifications.receiptReplyWaitSeconds * 1000))) return;
  const receipt = (await ref.get()).data() as Delivery | undefined;
  // Settled, or tried by an earlier run (the sweeper carries on with it): its push was counted then.
  if (receipt?.state !== 'pending' || receipt.firstAttemptAt !== undefined) return;
  if (!(await takeReceiptPush(firestore, owner, municipality.limits.receiptPushesPerDay))) {
    await ref.update({ state: 'skipped', reason: 'citizen_cap', settledAt: FieldValue.serverTimestamp(), nextAttemptAt: FieldValue.delete() });
    logger.info('receipt not pushed: the citizen had their receipts for today', { caseId: snap.id });
    return;
  }

  const createdAt = (snap.get('createdAt') as Timestamp | undefined)?.toDate() ?? new Date();
  const message = timelineMessage({
    caseId: snap.id,
    trackingNo: assigned.trackingNo,
    subject: String(snap.get('subject')),
    status: snap.get('status') as Status,
    note: null,
    at: createdAt,
    receipt: true,
  });
  await deliverTimelineMessage(ref, owner, [message], { client: await messagingClient(), policy: TRIGGER_ATTEMPTS, mode: 'first' });
}

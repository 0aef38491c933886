import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, DESK_MESSAGES, isStatus, type Delivery, type ResendMessageRequest, type ResendMessageResponse } from '@banmae/domain';
import { ANONYMISED_OWNER } from '../retention/anonymise-expired-cases.js';
import { deliverTimelineMessage } from '../delivery/deliver-timeline-message.js';
import { deliveryRefFor, pendingDelivery } from '../delivery/delivery-record.js';
import { timelineMessageOf } from '../complaints/timeline-message.js';
import { messagingClient } from '../line/messaging-client.js';
import { TRIGGER_ATTEMPTS } from '../line/push-with-retry.js';
import { requireDocId, requireStaff } from './staff-caller.js';

/**
 * "ส่งอีกครั้ง" on a failed LINE message: its delivery record goes back to pending and the message is
 * sent with the retry key derived from its timeline entry's path, the same key as every earlier
 * attempt, so LINE delivers it at most once even if an earlier attempt did get through (409 = already
 * accepted, recorded as sent). Only a failed message of the case's current step can be resent; who
 * pressed the button goes to the staff-only audit of the case. The resend gets a new retry window: if it
 * goes unanswered, the sweeper carries on with it as with any message (decision 014).
 */
export async function resendMessage(
  db: Firestore,
  request: Pick<CallableRequest<Partial<ResendMessageRequest>>, 'auth' | 'data'>,
): Promise<ResendMessageResponse> {
  const caller = await requireStaff(db, request);
  const caseRef = db.collection(COLLECTIONS.complaints).doc(requireDocId(request.data?.caseId));
  const entryRef = caseRef.collection(COLLECTIONS.timeline).doc(requireDocId(request.data?.entryId));
  const deliveryRef = deliveryRefFor(entryRef);

  const { caseData, entry } = await db.runTransaction(async (tx) => {
    const [caseSnap, entrySnap, deliverySnap] = await Promise.all([tx.get(caseRef), tx.get(entryRef), tx.get(deliveryRef)]);
    if (!caseSnap.exists || !entrySnap.exists) throw new HttpsError('not-found', DESK_MESSAGES.caseNotFound);
    const delivery = deliverySnap.data() as Delivery | undefined;
    if (delivery?.state !== 'failed' || caseSnap.get('owner') === ANONYMISED_OWNER) {
      throw new HttpsError('failed-precondition', DESK_MESSAGES.notResendable);
    }
    // An old step's message would tell the citizen a status the case no longer has (the trigger skips
    // such messages as superseded; so does the desk).
    if (entrySnap.get('status') !== caseSnap.get('status')) throw new HttpsError('failed-precondition', DESK_MESSAGES.resendSuperseded);
    const pending: Delivery = { ...delivery, ...pendingDelivery(new Date()), attempts: delivery.attempts, resentAt: FieldValue.serverTimestamp() };
    delete pending.settledAt; // the failure's time; the resend records its own
    delete pending.firstAttemptAt;
    delete pending.reason;
    tx.set(deliveryRef, pending);
    tx.create(caseRef.collection(COLLECTIONS.audit).doc(), { kind: 'resend', entryId: entryRef.id, by: caller.uid, at: FieldValue.serverTimestamp() });
    return { caseData: caseSnap, entry: entrySnap };
  });

  if (!isStatus(entry.get('status'))) throw new HttpsError('failed-precondition', DESK_MESSAGES.notResendable);
  const { delivery } = await deliverTimelineMessage(deliveryRef, String(caseData.get('owner')), [timelineMessageOf(caseData, entry)], {
    client: await messagingClient(),
    policy: TRIGGER_ATTEMPTS,
    mode: 'first',
  });
  return { state: delivery?.state ?? 'pending', lastError: delivery?.lastError ?? null };
}

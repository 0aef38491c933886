import { FieldValue, type DocumentReference } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import * as logger from 'firebase-functions/logger';
import { COLLECTIONS, type Delivery } from '@banmae/domain';
import { messagingClient } from '../line/messaging-client.js';
import { pushWithRetry } from '../line/push-with-retry.js';
import { retryKeyOf } from './delivery-record.js';

/**
 * Two runs of one trigger can race: if one got the message through, the other's failure must not
 * overwrite "sent" (the retry key guarantees LINE delivered it once).
 */
async function recordOutcome(deliveryRef: DocumentReference, result: Delivery): Promise<void> {
  await deliveryRef.firestore.runTransaction(async (tx) => {
    const current = (await tx.get(deliveryRef)).get('state') as Delivery['state'] | undefined;
    if (current === 'sent' && result.state !== 'sent') return;
    tx.set(deliveryRef, result);
  });
}

/**
 * Sends the LINE message of one timeline entry and records the outcome in its delivery record
 * (complaints/{id}/deliveries/{entryId}, the outbox). Runs safely more than once: only a pending
 * delivery is sent, and the retry key derived from the entry's path makes LINE drop a second copy if
 * two runs race (409 = already sent).
 */
export async function deliverTimelineMessage(deliveryRef: DocumentReference, to: string, messages: messagingApi.Message[]): Promise<Delivery | null> {
  const delivery = (await deliveryRef.get()).data() as Delivery | undefined;
  if (!delivery || delivery.state !== 'pending') return delivery ?? null;

  const userDoc = await deliveryRef.firestore.collection(COLLECTIONS.lineUsers).doc(to).get();
  if (userDoc.exists && userDoc.get('following') === false) {
    // A push to a user who blocked the OA is not delivered: don't spend quota on it (PLATFORM-FACTS.md).
    const skipped: Delivery = { ...delivery, state: 'skipped', reason: 'unfollowed', settledAt: FieldValue.serverTimestamp() };
    await deliveryRef.set(skipped);
    return skipped;
  }

  const retryKey = retryKeyOf(deliveryRef);
  const outcome = await pushWithRetry(await messagingClient(), { to, messages }, retryKey);
  const attempts = delivery.attempts + outcome.attempts;
  const result: Delivery =
    outcome.state === 'sent'
      ? { state: 'sent', via: 'push', attempts, lastError: null, retryKey, requestId: outcome.requestId, settledAt: FieldValue.serverTimestamp() }
      : { state: 'failed', attempts, lastError: outcome.error, retryKey, settledAt: FieldValue.serverTimestamp() };
  if (outcome.state === 'failed') logger.warn('LINE push failed', { delivery: deliveryRef.path, status: outcome.status, error: outcome.error });
  await recordOutcome(deliveryRef, result);
  return result;
}

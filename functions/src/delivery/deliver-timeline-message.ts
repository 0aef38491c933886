import { FieldValue, Timestamp, type DocumentReference, type UpdateData } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import * as logger from 'firebase-functions/logger';
import { COLLECTIONS, type Delivery } from '@banmae/domain';
import { pushWithRetry, type PushOutcome, type RetryPolicy } from '../line/push-with-retry.js';
import { problemWrite } from '../problems/record-problem.js';
import { DELIVERY_SCHEDULE, nextAttemptAt, retryDeadline } from './delivery-schedule.js';
import { retryKeyOf } from './delivery-record.js';
import { readForDelivered, syncCaseFiguresLogged } from '../reports/case-figures-sync.js';

type PushClient = Pick<messagingApi.MessagingApiClient, 'pushMessageWithHttpInfo'>;

export interface AttemptOptions {
  client: PushClient;
  policy: RetryPolicy;
  /**
   * 'first': the writer's own go right after it made the record pending (a trigger, "ส่งอีกครั้ง");
   * 'due': the sweeper taking a message whose next attempt is due. Either way one run at a time.
   */
  mode: 'first' | 'due';
  now?: Date;
}

const UNSETTLED: readonly Delivery['state'][] = ['pending', 'unknown'];
const millis = (t: unknown): number | null => (t instanceof Timestamp ? t.toMillis() : null);

/**
 * What this run did with the message: `taken` (it attempted or settled it), `gaveUp` (its retry window
 * was over), or neither (settled already, or another run has it); and the record as this run left it.
 */
export type Taken = { taken: true; gaveUp?: boolean; delivery: Delivery } | { taken: false; delivery: Delivery | null };

/**
 * Takes the message for this run: moves its next attempt a lease ahead so that no other run sends it
 * meanwhile, and starts its retry window on the first attempt. A message past its window is not sent
 * again (its retry key may have expired at LINE, and a second copy could arrive): it fails for good and
 * staff get a problem entry to phone the citizen.
 */
async function take(ref: DocumentReference, mode: AttemptOptions['mode'], now: Date): Promise<Taken> {
  return ref.firestore.runTransaction(async (tx) => {
    const d = (await tx.get(ref)).data() as Delivery | undefined;
    if (!d || !UNSETTLED.includes(d.state)) {
      // Settled elsewhere without clearing its due time: clear it, or every sweep would find it again.
      if (d?.nextAttemptAt !== undefined) tx.update(ref, { nextAttemptAt: FieldValue.delete() });
      return { taken: false, delivery: d ?? null };
    }
    const due = millis(d.nextAttemptAt);
    const first = millis(d.firstAttemptAt);
    const mayTake = mode === 'first' ? first === null || (due !== null && due <= now.getTime()) : due !== null && due <= now.getTime();
    if (!mayTake) return { taken: false, delivery: d };
    if (first !== null && now.getTime() >= retryDeadline(new Date(first)).getTime()) {
      const failed = { state: 'failed', reason: 'retry_window_over', settledAt: FieldValue.serverTimestamp(), nextAttemptAt: FieldValue.delete() };
      tx.update(ref, failed);
      const caseId = ref.parent.parent!.id;
      const problem = problemWrite(ref.firestore, `delivery-${caseId}-${ref.id}`, 'delivery_failed', {
        caseId,
        entryId: ref.id,
        // Only the kind of failure ("500", "429", "network:"): LINE's text is not ours to copy into problems/.
        lastError: d.lastError?.split(' ')[0] ?? null,
      });
      tx.set(problem.ref, problem.data);
      return { taken: true, gaveUp: true, delivery: { ...d, state: 'failed', reason: 'retry_window_over' } };
    }
    const lease: UpdateData<Delivery> = { nextAttemptAt: Timestamp.fromMillis(now.getTime() + DELIVERY_SCHEDULE.leaseMs) };
    if (first === null) lease.firstAttemptAt = Timestamp.fromDate(now);
    // A receipt still open to the free reply: the run that pushes it closes the window first (decision 012).
    if (d.replyWindow && d.replyWindow !== 'closed') lease.replyWindow = 'closed';
    tx.update(ref, lease);
    return { taken: true, delivery: { ...d, firstAttemptAt: lease.firstAttemptAt ?? d.firstAttemptAt } };
  });
}

/**
 * Writes what an attempt established, in a transaction with the record as it is now: `sent` is the
 * truth and is never overwritten; a settled record is not reopened; an unsettled one stays `unknown`
 * once any attempt may have reached LINE, and is due again after the backoff.
 */
async function recordOutcome(ref: DocumentReference, outcome: PushOutcome, now: Date): Promise<Delivery | null> {
  const retryKey = retryKeyOf(ref);
  return ref.firestore.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data() as Delivery | undefined;
    if (!current) return null;
    if (current.state === 'sent' || (outcome.state !== 'sent' && !UNSETTLED.includes(current.state))) return current;
    // The dashboard's "heard back within 15 days" and the month's push count change with `sent`, atomically.
    const delivered = outcome.state === 'sent' ? await readForDelivered(tx, ref, 'push', now) : null;
    delivered?.apply();
    const attempts = current.attempts + outcome.attempts;
    let update: UpdateData<Delivery>;
    if (outcome.state === 'sent') {
      update = {
        state: 'sent',
        via: 'push',
        attempts,
        lastError: null,
        retryKey,
        requestId: outcome.requestId,
        settledAt: FieldValue.serverTimestamp(),
        nextAttemptAt: FieldValue.delete(),
      };
    } else if (outcome.state === 'failed') {
      update = { state: 'failed', attempts, lastError: outcome.error, retryKey, settledAt: FieldValue.serverTimestamp(), nextAttemptAt: FieldValue.delete() };
    } else {
      const firstAttemptAt = new Date(millis(current.firstAttemptAt) ?? now.getTime());
      const state = current.state === 'unknown' || outcome.state === 'unknown' ? 'unknown' : 'pending';
      update = { state, attempts, lastError: outcome.error, retryKey, nextAttemptAt: Timestamp.fromDate(nextAttemptAt(now, attempts, firstAttemptAt)) };
    }
    tx.update(ref, update);
    return { ...current, ...update } as Delivery;
  });
}

/**
 * Sends the LINE message of one timeline entry and records the outcome in its delivery record
 * (complaints/{id}/deliveries/{entryId}, the outbox). Runs safely more than once and from several
 * places at once: one run takes the message at a time, and the retry key derived from the entry's path
 * makes LINE drop a second copy (409 = already sent).
 */
export async function deliverTimelineMessage(
  deliveryRef: DocumentReference,
  to: string,
  messages: messagingApi.Message[],
  options: AttemptOptions,
): Promise<Taken> {
  const now = options.now ?? new Date();
  const taken = await take(deliveryRef, options.mode, now);
  if (!taken.taken || taken.gaveUp) return taken;

  const userDoc = await deliveryRef.firestore.collection(COLLECTIONS.lineUsers).doc(to).get();
  if (userDoc.exists && userDoc.get('following') === false) {
    // A push to a user who blocked the OA is not delivered: don't spend quota on it (PLATFORM-FACTS.md).
    const skipped = { state: 'skipped', reason: 'unfollowed', settledAt: FieldValue.serverTimestamp(), nextAttemptAt: FieldValue.delete() } as const;
    await deliveryRef.update(skipped);
    return { taken: true, delivery: { ...taken.delivery, state: 'skipped', reason: 'unfollowed' } };
  }

  const outcome = await pushWithRetry(options.client, { to, messages }, retryKeyOf(deliveryRef), options.policy);
  if (outcome.state !== 'sent')
    logger.warn('LINE push not settled', { delivery: deliveryRef.path, state: outcome.state, status: outcome.status, error: outcome.error });
  const recorded = await recordOutcome(deliveryRef, outcome, now);
  if (recorded?.state === 'sent') await syncCaseFiguresLogged(deliveryRef.firestore, deliveryRef.parent.parent!.id);
  return { taken: true, delivery: recorded ?? taken.delivery };
}

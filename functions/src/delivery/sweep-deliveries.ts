import { FieldValue, Timestamp, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { COLLECTIONS, isStatus, type Delivery } from '@banmae/domain';
import { timelineMessageOf } from '../complaints/timeline-message.js';
import { SWEEP_ATTEMPT } from '../line/push-with-retry.js';
import { ANONYMISED_OWNER } from '../retention/anonymise-expired-cases.js';
import { deliverTimelineMessage, type AttemptOptions } from './deliver-timeline-message.js';
import { entryRefOf } from './delivery-record.js';
import { DELIVERY_SCHEDULE } from './delivery-schedule.js';

export type SweepResult = Record<Delivery['state'] | 'untouched', number>;

/** Settles a message without sending it, unless another run settled it first. */
async function settleUnsent(ref: DocumentReference, update: Partial<Delivery>): Promise<Delivery['state'] | 'untouched'> {
  return ref.firestore.runTransaction(async (tx) => {
    const state = (await tx.get(ref)).get('state') as Delivery['state'] | undefined;
    if (state !== 'pending' && state !== 'unknown') return 'untouched';
    tx.update(ref, { ...update, settledAt: FieldValue.serverTimestamp(), nextAttemptAt: FieldValue.delete() });
    return update.state!;
  });
}

/**
 * One due message: rebuilt from its case and timeline entry exactly as first sent, unless the case has
 * moved on since (the newer status's message speaks for it, as in the trigger) or is gone.
 */
async function retryOne(ref: DocumentReference, options: AttemptOptions): Promise<Delivery['state'] | 'untouched'> {
  const entryRef = entryRefOf(ref);
  const [caseSnap, entrySnap] = await Promise.all([entryRef.parent.parent!.get(), entryRef.get()]);
  const status: unknown = entrySnap.get('status');
  const owner: unknown = caseSnap.get('owner');
  if (!caseSnap.exists || !entrySnap.exists || !isStatus(status) || typeof owner !== 'string' || owner === ANONYMISED_OWNER) {
    return settleUnsent(ref, { state: 'failed', lastError: 'the case or its timeline entry is gone' });
  }
  if (caseSnap.get('status') !== status) return settleUnsent(ref, { state: 'skipped', reason: 'superseded' });
  const result = await deliverTimelineMessage(ref, owner, [timelineMessageOf(caseSnap, entrySnap)], options);
  return result.taken ? result.delivery.state : 'untouched';
}

/**
 * The delivery sweeper (docs/decisions/014): retries every message whose next attempt is due, oldest due
 * first, at most `perRun` per run and `concurrency` at a time, so that the backlog of an outage drains
 * at a bounded rate instead of as a burst. Each message is taken by one run at a time
 * (deliver-timeline-message.ts), so overlapping runs do not send it twice.
 */
export async function sweepDeliveries(
  db: Firestore,
  client: AttemptOptions['client'],
  now: Date = new Date(),
  limits: { perRun: number; concurrency: number } = DELIVERY_SCHEDULE,
): Promise<SweepResult> {
  const due = await db
    .collectionGroup(COLLECTIONS.deliveries)
    .where('nextAttemptAt', '<=', Timestamp.fromDate(now))
    .orderBy('nextAttemptAt')
    .limit(limits.perRun)
    .get();
  const result: SweepResult = { pending: 0, unknown: 0, sent: 0, failed: 0, skipped: 0, untouched: 0 };
  const queue = due.docs.map((d) => d.ref);
  const worker = async () => {
    for (let ref = queue.shift(); ref; ref = queue.shift()) {
      const state = await retryOne(ref, { client, policy: SWEEP_ATTEMPT, mode: 'due', now }).catch((err: unknown) => {
        logger.error('delivery sweep: one message could not be handled', { delivery: ref.path, error: String(err) });
        return 'untouched' as const;
      });
      result[state] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, queue.length) }, worker));
  if (due.size > 0) logger.info('delivery sweep', { due: due.size, ...result });
  return result;
}

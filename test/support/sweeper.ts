import type { SweepResult } from '../../functions/src/delivery/sweep-deliveries.ts';
import { adminDb } from './admin.ts';
import { useFunctionsEnvironment } from './triggers.ts';

/**
 * One run of the delivery sweeper, at a time the test chooses. The emulators cannot fire a schedule
 * offline (that needs the Pub/Sub emulator), so the test process runs the function's own code against
 * the same Firestore emulator and LINE stand-in the deployed sweeper would use.
 */
export async function sweep(now: Date = new Date(), limits?: { perRun: number; concurrency: number }): Promise<SweepResult> {
  useFunctionsEnvironment();
  const [{ sweepDeliveries }, { messagingClient }] = await Promise.all([
    import('../../functions/src/delivery/sweep-deliveries.ts'),
    import('../../functions/src/line/messaging-client.ts'),
  ]);
  return sweepDeliveries(adminDb, await messagingClient(), now, limits);
}

/** When a delivery record is next due, as a Date. */
export function dueAt(d: { nextAttemptAt?: unknown } | undefined): Date {
  const t = d?.nextAttemptAt as { toDate(): Date } | undefined;
  if (!t) throw new Error('the delivery has no next attempt');
  return t.toDate();
}

export const MINUTE = 60_000;
export const later = (ms: number, from = new Date()) => new Date(from.getTime() + ms);

/**
 * Delivery records that are settled but still carry a due time: each would be found by every sweep and
 * take a place in its bounded run forever. Every path that settles a message must clear it.
 */
export async function settledButDue(): Promise<string[]> {
  const due = await adminDb.collectionGroup('deliveries').orderBy('nextAttemptAt').get();
  return due.docs.filter((d) => !['pending', 'unknown'].includes(d.get('state') as string)).map((d) => `${d.ref.path} (${d.get('state')})`);
}

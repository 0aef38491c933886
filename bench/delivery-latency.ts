import { Timestamp } from 'firebase-admin/firestore';
import { adminDb } from '../test/support/admin.ts';
import { complaintFields } from '../test/support/fixtures.ts';
import { lineUserId, waitFor } from '../test/support/stack.ts';
import { standin } from '../test/support/standin-client.ts';
import { percentile } from './stats.ts';

async function pushArrival(to: string, count: number): Promise<number> {
  const pushes = await waitFor(
    'push',
    async () => {
      const p = await standin.deliveredPushes(to);
      return p.length >= count && p;
    },
    30_000,
  );
  return pushes[count - 1]!.at;
}

/** Case created (Admin SDK write acknowledged) → receipt recorded by the LINE stand-in. */
export async function measureReceiptLatency(n: number): Promise<{ p50Ms: number; p95Ms: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const user = lineUserId();
    const start = Date.now();
    await adminDb.collection('complaints').add({ ...complaintFields(user), createdAt: Timestamp.now() });
    times.push((await pushArrival(user, 1)) - start);
  }
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/** Status typed by hand (Admin SDK update) → the status message recorded by the LINE stand-in. */
export async function measureStatusLatency(n: number): Promise<{ p50Ms: number; p95Ms: number }> {
  const user = lineUserId();
  const ref = await adminDb.collection('complaints').add({ ...complaintFields(user), createdAt: Timestamp.now() });
  await pushArrival(user, 1);
  const cycle = ['accepted', 'in_progress', 'forwarded', 'in_progress', 'done'];
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = Date.now();
    await ref.update({ status: cycle[i % cycle.length], statusNote: `ขั้นที่ ${i + 1}` });
    times.push((await pushArrival(user, i + 2)) - start);
  }
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

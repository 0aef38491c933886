import { beforeEach, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { COLLECTIONS, deliveryPath, type MonthStats } from '@banmae/domain';
import { migrateDashboardFigures } from '../../scripts/migrate-dashboard-figures.ts';
import { adminDb } from '../support/admin.ts';
import { complaintFields } from '../support/fixtures.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';

beforeEach(() => clearFirestore());

const FILED = Date.parse('2026-03-10T03:00:00Z'); // March 2026 in Bangkok: stats/2026-03
const DAY = 86_400_000;
const at = (ms: number) => Timestamp.fromMillis(ms);

/** A closed case filed before decision 017; `heardAfterDays`: its receipt reached the citizen then. */
async function oldCase(n: number, heardAfterDays: number | null) {
  const ref = adminDb.collection(COLLECTIONS.complaints).doc();
  await ref.set({
    ...complaintFields(lineUserId()),
    status: 'done',
    createdAt: at(FILED),
    closedAt: at(FILED + 3 * DAY),
    trackingNo: `BM-2569-0000${n}`, // numbered already: the trigger leaves it alone
  });
  if (heardAfterDays !== null) {
    await adminDb
      .doc(deliveryPath(ref.id, 'evt-received'))
      .set({ state: 'sent', attempts: 1, lastError: null, via: 'push', settledAt: at(FILED + heardAfterDays * DAY) });
  }
  return ref;
}

/** The database as it was before the counters: the trigger's own count of these cases taken away again. */
async function forgetCounters(ids: string[]) {
  for (const id of ids) await waitFor(`the trigger's count of ${id}`, async () => (await adminDb.doc(`${COLLECTIONS.caseFigures}/${id}`).get()).exists, 30_000);
  for (const id of ids) await adminDb.doc(`${COLLECTIONS.caseFigures}/${id}`).delete();
  for (const d of (await adminDb.collection(COLLECTIONS.stats).get()).docs) await d.ref.delete();
}

const march = () => adminDb.doc(`${COLLECTIONS.stats}/2026-03`).get();

describe('migrating to the dashboard counters (decision 017)', () => {
  it('counts each earlier case once, with when its citizen first heard back, and is idempotent', { timeout: 60_000 }, async () => {
    const heard = await oldCase(1, 2);
    const late = await oldCase(2, 20);
    const silent = await oldCase(3, null);
    await forgetCounters([heard.id, late.id, silent.id]);

    expect(await migrateDashboardFigures(adminDb, { dryRun: true })).toEqual({ counted: 3, already: 0 });
    expect((await march()).exists).toBe(false); // a dry run writes nothing

    expect(await migrateDashboardFigures(adminDb)).toEqual({ counted: 3, already: 0 });
    const stats = (await march()).data() as MonthStats;
    expect(stats.filed).toBe(3);
    expect(stats.byStatus.done).toBe(3);
    expect(stats.heardWithin15).toBe(1); // heard after 2 days; 20 days is too late; never is never
    expect(Object.values(stats.doneTenths.road ?? {}).reduce((a, b) => a + b, 0)).toBe(3);

    expect(await migrateDashboardFigures(adminDb)).toEqual({ counted: 0, already: 3 });
    expect((await march()).data()).toEqual(stats);
  });
});

import { Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import { STATUS_LABELS_TH } from '@banmae/domain';
import { adminDb } from '../test/support/admin.ts';
import { complaintFields } from '../test/support/fixtures.ts';
import { lineUserId, waitFor } from '../test/support/stack.ts';
import { standin, type RecordedRequest } from '../test/support/standin-client.ts';
import { MINUTE, sweep } from '../test/support/sweeper.ts';
import { percentile } from './stats.ts';

/**
 * Issue 9: a rush of filings and a LINE that fails, measured end to end through the Functions emulator,
 * the LINE stand-in and the delivery sweeper (run here every minute, as Cloud Scheduler runs it).
 */
const PUSH = '/v2/bot/message/push';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Spread {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}
const spread = (xs: number[]): Spread => ({ p50Ms: percentile(xs, 50), p95Ms: percentile(xs, 95), maxMs: Math.max(...xs) });

/** About a quarter of pushes fail as the outside test saw: 500, 429, or an answer after the trigger's 5 s timeout (accepted). */
async function flakyLine(): Promise<void> {
  const times = 1_000_000;
  await standin.fault({ path: PUSH, status: 500, probability: 0.1, times });
  await standin.fault({ path: PUSH, status: 429, body: { message: 'The API rate limit has been exceeded. Try again later.' }, probability: 0.09, times });
  await standin.fault({ path: PUSH, delayMs: 6_000, probability: 0.08, times });
}

const delivered = (pushes: RecordedRequest[], to: string, text: string) =>
  pushes.filter((p) => p.status === 200 && p.body.to === to && JSON.stringify(p.body).includes(text));

function sweeperEveryMinute(): () => void {
  let running = true;
  void (async () => {
    while (running) {
      await sleep(MINUTE);
      if (running) await sweep().catch((err: unknown) => console.warn('bench sweep failed', err));
    }
  })();
  return () => {
    running = false;
  };
}

export interface BurstResult {
  numbered: Spread;
  receipt: Spread;
  statusToPush: Spread;
  receiptsOnce: number;
  doneOnce: number;
  lost: number;
  duplicated: number;
  cases: number;
  pushFaults: number;
  pushes: number;
}

/**
 * `n` citizens file one case each within `spreadMs`, while ~25 % of pushes fail; then a clerk moves every
 * case to "accepted" and then to "done". Acknowledgement → tracking number, → receipt at LINE, and status
 * change → message at LINE; then how many messages were lost or delivered twice once the backlog drained.
 */
export async function measureBurstWithFlakyLine(n = 300, spreadMs = 5_000): Promise<BurstResult> {
  await standin.reset();
  // A receipt and two status messages per case are more pushes than the stand-in's default monthly quota.
  await standin.quota({ monthlyQuota: 1_000_000 });
  await flakyLine();
  const stopSweeper = sweeperEveryMinute();
  try {
    const users = Array.from({ length: n }, () => lineUserId());
    const acks: number[] = [];
    const refs: DocumentReference[] = [];
    await Promise.all(
      users.map(async (user, i) => {
        await sleep((i * spreadMs) / n);
        const ref = adminDb.collection('complaints').doc();
        refs[i] = ref;
        await ref.set({ ...complaintFields(user), createdAt: Timestamp.now() });
        acks[i] = Date.now();
      }),
    );

    const numberedAt: number[] = [];
    await waitFor(
      'every case numbered',
      async () => {
        const snaps = await adminDb.getAll(...refs);
        snaps.forEach((s, i) => {
          if (numberedAt[i] === undefined && s.get('trackingNo')) numberedAt[i] = Date.now();
        });
        await sleep(200);
        return numberedAt.filter((t) => t !== undefined).length === n;
      },
      15 * MINUTE,
    );
    const receiptText = 'ได้รับเรื่องของท่านแล้ว'; // the receipt's headline (receipt-message.ts)
    const receipts = await waitFor(
      'every receipt delivered',
      async () => {
        const pushes = await standin.requests(PUSH);
        return users.every((u) => delivered(pushes, u, receiptText).length > 0) && pushes;
      },
      20 * MINUTE,
    );
    const receiptAt = users.map((u) => Math.min(...delivered(receipts, u, receiptText).map((p) => p.at)));

    const changedAt: number[] = [];
    for (const status of ['accepted', 'done'] as const) {
      await Promise.all(
        refs.map(async (ref, i) => {
          await sleep((i * spreadMs) / n);
          await ref.update({ status });
          if (status === 'done') changedAt[i] = Date.now();
        }),
      );
    }
    const doneText = STATUS_LABELS_TH.done;
    const all = await waitFor(
      'every "done" delivered',
      async () => {
        const pushes = await standin.requests(PUSH);
        return users.every((u) => delivered(pushes, u, doneText).length > 0) && pushes;
      },
      20 * MINUTE,
    );
    await sleep(5_000); // anything still in flight lands before counting
    const final = await standin.requests(PUSH);
    const doneAt = users.map((u) => Math.min(...delivered(all, u, doneText).map((p) => p.at)));
    const perUser = users.map((u) => ({
      receipts: delivered(final, u, receiptText).length,
      accepted: delivered(final, u, STATUS_LABELS_TH.accepted).length,
      done: delivered(final, u, doneText).length,
    }));
    return {
      numbered: spread(numberedAt.map((t, i) => t - acks[i]!)),
      receipt: spread(receiptAt.map((t, i) => t - acks[i]!)),
      statusToPush: spread(doneAt.map((t, i) => t - changedAt[i]!)),
      receiptsOnce: perUser.filter((u) => u.receipts === 1).length,
      doneOnce: perUser.filter((u) => u.done === 1).length,
      lost: perUser.filter((u) => u.receipts === 0 || u.done === 0).length,
      duplicated: perUser.filter((u) => u.receipts > 1 || u.accepted > 1 || u.done > 1).length,
      cases: n,
      pushFaults: final.filter((p) => p.status !== 200 && p.status !== 409).length,
      pushes: final.length,
    };
  } finally {
    stopSweeper();
    await standin.reset();
  }
}

export interface OutageResult {
  messages: number;
  lost: number;
  duplicated: number;
  superseded: number;
  drainedAfterMinutes: number;
}

/**
 * A 10-minute LINE outage during status changes, on a clock the bench controls: every case is moved to
 * "accepted" at the start, half of them to "in_progress" five minutes in; the sweeper runs each minute;
 * LINE comes back at minute 10. Counts the latest status messages that never arrived and any message
 * delivered twice.
 */
export async function measureOutage(cases = 50): Promise<OutageResult> {
  await standin.reset();
  await standin.quota({ monthlyQuota: 1_000_000 });
  const users = Array.from({ length: cases }, () => lineUserId());
  const refs = await Promise.all(users.map((u) => adminDb.collection('complaints').add({ ...complaintFields(u), createdAt: Timestamp.now() })));
  await waitFor('receipts', async () => (await standin.deliveredPushes()).length >= cases, 5 * MINUTE);

  await standin.fault({ path: PUSH, status: 500, times: 1_000_000 });
  const start = Date.now();
  const at = (minute: number) => new Date(start + minute * MINUTE);
  const unsettled = async () => (await adminDb.collectionGroup('deliveries').where('state', 'in', ['pending', 'unknown']).get()).size;
  await Promise.all(refs.map((r) => r.update({ status: 'accepted' })));
  await waitFor('the triggers tried', async () => (await unsettled()) >= cases, 5 * MINUTE);
  for (let minute = 1; minute <= 10; minute++) {
    if (minute === 5) {
      await Promise.all(refs.slice(0, cases / 2).map((r) => r.update({ status: 'in_progress' })));
      await waitFor('the triggers tried', async () => (await unsettled()) >= cases + cases / 2, 5 * MINUTE);
    }
    await sweep(at(minute));
  }
  await standin.clearFaults();
  let minute = 10;
  while ((await unsettled()) > 0 && minute < 120) await sweep(at(++minute));

  const pushes = await standin.requests(PUSH);
  const latest = (i: number) => (i < cases / 2 ? STATUS_LABELS_TH.in_progress : STATUS_LABELS_TH.accepted);
  const superseded = (await adminDb.collectionGroup('deliveries').where('reason', '==', 'superseded').get()).size;
  const result: OutageResult = {
    messages: cases + cases / 2,
    lost: users.filter((u, i) => delivered(pushes, u, latest(i)).length === 0).length,
    duplicated: users.filter((u) => delivered(pushes, u, STATUS_LABELS_TH.accepted).length > 1 || delivered(pushes, u, STATUS_LABELS_TH.in_progress).length > 1)
      .length,
    superseded,
    drainedAfterMinutes: minute - 10,
  };
  await standin.reset();
  return result;
}

type Row = [string, string, string];
const seconds = (x: Spread) => `p50 ${(x.p50Ms / 1000).toFixed(1)} s, p95 ${(x.p95Ms / 1000).toFixed(1)} s, max ${(x.maxMs / 1000).toFixed(1)} s`;

/** The rows of `npm run bench` for issue 9's burst and outage (also `npx tsx scripts/bench.ts delivery`). */
export async function deliveryRows(clear: () => Promise<void>): Promise<Row[]> {
  await clear();
  const flaky = await measureBurstWithFlakyLine(300, 5000);
  await clear();
  const outage = await measureOutage(50);
  return [
    ['Burst: 300 filings in 5 s, ~25% of pushes failing: acknowledged → tracking number', seconds(flaky.numbered), ''],
    ['Burst: acknowledged → receipt at LINE (the sweeper runs each minute)', seconds(flaky.receipt), ''],
    ['Burst: then every case moved twice; "done" → message at LINE', seconds(flaky.statusToPush), ''],
    [
      'Burst: messages lost / delivered twice after the backlog drained',
      `${flaky.lost} / ${flaky.duplicated} (${flaky.receiptsOnce} of ${flaky.cases} receipts and ${flaky.doneOnce} "done" exactly once; ${flaky.pushFaults} of ${flaky.pushes} pushes failed)`,
      '0 / 0',
    ],
    [
      '10-minute LINE outage during status changes (50 cases, 75 messages; simulated clock)',
      `${outage.lost} lost, ${outage.duplicated} duplicated, ${outage.superseded} superseded skipped; drained ${outage.drainedAfterMinutes} min after LINE returned`,
      '0 lost, 0 duplicated',
    ],
  ];
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '@banmae/domain';
import { adminDb } from '../support/admin.ts';
import { fileCase, setStatusByHand, stepsOf } from '../support/cases.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';
import { dueAt, later, MINUTE, settledButDue, sweep } from '../support/sweeper.ts';
import { createCase, numberAsTrigger } from '../support/numbering.ts';
import { pauseEmulatorTriggers } from '../support/triggers.ts';

/**
 * LINE failing for longer than a trigger's own two attempts (docs/decisions/014): the outbox tells the
 * truth (a lost answer is `unknown`, not `failed`), the sweeper retries with the same retry key until
 * LINE answers, and each message reaches the citizen exactly once; after 24 h it gives up and tells staff.
 */
const PUSH = '/v2/bot/message/push';
const HOUR = 60 * MINUTE;

beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

afterEach(async () => {
  expect(await settledButDue()).toEqual([]); // a settled message must not stay due for the sweeper
});

async function caseWithReceipt() {
  const user = lineUserId();
  const c = await fileCase(user);
  await waitFor('receipt', async () => (await standin.deliveredPushes(user)).length === 1);
  return { user, ...c };
}

/** The delivery record of the step to `status`, once the trigger has had its go at it. */
async function triedDelivery(caseId: string, status: string, states: Delivery['state'][]): Promise<Delivery> {
  return waitFor(
    `delivery of ${status} in ${states.join('/')}`,
    async () => {
      const step = (await stepsOf(caseId)).find((s) => s.entry.get('status') === status);
      return step?.delivery && states.includes(step.delivery.state) ? step.delivery : null;
    },
    20_000,
  );
}

const deliveryNow = async (caseId: string, status: string) => (await stepsOf(caseId)).find((s) => s.entry.get('status') === status)!.delivery!;

describe('an answer that never came', () => {
  it('is unknown, not failed; the same retry key later gets 409 and the message counts as sent, delivered once', async () => {
    const c = await caseWithReceipt();
    // LINE takes the trigger's first attempt but answers after the trigger gave up on it (5 s), then has 500s.
    await standin.fault({ path: PUSH, delayMs: 7_000, times: 1 });
    await standin.fault({ path: PUSH, status: 500, times: 3 });
    await setStatusByHand(c.id, 'accepted');

    const tried = await triedDelivery(c.id, 'accepted', ['unknown', 'failed', 'sent']);
    expect(tried).toMatchObject({ state: 'unknown', attempts: 2 });
    expect(tried.lastError).toMatch(/^500/);
    await waitFor('LINE accepting the slow attempt', async () => (await standin.deliveredPushes(c.user)).length === 2); // receipt + this one

    // Two sweeps meet more 500s: still unknown, never failed.
    let at = dueAt(tried);
    for (let i = 0; i < 2; i++) {
      expect(await sweep(at)).toMatchObject({ unknown: 1 });
      const d = await deliveryNow(c.id, 'accepted');
      expect(d.state).toBe('unknown');
      at = dueAt(d);
    }
    expect(await sweep(at)).toMatchObject({ sent: 1 });
    expect(await deliveryNow(c.id, 'accepted')).toMatchObject({ state: 'sent', attempts: 5, lastError: null });

    const pushes = (await standin.requests(PUSH)).filter((r) => r.body.to === c.user);
    expect(
      pushes
        .slice(1)
        .map((p) => p.status)
        .sort(),
    ).toEqual([200, 409, 500, 500, 500]);
    expect(new Set(pushes.slice(1).map((p) => p.retryKey)).size).toBe(1);
    expect(await standin.deliveredPushes(c.user)).toHaveLength(2); // the citizen got it once
  });
});

describe('an outage longer than the trigger tries', () => {
  it('delivers every message exactly once when LINE recovers, oldest first and at most a run’s worth at a time', async () => {
    const cases = [await caseWithReceipt(), await caseWithReceipt(), await caseWithReceipt()];
    await standin.fault({ path: PUSH, status: 500, times: 10_000 });
    for (const c of cases) await setStatusByHand(c.id, 'accepted');
    for (const c of cases) expect(await triedDelivery(c.id, 'accepted', ['unknown', 'failed', 'sent'])).toMatchObject({ state: 'unknown', attempts: 2 });

    // Ten minutes of outage, a sweep a minute: nothing is given up, nothing arrives.
    for (let minute = 1; minute <= 10; minute++) {
      const r = await sweep(later(minute * MINUTE));
      expect(r.failed + r.sent).toBe(0);
    }
    for (const c of cases) expect((await deliveryNow(c.id, 'accepted')).state).toBe('unknown');

    await standin.clearFaults();
    // A run takes at most `perRun`, the one due first first.
    const due = await Promise.all(cases.map(async (c) => ({ c, at: dueAt(await deliveryNow(c.id, 'accepted')) })));
    const last = new Date(Math.max(...due.map((d) => d.at.getTime())));
    due.sort((a, b) => a.at.getTime() - b.at.getTime());
    expect(await sweep(last, { perRun: 2, concurrency: 1 })).toMatchObject({ sent: 2 });
    expect((await deliveryNow(due[0]!.c.id, 'accepted')).state).toBe('sent');
    expect((await deliveryNow(due[1]!.c.id, 'accepted')).state).toBe('sent');
    expect((await deliveryNow(due[2]!.c.id, 'accepted')).state).toBe('unknown');
    expect(await sweep(last)).toMatchObject({ sent: 1 });
    expect(await sweep(later(HOUR, last))).toMatchObject({ sent: 0, unknown: 0, pending: 0 }); // nothing left due

    for (const c of cases) expect(await standin.deliveredPushes(c.user)).toHaveLength(2); // receipt + "accepted", once each
  });

  it('does not let two overlapping sweeper runs send one message twice', async () => {
    const cases = [await caseWithReceipt(), await caseWithReceipt()];
    await standin.fault({ path: PUSH, status: 500, times: 4 });
    for (const c of cases) await setStatusByHand(c.id, 'accepted');
    for (const c of cases) await triedDelivery(c.id, 'accepted', ['unknown']);
    const before = (await standin.requests(PUSH)).length;

    const at = later(HOUR);
    const runs = await Promise.all([sweep(at), sweep(at), sweep(at)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect((await standin.requests(PUSH)).length - before).toBe(2); // one attempt per message, not one per run
  });

  it('skips a message whose case has moved on, as the trigger does, instead of sending an old status', async () => {
    const c = await caseWithReceipt();
    await standin.fault({ path: PUSH, status: 500, times: 4 });
    await setStatusByHand(c.id, 'accepted');
    await triedDelivery(c.id, 'accepted', ['unknown']);
    await setStatusByHand(c.id, 'in_progress');
    await triedDelivery(c.id, 'in_progress', ['unknown']);
    await standin.clearFaults();

    expect(await sweep(later(HOUR))).toMatchObject({ skipped: 1, sent: 1 });
    expect(await deliveryNow(c.id, 'accepted')).toMatchObject({ state: 'skipped', reason: 'superseded' });
    const delivered = await standin.deliveredPushes(c.user);
    expect(delivered).toHaveLength(2);
    expect(JSON.stringify(delivered[1]!.body)).toContain('กำลังดำเนินการ');
  });

  it('gives up after 24 h: failed for good, and a problem entry for staff to phone the citizen, with no personal data', async () => {
    const c = await caseWithReceipt();
    await standin.fault({ path: PUSH, status: 500, times: 10_000 });
    await setStatusByHand(c.id, 'accepted');
    const tried = await triedDelivery(c.id, 'accepted', ['unknown']);
    const entryId = (await stepsOf(c.id)).find((s) => s.entry.get('status') === 'accepted')!.entry.id;

    expect(await sweep(later(23 * HOUR))).toMatchObject({ unknown: 1 }); // still within the retry key's life
    const last = await deliveryNow(c.id, 'accepted');
    expect(last.state).toBe('unknown');
    expect(dueAt(last).getTime()).toBeLessThan(later(24 * HOUR).getTime());
    const pushesBefore = (await standin.requests(PUSH)).length;

    expect(await sweep(later(24 * HOUR))).toMatchObject({ failed: 1 });
    const failed = await deliveryNow(c.id, 'accepted');
    expect(failed).toMatchObject({ state: 'failed', reason: 'retry_window_over', attempts: tried.attempts + 1 });
    expect(failed.nextAttemptAt).toBeUndefined();
    expect((await standin.requests(PUSH)).length).toBe(pushesBefore); // no attempt once the key may have expired

    const problem = (await adminDb.doc(`problems/delivery-${c.id}-${entryId}`).get()).data();
    expect(problem).toMatchObject({ kind: 'delivery_failed', caseId: c.id, entryId, resolved: false });
    expect(Object.keys(problem!).sort()).toEqual(['at', 'caseId', 'entryId', 'kind', 'lastError', 'resolved']);
    expect(await sweep(later(25 * HOUR))).toMatchObject({ failed: 0, sent: 0 }); // and it stays given up
  });
});

describe('a trigger that dies after numbering, before sending', () => {
  /** The case numbered as onComplaintCreated does it, and then nothing: the run ended there. */
  async function numberedOnly(over: Record<string, unknown> = {}) {
    const user = lineUserId();
    const ref = await pauseEmulatorTriggers(async () => {
      const r = await createCase(user, over);
      await numberAsTrigger(r, `event-died-${r.id}`);
      return r;
    });
    const [step] = await stepsOf(ref.id);
    return { user, ref, delivery: step!.delivery! };
  }

  it('leaves its receipt to the sweeper, which sends it once the trigger’s own go is over, not before', async () => {
    const { user, delivery } = await numberedOnly();
    expect(delivery.state).toBe('pending');
    expect(await sweep(new Date())).toMatchObject({ sent: 0 }); // the trigger might still be at it
    expect(await sweep(later(3 * MINUTE))).toMatchObject({ sent: 1 });
    const pushes = await standin.deliveredPushes(user);
    expect(pushes).toHaveLength(1);
    expect(JSON.stringify(pushes[0]!.body)).toContain('ได้รับเรื่องของท่านแล้ว');
  });

  it('waits out the free-reply window of a case filed from the chat, then closes it and pushes', async () => {
    const { user, ref, delivery } = await numberedOnly({ receiptByReply: true });
    expect(delivery).toMatchObject({ state: 'pending', replyWindow: 'open' });
    expect(await sweep(later(2 * MINUTE))).toMatchObject({ sent: 0 }); // the citizen's "ส่งเรื่อง …" may still come
    expect(await standin.deliveredPushes(user)).toHaveLength(0);
    expect(await sweep(later(3 * MINUTE))).toMatchObject({ sent: 1 });
    expect((await stepsOf(ref.id))[0]!.delivery).toMatchObject({ state: 'sent', via: 'push', replyWindow: 'closed' });
    expect(await standin.deliveredPushes(user)).toHaveLength(1);
  });
});

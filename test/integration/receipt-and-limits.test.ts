import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTIONS, deliveryPath, parseMunicipalityConfig, receiptRequestText, type Delivery } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { adminDb } from '../support/admin.ts';
import { fileAsCitizen, signInCitizen, type Citizen } from '../support/citizen.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';
import { settledButDue } from '../support/sweeper.ts';
import { standin } from '../support/standin-client.ts';

// What one citizen can cost the municipality in LINE messages (issue 8, decision 012): a receipt for a
// case filed from the chat is a free reply, a push only when that cannot happen, and a scripted burst
// of filings stops at the configured limits.
const { limits, notifications } = parseMunicipalityConfig(rawConfig);
const WAIT_MS = notifications.receiptReplyWaitSeconds * 1000;

let citizen: Citizen | undefined;
beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});
afterEach(async () => {
  await citizen?.close();
  citizen = undefined;
  expect(await settledButDue()).toEqual([]); // replied, capped or pushed: no receipt stays due for the sweeper
});

async function trackingNoOf(id: string): Promise<string> {
  return waitFor(`tracking number of ${id}`, async () => (await adminDb.doc(`complaints/${id}`).get()).get('trackingNo') as string | undefined);
}

async function receiptDelivery(caseId: string): Promise<Delivery> {
  const first = await waitFor(
    'receipt entry',
    async () => (await adminDb.collection(`complaints/${caseId}/timeline`).where('by', '==', 'system').get()).docs[0],
  );
  return (await adminDb.doc(deliveryPath(caseId, first.id)).get()).data() as Delivery;
}

const say = (userId: string, text: string) =>
  standin.webhook({ events: [{ type: 'message', source: { type: 'user', userId }, message: { type: 'text', text } }] });
const repliesWith = async (text: string) =>
  (await standin.requests('/v2/bot/message/reply')).filter((r) => r.status === 200 && JSON.stringify(r.body).includes(text));

describe('the receipt of a case filed from the OA chat', () => {
  it('goes out as the free reply to the citizen’s "ส่งเรื่อง …" and costs no push', async () => {
    citizen = await signInCitizen(lineUserId());
    const ref = await fileAsCitizen(citizen, { case: { receiptByReply: true } });
    const trackingNo = await trackingNoOf(ref.id);
    await say(citizen.userId, receiptRequestText(trackingNo));

    const replies = await repliesWith(trackingNo);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body.messages![0]!.type).toBe('flex');
    expect(replies[0]!.body.messages![0]!.altText).toContain('ได้รับเรื่องของท่านแล้ว');
    await waitFor('receipt recorded as replied', async () => (await receiptDelivery(ref.id)).state === 'sent');
    expect(await receiptDelivery(ref.id)).toMatchObject({ state: 'sent', via: 'reply', replyWindow: 'closed' });
    await new Promise((r) => setTimeout(r, 2000)); // the trigger stops waiting within a poll
    expect(await standin.deliveredPushes(citizen.userId)).toHaveLength(0);
  });

  it(
    'is pushed once when no message comes in time, and a late "ส่งเรื่อง …" gets the status, not a second receipt',
    async () => {
      citizen = await signInCitizen(lineUserId());
      const ref = await fileAsCitizen(citizen, { case: { receiptByReply: true } });
      const trackingNo = await trackingNoOf(ref.id);
      await new Promise((r) => setTimeout(r, WAIT_MS / 2));
      expect(await standin.deliveredPushes(citizen.userId)).toHaveLength(0); // still waiting for the reply
      const pushes = await waitFor(
        'the fallback push',
        async () => {
          const p = await standin.deliveredPushes(citizen!.userId);
          return p.length > 0 && p;
        },
        WAIT_MS + 15_000,
      );
      expect(JSON.stringify(pushes[0]!.body)).toContain(trackingNo);
      // LINE has it; the trigger records LINE's answer a moment later.
      await waitFor('receipt recorded as pushed', async () => (await receiptDelivery(ref.id)).state !== 'pending');
      expect(await receiptDelivery(ref.id)).toMatchObject({ state: 'sent', via: 'push' });

      await say(citizen.userId, receiptRequestText(trackingNo));
      const late = await repliesWith(trackingNo);
      expect(late).toHaveLength(1);
      expect(late[0]!.body.messages![0]!.altText).not.toContain('ได้รับเรื่องของท่านแล้ว');
      expect(await standin.deliveredPushes(citizen.userId)).toHaveLength(1);
    },
    WAIT_MS + 40_000,
  );

  it(
    'is pushed when the reply fails, and only once',
    async () => {
      citizen = await signInCitizen(lineUserId());
      const ref = await fileAsCitizen(citizen, { case: { receiptByReply: true } });
      const trackingNo = await trackingNoOf(ref.id);
      await standin.fault({ path: '/v2/bot/message/reply', status: 400, body: { message: 'Invalid reply token' } });
      await say(citizen.userId, receiptRequestText(trackingNo));
      expect((await receiptDelivery(ref.id)).replyWindow).toBe('open'); // handed back to the trigger
      await waitFor('the fallback push', async () => (await standin.deliveredPushes(citizen!.userId)).length > 0, WAIT_MS + 15_000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await standin.deliveredPushes(citizen.userId)).toHaveLength(1);
    },
    WAIT_MS + 40_000,
  );

  it('cannot be claimed by another citizen saying the number', async () => {
    citizen = await signInCitizen(lineUserId());
    const ref = await fileAsCitizen(citizen, { case: { receiptByReply: true } });
    const trackingNo = await trackingNoOf(ref.id);
    const mallory = lineUserId();
    await say(mallory, receiptRequestText(trackingNo));
    const toMallory = await repliesWith(trackingNo);
    expect(toMallory.every((r) => !JSON.stringify(r.body).includes('ได้รับเรื่องของท่านแล้ว'))).toBe(true);
    expect((await receiptDelivery(ref.id)).replyWindow).toBe('open');
  });
});

describe('a scripted burst of filings from one citizen', () => {
  it(`is stopped at ${limits.casesPerHour} cases and pushes at most ${limits.receiptPushesPerDay} receipts`, async () => {
    citizen = await signInCitizen(lineUserId());
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      outcomes.push(
        await fileAsCitizen(citizen).then(
          () => 'filed',
          (err: { code?: string }) => String(err.code),
        ),
      );
    }
    expect(outcomes.slice(0, limits.casesPerHour)).toEqual(Array(limits.casesPerHour).fill('filed'));
    expect(outcomes.slice(limits.casesPerHour)).toEqual(Array(20 - limits.casesPerHour).fill('permission-denied'));
    const cases = (await adminDb.collection(COLLECTIONS.complaints).where('owner', '==', citizen.userId).get()).docs;
    expect(cases).toHaveLength(limits.casesPerHour);

    // Every receipt settles: pushed up to the day's allowance, skipped after it.
    const settled = await waitFor(
      'receipts settled',
      async () => {
        const all = await Promise.all(cases.map((c) => receiptDelivery(c.id)));
        return all.every((d) => d.state !== 'pending') && all;
      },
      30_000,
    );
    expect(settled.filter((d) => d.state === 'sent')).toHaveLength(limits.receiptPushesPerDay);
    expect(settled.filter((d) => d.state === 'skipped' && d.reason === 'citizen_cap')).toHaveLength(limits.casesPerHour - limits.receiptPushesPerDay);
    expect(await standin.deliveredPushes(citizen.userId)).toHaveLength(limits.receiptPushesPerDay);
  }, 90_000);
});

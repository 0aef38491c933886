import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { ADDITIONS_COLLECTION, monthKeyOf, STATUS_LABELS_TH } from '@banmae/domain';
import { adminDb } from '../support/admin.ts';
import { fileCase, setStatusByHand, timelineOf } from '../support/cases.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';
import { standin, type RecordedRequest } from '../support/standin-client.ts';
import { useFunctionsEnvironment } from '../support/triggers.ts';

// "แก้ไขแล้ว / ยังไม่ได้แก้ไข" and the rating, in the chat (decision 018): each postback path, its reply
// (free) and what it leaves on the case; and that nothing is pushed beyond the replies.
const PUSH = '/v2/bot/message/push';
const REPLY = '/v2/bot/message/reply';
const STALE = 'ปุ่มนี้ใช้ไม่ได้แล้ว';

// The first case of a run waits for the functions' cold start on a busy machine.
beforeAll(async () => {
  for (let i = 0; i < 6; i++)
    if (
      await fileCase(lineUserId()).then(
        () => true,
        () => false,
      )
    )
      break;
}, 90_000);

beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

const pushesTo = async (user: string) => (await standin.requests(PUSH)).filter((r) => r.status === 200 && r.body.to === user);
const replies = async () => (await standin.requests(REPLY)).filter((r) => r.status === 200);
interface StoredCase {
  status: string;
  feedback: { token: string; answer: string | null; rating: number | null; confirmedBy: string | null };
}
const caseDoc = async (id: string) => (await adminDb.doc(`complaints/${id}`).get()).data() as StoredCase;

type Action = { type: string; label?: string; data?: string };

/** Every postback action in a message, Flex buttons and quick replies alike, by label. */
function postbacks(message: unknown): Action[] {
  const found: Action[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'postback' && typeof o.data === 'string') found.push(o as Action);
      Object.values(o).forEach(walk);
    }
  };
  walk(message);
  return found;
}

/** A case moved to done by staff, with the pushed "done" message (its buttons) and the pushes so far. */
async function doneCase() {
  const user = lineUserId();
  const c = await fileCase(user);
  await setStatusByHand(c.id, 'accepted');
  await waitFor('accepted step', async () => (await timelineOf(c.id)).some((e) => e.get('status') === 'accepted'), 30_000);
  await setStatusByHand(c.id, 'done', { statusNote: 'ซ่อมท่อเรียบร้อยแล้ว' });
  const done = await waitFor('done message', async () => (await pushesTo(user)).find((p) => JSON.stringify(p.body).includes(STATUS_LABELS_TH.done)), 30_000);
  const buttons = postbacks(done.body.messages);
  const data = (label: string) => buttons.find((b) => b.label === label)!.data!;
  return { user, ...c, done, fixed: data('แก้ไขแล้ว'), notFixed: data('ยังไม่ได้แก้ไข'), pushesSoFar: (await pushesTo(user)).length };
}

/** Sends a postback from `user` and returns the reply it got (the only one since the last reset of the record). */
async function press(user: string, data: string): Promise<RecordedRequest> {
  const before = (await replies()).length;
  const r = await standin.webhook({ events: [{ type: 'postback', source: { type: 'user', userId: user }, postback: { data } }] });
  expect(r.status).toBe(200);
  const all = await replies();
  expect(all).toHaveLength(before + 1);
  return all[all.length - 1]!;
}

const textOf = (reply: RecordedRequest) => reply.body.messages!.map((m) => m.text ?? '').join('\n');

describe('the "done" message', () => {
  it('carries "แก้ไขแล้ว" and "ยังไม่ได้แก้ไข" as postbacks naming the case with an unguessable token', async () => {
    const c = await doneCase();
    const stored = await caseDoc(c.id);
    expect(stored.feedback).toMatchObject({ answer: null, rating: null, confirmedBy: null });
    expect(c.fixed).toBe(`fb1|f|${c.id}|${stored.feedback.token}`);
    expect(c.notFixed).toBe(`fb1|n|${c.id}|${stored.feedback.token}`);
    expect(stored.feedback.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('answers to the "done" message', () => {
  it('"แก้ไขแล้ว" confirms the case, replies with a 1–5 rating, and a rating is stored once', async () => {
    const c = await doneCase();
    const reply = await press(c.user, c.fixed);
    expect(textOf(reply)).toContain(c.trackingNo);
    const ratings = postbacks(reply.body.messages);
    expect(ratings.map((r) => r.label)).toEqual(['★ 1', '★★ 2', '★★★ 3', '★★★★ 4', '★★★★★ 5']);
    await waitFor('confirmed step', async () => (await timelineOf(c.id)).find((e) => e.get('status') === 'confirmed'));
    expect(await caseDoc(c.id)).toMatchObject({ status: 'confirmed', feedback: { answer: 'fixed', confirmedBy: 'citizen', rating: null } });
    const confirmedStep = (await timelineOf(c.id)).find((e) => e.get('status') === 'confirmed')!;
    expect(confirmedStep.get('by')).toBe('citizen');

    const rated = await press(c.user, ratings[3]!.data!);
    expect(textOf(rated)).toContain('4 จาก 5');
    expect((await caseDoc(c.id)).feedback.rating).toBe(4);
    // The dashboard's month counters (decision 017) count the rating and keep the case as finished,
    // with its received → done duration.
    const month = monthKeyOf(((await adminDb.doc(`complaints/${c.id}`).get()).get('createdAt') as Timestamp).toDate());
    await waitFor('rating counted', async () => ((await adminDb.doc(`stats/${month}`).get()).get('ratingCount') === 1 ? true : undefined));
    const stats = (await adminDb.doc(`stats/${month}`).get()).data()!;
    expect(stats).toMatchObject({ ratingCount: 1, ratingSum: 4, byStatus: { confirmed: 1, done: 0 } });
    expect(Object.values(stats.doneTenths as Record<string, Record<string, number>>).flatMap((h) => Object.values(h))).toEqual([1]);

    // Replayed: the same rating, another rating, "แก้ไขแล้ว" again: nothing changes, one reply naming nothing.
    for (const again of [ratings[3]!.data!, ratings[0]!.data!, c.fixed, c.notFixed]) {
      const r = await press(c.user, again);
      expect(textOf(r)).toContain(STALE);
      expect(textOf(r)).not.toContain(c.trackingNo);
    }
    expect(await caseDoc(c.id)).toMatchObject({ status: 'confirmed', feedback: { answer: 'fixed', rating: 4 } });
    await new Promise((r) => setTimeout(r, 500));
    expect(await pushesTo(c.user)).toHaveLength(c.pushesSoFar); // every answer was a reply
  });

  it('stores each rating from 1 to 5', async () => {
    const cases = await Promise.all([1, 2, 3, 4, 5].map(() => doneCase()));
    for (const [i, c] of cases.entries()) {
      const rating = i + 1;
      const reply = await press(c.user, c.fixed);
      const data = postbacks(reply.body.messages)[rating - 1]!.data!;
      expect(textOf(await press(c.user, data))).toContain(`${rating} จาก 5`);
      expect((await caseDoc(c.id)).feedback.rating).toBe(rating);
    }
  }, 90_000);

  it('"ยังไม่ได้แก้ไข" within the window reopens the case with one timeline step, no push, and takes the next text as the reason', async () => {
    const c = await doneCase();
    const stepsBefore = (await timelineOf(c.id)).length;
    const reply = await press(c.user, c.notFixed);
    expect(textOf(reply)).toContain('พิมพ์เหตุผล');
    await waitFor('reopened step', async () => (await timelineOf(c.id)).find((e) => e.get('status') === 'reopened'));
    expect(await caseDoc(c.id)).toMatchObject({ status: 'reopened', feedback: { answer: 'not_fixed' } });

    const said = await standin.webhook({
      events: [
        { type: 'message', source: { type: 'user', userId: c.user }, message: { id: '9', type: 'text', text: 'ท่อยังรั่วอยู่ น้ำไหลออกมาทั้งคืน', quoteToken: 'q' } },
      ],
    });
    expect(said.status).toBe(200);
    expect(textOf((await replies()).at(-1)!)).toContain(c.trackingNo);
    const added = await adminDb.collection(`complaints/${c.id}/${ADDITIONS_COLLECTION}`).get();
    expect(added.docs.map((d) => d.data())).toMatchObject([{ text: 'ท่อยังรั่วอยู่ น้ำไหลออกมาทั้งคืน', by: c.user, via: 'chat' }]);

    // Only the next text: a later one is left alone for staff to read in LINE OA Manager.
    await standin.webhook({
      events: [{ type: 'message', source: { type: 'user', userId: c.user }, message: { id: '10', type: 'text', text: 'ขอบคุณครับ', quoteToken: 'q' } }],
    });
    expect((await adminDb.collection(`complaints/${c.id}/${ADDITIONS_COLLECTION}`).get()).size).toBe(1);

    // Pressed again: nothing more.
    expect(textOf(await press(c.user, c.notFixed))).toContain(STALE);
    await new Promise((r) => setTimeout(r, 1000));
    const steps = await timelineOf(c.id);
    expect(steps).toHaveLength(stepsBefore + 1);
    expect(steps.filter((e) => e.get('status') === 'reopened').map((e) => e.get('by') as string)).toEqual(['citizen']);
    expect(await pushesTo(c.user)).toHaveLength(c.pushesSoFar);
  });

  it('"ยังไม่ได้แก้ไข" after the window explains how to file a new case and leaves the case closed', async () => {
    const c = await doneCase();
    await adminDb.doc(`complaints/${c.id}`).update({ 'feedback.windowEndsAt': Timestamp.fromMillis(Date.now() - 60_000) });
    const reply = await press(c.user, c.notFixed);
    expect(textOf(reply)).toContain('แจ้งเรื่องใหม่');
    expect(await caseDoc(c.id)).toMatchObject({ status: 'done', feedback: { answer: 'late_not_fixed' } });
    expect(textOf(await press(c.user, c.notFixed))).toContain(STALE);
    await new Promise((r) => setTimeout(r, 500));
    expect((await timelineOf(c.id)).map((e) => e.get('status') as string)).toEqual(['received', 'accepted', 'done']);
  });

  it('a button of an earlier "done" does nothing once the case was reopened and done again', async () => {
    const c = await doneCase();
    await press(c.user, c.notFixed);
    await waitFor('reopened step', async () => (await timelineOf(c.id)).find((e) => e.get('status') === 'reopened'));
    await setStatusByHand(c.id, 'done');
    await waitFor('new token', async () => (await caseDoc(c.id)).feedback?.answer === null);
    expect(textOf(await press(c.user, c.fixed))).toContain(STALE);
    expect((await caseDoc(c.id)).status).toBe('done');
  });
});

describe('postbacks that must do nothing and say nothing about any case', () => {
  it("another user's press on someone's case, a wrong token, an unknown case and malformed data", async () => {
    const c = await doneCase();
    const mallory = lineUserId();
    const before = await caseDoc(c.id);
    const token = before.feedback.token;
    const attempts = [
      { who: mallory, data: c.fixed },
      { who: mallory, data: c.notFixed },
      { who: c.user, data: `fb1|f|${c.id}|${'A'.repeat(22)}` },
      { who: c.user, data: `fb1|n|ZZZZZZZZZZZZZZZZZZZZ|${token}` },
      { who: c.user, data: `fb1|r5|${c.id}|${token}` }, // a rating before any "แก้ไขแล้ว"
      { who: c.user, data: 'fb1|f' },
      { who: c.user, data: `fb1|r9|${c.id}|${token}` },
      { who: c.user, data: 'x'.repeat(5000) },
      { who: c.user, data: '' },
    ];
    const texts = new Set<string>();
    for (const a of attempts) {
      const r = await press(a.who, a.data);
      texts.add(textOf(r));
      expect(textOf(r)).not.toContain(c.trackingNo);
    }
    expect([...texts]).toHaveLength(1); // the same reply whatever was wrong
    expect([...texts][0]).toContain(STALE);
    expect(await caseDoc(c.id)).toEqual(before);
    expect((await adminDb.doc(`lineUsers/${mallory}`).get()).get('pendingReason')).toBeUndefined();
  });
});

describe('confirmation by silence', () => {
  it('confirms a done case once its window is over, with a system step and no push; an answered or reopened case is left alone', async () => {
    useFunctionsEnvironment();
    const { confirmSilentCases } = await import('../../functions/src/feedback/confirm-silent-cases.ts');
    const silent = await doneCase();
    const answered = await doneCase();
    await press(answered.user, answered.notFixed);
    const past = Timestamp.fromMillis(Date.now() - 60_000);
    for (const c of [silent, answered]) await adminDb.doc(`complaints/${c.id}`).update({ 'feedback.windowEndsAt': past });
    const young = await doneCase();

    expect(await confirmSilentCases(adminDb)).toBe(1);
    expect(await caseDoc(silent.id)).toMatchObject({ status: 'confirmed', feedback: { confirmedBy: 'window', answer: null } });
    expect((await caseDoc(answered.id)).status).toBe('reopened');
    expect((await caseDoc(young.id)).status).toBe('done');
    const step = await waitFor('confirmed step', async () => (await timelineOf(silent.id)).find((e) => e.get('status') === 'confirmed'));
    expect(step.get('by')).toBe('system');
    await new Promise((r) => setTimeout(r, 500));
    expect(await pushesTo(silent.user)).toHaveLength(silent.pushesSoFar);
    expect(await confirmSilentCases(adminDb)).toBe(0);

    // The citizen's own word after the sweep still counts, and asks for the rating.
    const late = await press(silent.user, silent.fixed);
    expect(postbacks(late.body.messages)).toHaveLength(5);
    expect(await caseDoc(silent.id)).toMatchObject({ status: 'confirmed', feedback: { confirmedBy: 'citizen', answer: 'fixed' } });
  });
});

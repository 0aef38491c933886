import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collection, doc, getDoc, getDocs } from 'firebase/firestore';
import { STATUS_LABELS_TH, type Delivery } from '@banmae/domain';
import { adminDb } from '../support/admin.ts';
import { deliveryOf, fileCase, setStatusByHand, stepsOf, timelineOf } from '../support/cases.ts';
import { signInCitizen } from '../support/citizen.ts';
import { deskEdit } from '../support/desk-edit.ts';
import { signInStaff } from '../support/staff.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';
import { standin, type RecordedRequest } from '../support/standin-client.ts';
import { dueAt, settledButDue, sweep } from '../support/sweeper.ts';
import { firestoreEvent, pauseEmulatorTriggers, useFunctionsEnvironment, type DocumentSnapshot } from '../support/triggers.ts';

const PUSH = '/v2/bot/message/push';

beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

afterEach(async () => {
  expect(await settledButDue()).toEqual([]); // a settled message must not stay due for the sweeper
});

async function pushesTo(user: string): Promise<RecordedRequest[]> {
  return (await standin.requests(PUSH)).filter((r) => r.body.to === user);
}

/** A case whose receipt has already gone out, so every later push is about the status change. */
async function caseWithReceipt() {
  const user = lineUserId();
  const c = await fileCase(user);
  await waitFor('receipt', async () => (await pushesTo(user)).length === 1);
  await standin.reset();
  return { user, ...c };
}

/** The delivery record of the step to `status`, once the trigger has recorded its outcome (sent, failed, skipped or unknown). */
async function settledDelivery(caseId: string, status: string): Promise<Delivery> {
  return waitFor(
    `delivery of ${status}`,
    async () => {
      const step = (await stepsOf(caseId)).find((s) => s.entry.get('status') === status);
      return step?.delivery && step.delivery.state !== 'pending' ? step.delivery : null;
    },
    20_000,
  );
}

describe('a status change typed by hand, as a clerk does in the console', () => {
  it('adds a timeline entry and pushes exactly one message with the new status, note and retry key', async () => {
    const c = await caseWithReceipt();
    await setStatusByHand(c.id, 'in_progress', { statusNote: 'ช่างจะเข้าไปซ่อมวันพรุ่งนี้' });
    const delivery = await settledDelivery(c.id, 'in_progress');
    expect(delivery.state).toBe('sent');
    expect(delivery.attempts).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    const pushes = await pushesTo(c.user);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.retryKey).toBe(delivery.retryKey);
    const json = JSON.stringify(pushes[0]!.body.messages);
    for (const want of [c.trackingNo, STATUS_LABELS_TH.in_progress, 'ช่างจะเข้าไปซ่อมวันพรุ่งนี้', 'รายละเอียด', `/cases/${c.id}`]) expect(json).toContain(want);
    const entries = await timelineOf(c.id);
    expect(entries.map((e) => e.get('status') as string)).toEqual(['received', 'in_progress']);
    expect(entries[1]!.get('note')).toBe('ช่างจะเข้าไปซ่อมวันพรุ่งนี้');
    expect(entries[1]!.get('by')).toBe('console');
  });

  it('says "ดำเนินการแล้วเสร็จ" when the case is done, and does not repeat an old note', async () => {
    const c = await caseWithReceipt();
    await setStatusByHand(c.id, 'in_progress', { statusNote: 'กำลังซ่อม' });
    await settledDelivery(c.id, 'in_progress');
    await setStatusByHand(c.id, 'done');
    await settledDelivery(c.id, 'done');
    const last = (await pushesTo(c.user)).at(-1)!;
    const json = JSON.stringify(last.body.messages);
    expect(json).toContain('ดำเนินการแล้วเสร็จ');
    expect(json).not.toContain('กำลังซ่อม');
  });

  it('sends nothing and adds no entry for an update that does not change the status', async () => {
    const c = await caseWithReceipt();
    await adminDb.doc(`complaints/${c.id}`).update({ department: 'engineering' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pushesTo(c.user)).toHaveLength(0);
    expect(await timelineOf(c.id)).toHaveLength(1);
  });

  it('records an unknown status typed by hand as a problem for staff, and does not message the citizen', async () => {
    const c = await caseWithReceipt();
    await setStatusByHand(c.id, 'finished');
    const problem = await waitFor('problem', async () => (await adminDb.collection('problems').where('caseId', '==', c.id).get()).docs[0]);
    expect(problem.get('kind')).toBe('unknown_status');
    expect(problem.get('value')).toBe('finished');
    await new Promise((r) => setTimeout(r, 500));
    expect(await pushesTo(c.user)).toHaveLength(0);
    expect(await timelineOf(c.id)).toHaveLength(1);
  });

  it('skips and records a citizen who unfollowed the OA, spending no push', async () => {
    const c = await caseWithReceipt();
    await adminDb.doc(`lineUsers/${c.user}`).set({ following: false, followEventAt: Date.now() });
    await setStatusByHand(c.id, 'accepted');
    const delivery = await settledDelivery(c.id, 'accepted');
    expect(delivery).toMatchObject({ state: 'skipped', reason: 'unfollowed' });
    expect(await pushesTo(c.user)).toHaveLength(0);
  });
});

describe('LINE failing', () => {
  it('tries twice in the trigger; after two 500s the message is unknown, and the sweeper delivers it once', async () => {
    const c = await caseWithReceipt();
    await standin.fault({ path: PUSH, status: 500, times: 2 });
    await setStatusByHand(c.id, 'accepted');
    const tried = await settledDelivery(c.id, 'accepted');
    expect(tried).toMatchObject({ state: 'unknown', attempts: 2 }); // a 500 does not prove LINE took nothing
    expect(await sweep(dueAt(tried))).toMatchObject({ sent: 1 });
    expect((await stepsOf(c.id)).find((s) => s.entry.get('status') === 'accepted')!.delivery).toMatchObject({ state: 'sent', attempts: 3 });
    const pushes = await pushesTo(c.user);
    expect(pushes.map((p) => p.status)).toEqual([500, 500, 200]);
    expect(new Set(pushes.map((p) => p.retryKey)).size).toBe(1); // the same key on every attempt
  });

  it('backs off before retrying a 429 rate limit', async () => {
    const c = await caseWithReceipt();
    await standin.fault({ path: PUSH, status: 429, body: { message: 'The API rate limit has been exceeded. Try again later.' }, times: 1 });
    await setStatusByHand(c.id, 'accepted');
    expect(await settledDelivery(c.id, 'accepted')).toMatchObject({ state: 'sent', attempts: 2 });
    const [first, second] = await pushesTo(c.user);
    expect(first!.status).toBe(429);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(200); // TRIGGER_ATTEMPTS: half of 400 ms at least
  });

  for (const status of [400, 403]) {
    it(`records a ${status} and does not retry it`, async () => {
      const c = await caseWithReceipt();
      await standin.fault({ path: PUSH, status, body: { message: 'refused by LINE (test)' } });
      await setStatusByHand(c.id, 'accepted');
      const delivery = await settledDelivery(c.id, 'accepted');
      expect(delivery.state).toBe('failed');
      expect(delivery.lastError).toContain(String(status));
      expect(await pushesTo(c.user)).toHaveLength(1);
    });
  }

  it('records "monthly limit reached" once and does not loop', async () => {
    const c = await caseWithReceipt();
    await standin.quota({ monthlyQuota: 10, totalUsage: 10 });
    await setStatusByHand(c.id, 'accepted');
    const delivery = await settledDelivery(c.id, 'accepted');
    expect(delivery.state).toBe('failed');
    expect(delivery.lastError).toMatch(/monthly limit/);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await pushesTo(c.user)).toHaveLength(1);
  });
});

describe('who moved the case', () => {
  it('labels a desk edit as staff: the clerk is named only in the audit entry the desk wrote with it', async () => {
    const c = await caseWithReceipt();
    const clerk = await signInStaff();
    try {
      const before = (await getDoc(doc(clerk.db, 'complaints', c.id))).data()!;
      await deskEdit(clerk.db, c.id, clerk.uid, before, { status: 'accepted', statusNote: 'รับเรื่องไว้พิจารณา' }); // through the rules
    } finally {
      await clerk.close();
    }
    await settledDelivery(c.id, 'accepted');
    const entry = (await timelineOf(c.id)).find((e) => e.get('status') === 'accepted')!;
    expect(entry.get('by')).toBe('staff');
    expect(entry.get('note')).toBe('รับเรื่องไว้พิจารณา');
    expect(JSON.stringify(entry.data())).not.toContain(clerk.uid);
    const stored = (await adminDb.doc(`complaints/${c.id}`).get()).data()!;
    expect(JSON.stringify(stored)).not.toContain(clerk.uid);
    // One entry, the desk's own: the trigger adds no second one.
    const audit = (await adminDb.collection(`complaints/${c.id}/audit`).get()).docs;
    expect(audit.map((d) => [d.id, d.get('by') as string, d.get('status') as string, d.get('from') as string])).toEqual([
      [stored.editId as string, clerk.uid, 'accepted', 'received'],
    ]);
  });

  it('labels a status typed in the console as console, and audits it itself', async () => {
    const c = await caseWithReceipt();
    await setStatusByHand(c.id, 'accepted', { statusNote: 'รับเรื่องแล้ว' });
    await settledDelivery(c.id, 'accepted');
    const entry = (await timelineOf(c.id)).find((e) => e.get('status') === 'accepted')!;
    expect(entry.get('by')).toBe('console');
    const audit = (await adminDb.collection(`complaints/${c.id}/audit`).get()).docs;
    expect(audit.map((d) => [d.id, d.get('by') as string, d.get('status') as string, d.get('from') as string])).toEqual([
      [entry.id, 'console', 'accepted', 'received'],
    ]);
  });

  it('does not take an editId set in the console without its audit entry for a desk edit', async () => {
    const c = await caseWithReceipt();
    await setStatusByHand(c.id, 'accepted', { editId: 'typedInConsole000001', statusNote: 'รับเรื่องแล้ว' });
    await settledDelivery(c.id, 'accepted');
    expect((await timelineOf(c.id)).find((e) => e.get('status') === 'accepted')!.get('by')).toBe('console');
  });
});

describe('what the citizen can read of a LINE delivery', () => {
  it('only the step: no retry key, LINE request ID or raw error, for a message sent and one LINE refused', async () => {
    const c = await caseWithReceipt();
    await standin.fault({ path: PUSH, status: 400, body: { message: 'The request body has 1 error(s) (test)' }, times: 1 });
    await setStatusByHand(c.id, 'accepted');
    const failed = await settledDelivery(c.id, 'accepted');
    const [receipt] = await stepsOf(c.id);
    const sent = receipt!.delivery!;
    // Staff read all of it (the desk shows it), so the records are real and complete.
    expect(sent.state).toBe('sent');
    expect(failed.state).toBe('failed');
    for (const internal of [sent.retryKey, sent.requestId, failed.retryKey]) expect(internal).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.lastError).toContain('400');

    const citizen = await signInCitizen(c.user);
    try {
      const timeline = (await getDocs(collection(citizen.db, 'complaints', c.id, 'timeline'))).docs;
      expect(timeline).toHaveLength(2);
      for (const step of timeline) expect(Object.keys(step.data()).sort()).toEqual(['at', 'by', 'note', 'status']);
      const readable = JSON.stringify(timeline.map((s) => s.data()));
      for (const internal of [sent.retryKey, sent.requestId, failed.retryKey, failed.lastError]) expect(readable).not.toContain(internal);
      await expect(getDocs(collection(citizen.db, 'complaints', c.id, 'deliveries'))).rejects.toMatchObject({ code: 'permission-denied' });
      await expect(getDoc(doc(citizen.db, 'complaints', c.id, 'deliveries', timeline[1]!.id))).rejects.toMatchObject({ code: 'permission-denied' });
    } finally {
      await citizen.close();
    }
  });
});

describe('onComplaintUpdated run more than once, or late', () => {
  async function pausedChange(c: { id: string }, change: () => Promise<unknown>) {
    useFunctionsEnvironment();
    const { onComplaintUpdated } = await import('../../functions/src/complaints/on-complaint-updated.ts');
    const ref = adminDb.doc(`complaints/${c.id}`);
    const before = await ref.get();
    await change();
    return { onComplaintUpdated, event: (id: string, after: DocumentSnapshot) => firestoreEvent(id, { before, after }, { id: c.id }), ref };
  }

  it('writes one timeline entry and sends one message when run twice in a row', async () => {
    const c = await caseWithReceipt();
    await pauseEmulatorTriggers(async () => {
      const { onComplaintUpdated, event, ref } = await pausedChange(c, () => adminDb.doc(`complaints/${c.id}`).update({ status: 'accepted' }));
      const e = event('event-updated-1', await ref.get());
      await onComplaintUpdated(e);
      await onComplaintUpdated(e);
    });
    expect((await timelineOf(c.id)).map((e) => e.get('status') as string)).toEqual(['received', 'accepted']);
    expect(await pushesTo(c.user)).toHaveLength(1);
  });

  it('writes one timeline entry and sends one message when two runs race', async () => {
    const c = await caseWithReceipt();
    await pauseEmulatorTriggers(async () => {
      const { onComplaintUpdated, event, ref } = await pausedChange(c, () => adminDb.doc(`complaints/${c.id}`).update({ status: 'accepted' }));
      const e = event('event-updated-2', await ref.get());
      await Promise.allSettled([onComplaintUpdated(e), onComplaintUpdated(e)]);
    });
    const steps = await stepsOf(c.id);
    expect(steps.map((s) => s.entry.get('status') as string)).toEqual(['received', 'accepted']);
    expect(steps[1]!.delivery!.state).toBe('sent');
    expect(await standin.deliveredPushes(c.user)).toHaveLength(1);
  });

  it('does not send an older status after a newer one (triggers are unordered): it is marked superseded', async () => {
    const c = await caseWithReceipt();
    await pauseEmulatorTriggers(async () => {
      const { onComplaintUpdated, event, ref } = await pausedChange(c, () => adminDb.doc(`complaints/${c.id}`).update({ status: 'in_progress' }));
      const olderChange = event('event-updated-3', await ref.get());
      await ref.update({ status: 'done' }); // the clerk finishes before the first trigger ran
      await onComplaintUpdated(olderChange);
    });
    const entry = (await timelineOf(c.id)).find((e) => e.get('status') === 'in_progress')!;
    expect(await deliveryOf(c.id, entry.id)).toMatchObject({ state: 'skipped', reason: 'superseded' });
    expect(await pushesTo(c.user)).toHaveLength(0);
  });
});

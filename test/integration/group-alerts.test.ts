import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { GROUP_COLLECTIONS, groupCardId, parseMunicipalityConfig } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { adminDb } from '../support/admin.ts';
import { fileCase } from '../support/cases.ts';
import { complaintFields } from '../support/fixtures.ts';
import { nationalId } from '../support/fixtures.ts';
import { clearFirestore, HOSTING_ORIGIN, lineUserId, waitFor } from '../support/stack.ts';
import { standin, type RecordedRequest } from '../support/standin-client.ts';
import { useFunctionsEnvironment } from '../support/triggers.ts';
import { groupJoinEvent, groupLeaveEvent, lineGroupId } from '../line-standin/webhook-sender.ts';

// Staff alerts in LINE groups (docs/decisions/020), through the webhook, the emulator's triggers and
// the LINE stand-in; the morning digest runs its function's own code here at a chosen time.
const config = parseMunicipalityConfig(rawConfig);
const ROAD = config.categories.find((c) => c.id === 'road')!; // engineering's category
const WASTE = config.categories.find((c) => c.id === 'waste')!; // health's category
const ENGINEERING = ROAD.departmentId!;
const HEALTH = WASTE.departmentId!;

const REPORTER = { name: 'สมชาย ใจดี', nationalId: nationalId(), phone: '0812345678' };

// The first case of a run starts the triggers' instances (cold, on a busy machine): past that, a case is
// numbered and alerted within seconds, and no test's triggers are still running into the next test.
// Several cases per test, each numbered and alerted by the emulator's triggers: room for a busy machine.
vi.setConfig({ testTimeout: 90_000 });

beforeAll(async () => {
  // A linked group, so that the warm-up case goes through the card's trigger too (its own bundle, cold).
  const groupId = lineGroupId();
  await standin.webhook({ events: [groupJoinEvent(groupId)] }); // the webhook's instance, too
  await adminDb
    .doc(`${GROUP_COLLECTIONS.lineGroups}/${groupId}`)
    .update({ departmentId: ROAD.departmentId, linkedBy: 'admin-test', linkedAt: Timestamp.now() });
  const ref = adminDb.collection('complaints').doc();
  await ref.set({ ...complaintFields(lineUserId()), category: ROAD.id, createdAt: Timestamp.now() });
  await waitFor('the warm-up case is numbered', async () => (await ref.get()).get('trackingNo') as string | undefined, 90_000);
  // Its outbox settled, not only pushed: the run must be over before beforeEach clears the database.
  await waitFor(
    'the warm-up card',
    async () => (await adminDb.doc(`${GROUP_COLLECTIONS.groupPushes}/${groupCardId(ref.id, groupId)}`).get()).get('state') === 'sent',
    90_000,
  );
}, 120_000);

beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

async function join(groupId = lineGroupId(), at = Date.now()): Promise<string> {
  const r = await standin.webhook({ events: [groupJoinEvent(groupId, at)] });
  expect(r.status).toBe(200);
  return groupId;
}

/** What an admin does on the desk's group page (the rules' side is in test/rules/group-alerts.rules.test.ts). */
async function link(groupId: string, departmentId: string | null): Promise<void> {
  await adminDb.doc(`${GROUP_COLLECTIONS.lineGroups}/${groupId}`).update({ departmentId, linkedBy: 'admin-test', linkedAt: Timestamp.now() });
}

async function switchAlerts(departmentId: string, settings: { newCaseCards: boolean; digest: boolean }): Promise<void> {
  await adminDb.doc(`${GROUP_COLLECTIONS.groupAlertSettings}/${departmentId}`).set({ ...settings, updatedBy: 'admin-test', updatedAt: Timestamp.now() });
}

/** The card's trigger code, run here with a retried event's data (the emulator never redelivers). */
async function inProcess() {
  useFunctionsEnvironment();
  const [{ alertNewCase }, { messagingClient }, { TRIGGER_ATTEMPTS }] = await Promise.all([
    import('../../functions/src/group-alerts/alert-new-case.ts'),
    import('../../functions/src/line/messaging-client.ts'),
    import('../../functions/src/line/push-with-retry.ts'),
  ]);
  return { alertNewCase, client: await messagingClient(), policy: { ...TRIGGER_ATTEMPTS, baseDelayMs: 10, maxDelayMs: 10 } };
}

const pushesTo = async (groupId: string): Promise<RecordedRequest[]> => standin.deliveredPushes(groupId);

/** Waits until the case's own triggers are done with it: its receipt settled (the card's trigger runs alongside). */
async function settled(caseId: string, groupIds: string[]): Promise<void> {
  await waitFor('the group outbox settles', async () => {
    const docs = await Promise.all(groupIds.map((g) => adminDb.doc(`${GROUP_COLLECTIONS.groupPushes}/${groupCardId(caseId, g)}`).get()));
    return docs.every((d) => ['sent', 'skipped', 'failed'].includes(d.get('state') as string));
  });
}

/** No card can still be on its way: another case filed after it, in a department with a group, got its card. */
async function quietAfter(): Promise<void> {
  const probe = await join();
  await link(probe, HEALTH);
  const c = await fileCase(lineUserId(), { category: WASTE.id });
  await settled(c.id, [probe]);
}

describe('joining and leaving a group', () => {
  it('records a join as an unlinked group, and a leave marks it left and unlinks it', async () => {
    const groupId = await join();
    const joined = (await adminDb.doc(`lineGroups/${groupId}`).get()).data()!;
    expect(joined).toMatchObject({ state: 'joined', departmentId: null, leftAt: null });
    expect(joined.joinedAt).toBeInstanceOf(Timestamp);

    await link(groupId, ENGINEERING);
    await standin.webhook({ events: [groupLeaveEvent(groupId)] });
    const left = (await adminDb.doc(`lineGroups/${groupId}`).get()).data()!;
    expect(left).toMatchObject({ state: 'left', departmentId: null });
    expect(left.leftAt).toBeInstanceOf(Timestamp);
  });

  it('ignores a leave older than the join it arrives after (LINE may deliver late)', async () => {
    const t = Date.now();
    const groupId = await join(lineGroupId(), t);
    await standin.webhook({ events: [groupLeaveEvent(groupId, t - 60_000)] });
    expect((await adminDb.doc(`lineGroups/${groupId}`).get()).get('state')).toBe('joined');
  });

  it('never answers staff chatter in a group, even a citizen command or a tracking number', async () => {
    const groupId = await join();
    const member = lineUserId();
    for (const text of ['ติดตามสถานะ', 'BM-2569-00001', 'สวัสดีครับ']) {
      const r = await standin.webhook({
        events: [{ type: 'message', source: { type: 'group', groupId, userId: member }, message: { id: '1', type: 'text', text, quoteToken: 'q' } }],
      });
      expect(r.status).toBe(200);
    }
    expect(await standin.requests('/v2/bot/message/reply')).toHaveLength(0);
    expect(await standin.requests('/v2/bot/message/push')).toHaveLength(0);
  });
});

describe('a card per new case', () => {
  it('posts exactly one card to the linked group: number, category, subject, filing time, a desk link; no personal data', async () => {
    const groupId = await join();
    await link(groupId, ENGINEERING);
    const other = await join(); // joined, never linked
    const c = await fileCase(lineUserId(), { category: ROAD.id, subject: 'ไฟถนนดับ โทร 0812345678' }, REPORTER);
    await settled(c.id, [groupId]);
    await quietAfter();

    const cards = await pushesTo(groupId);
    expect(cards).toHaveLength(1);
    const [message] = cards[0]!.body.messages!;
    expect(message!.type).toBe('flex');
    const json = JSON.stringify(message);
    for (const want of [c.trackingNo, ROAD.labelTh, 'ไฟถนนดับ', 'เปิดในระบบ', `${HOSTING_ORIGIN}/admin/cases/${c.id}`]) expect(json).toContain(want);
    for (const secret of [REPORTER.name, REPORTER.nationalId, REPORTER.phone]) expect(json).not.toContain(secret);
    expect(cards[0]!.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(await pushesTo(other)).toHaveLength(0);
    const record = (await adminDb.doc(`groupPushes/${groupCardId(c.id, groupId)}`).get()).data()!;
    expect(record).toMatchObject({ kind: 'card', state: 'sent', groupId, departmentId: ENGINEERING, caseId: c.id });
  });

  it('sends a card once when the trigger runs again (a retried event), and LINE is asked with the same retry key', async () => {
    const groupId = await join();
    await link(groupId, ENGINEERING);
    const c = await fileCase(lineUserId(), { category: ROAD.id });
    await settled(c.id, [groupId]);
    const { alertNewCase, client, policy } = await inProcess();
    const snap = await adminDb.doc(`complaints/${c.id}`).get();
    await alertNewCase(adminDb, client, snap as never, policy);
    await alertNewCase(adminDb, client, snap as never, policy);
    expect(await pushesTo(groupId)).toHaveLength(1);
  });

  it('retries a card whose answer never came with the same key: LINE has it once', async () => {
    const groupId = await join();
    await link(groupId, ENGINEERING);
    const { alertNewCase, client, policy } = await inProcess();
    {
      // Outside complaints/, so that only this test's runs push: no receipt competes for the injected faults.
      const ref = adminDb.doc('testOnlyCases/unknownCard00000001');
      await ref.set({ owner: lineUserId(), category: ROAD.id, subject: 'ท่อแตก', status: 'received', trackingNo: 'BM-2569-00031', createdAt: Timestamp.now() });
      // Both quick attempts get a 500: LINE may have the card, so it is `unknown` and the run throws to be retried.
      await standin.fault({ path: '/v2/bot/message/push', status: 500, times: 2 });
      await expect(alertNewCase(adminDb, client, (await ref.get()) as never, policy)).rejects.toThrow(/not settled/);
      expect((await adminDb.doc(`groupPushes/${groupCardId(ref.id, groupId)}`).get()).get('state')).toBe('unknown');
      await alertNewCase(adminDb, client, (await ref.get()) as never, policy);
      expect((await adminDb.doc(`groupPushes/${groupCardId(ref.id, groupId)}`).get()).get('state')).toBe('sent');
    }
    const attempts = (await standin.requests('/v2/bot/message/push')).filter((r) => r.body.to === groupId);
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(attempts.map((r) => r.retryKey)).size).toBe(1);
  });

  it('posts nothing for a department with no linked group, with cards switched off, or to a group that left', async () => {
    const off = await join();
    await link(off, ENGINEERING);
    await switchAlerts(ENGINEERING, { newCaseCards: false, digest: true });
    const left = await join();
    await link(left, ENGINEERING);
    await standin.webhook({ events: [groupLeaveEvent(left)] });
    await fileCase(lineUserId(), { category: ROAD.id });
    await fileCase(lineUserId(), { category: 'welfare' }); // welfare: no group at all
    await quietAfter();
    expect(await pushesTo(off)).toHaveLength(0);
    expect(await pushesTo(left)).toHaveLength(0);
    const toGroups = (await standin.deliveredPushes()).filter((r) => r.body.to?.startsWith('C'));
    expect(toGroups).toHaveLength(1); // quietAfter's own probe card
  });
});

describe('the quota rule: prefer the digest where the quota is tight', () => {
  it('at 80 % holds back the card of a department that also gets the digest, and records why', async () => {
    const groupId = await join();
    await link(groupId, ENGINEERING);
    await standin.quota({ monthlyQuota: 1000, totalUsage: 800 });
    const c = await fileCase(lineUserId(), { category: ROAD.id });
    await settled(c.id, [groupId]);
    expect(await pushesTo(groupId)).toHaveLength(0);
    const record = (await adminDb.doc(`groupPushes/${groupCardId(c.id, groupId)}`).get()).data()!;
    expect(record).toMatchObject({ state: 'skipped', reason: 'quota_tight', quotaLimit: 1000 });
    expect(record.quotaUsed).toBeGreaterThanOrEqual(800); // and the citizen's receipt, if it went first
  });

  it('at 79 % sends the card, and at 80 % still sends it to a department without the digest', async () => {
    const groupId = await join();
    await link(groupId, ENGINEERING);
    await standin.quota({ monthlyQuota: 1000, totalUsage: 790 });
    const a = await fileCase(lineUserId(), { category: ROAD.id });
    await settled(a.id, [groupId]);
    expect(await pushesTo(groupId)).toHaveLength(1);

    await switchAlerts(ENGINEERING, { newCaseCards: true, digest: false });
    await standin.quota({ totalUsage: 800 });
    const b = await fileCase(lineUserId(), { category: ROAD.id });
    await settled(b.id, [groupId]);
    expect(await pushesTo(groupId)).toHaveLength(2);
  });
});

describe('the morning digest', () => {
  const DAY = 24 * 60 * 60 * 1000;
  // Monday 30 Nov 2026, 08:00 in Bangkok: the 08:00 run the schedule makes.
  const NOW = new Date('2026-11-30T01:00:00Z');

  async function seed(id: string, fields: { trackingNo: string; category: string; status: string; daysAgo: number; department?: string }): Promise<void> {
    await adminDb.doc(`complaints/${id}`).set({
      owner: lineUserId(),
      kind: 'complaint',
      subject: 'ถนนชำรุด',
      details: 'รายละเอียด',
      hasLocation: false,
      privacyNoticeVersion: config.privacyNotice.version,
      category: fields.category,
      status: fields.status,
      trackingNo: fields.trackingNo,
      createdAt: Timestamp.fromMillis(NOW.getTime() - fields.daysAgo * DAY),
      ...(fields.department ? { department: fields.department } : {}),
    });
  }

  async function runDigest(now = NOW): Promise<number> {
    useFunctionsEnvironment();
    const [{ postOverdueDigests }, { messagingClient }, { TRIGGER_ATTEMPTS }] = await Promise.all([
      import('../../functions/src/group-alerts/overdue-digest.ts'),
      import('../../functions/src/line/messaging-client.ts'),
      import('../../functions/src/line/push-with-retry.ts'),
    ]);
    return postOverdueDigests(adminDb, await messagingClient(), TRIGGER_ATTEMPTS, now);
  }

  it('lists exactly the linked department’s overdue cases, once a day, and nothing to a department with none', async () => {
    const eng = await join();
    await link(eng, ENGINEERING);
    const health = await join();
    await link(health, HEALTH);
    const unlinked = await join();
    {
      // Seeded numbered: the created trigger finds the number and no receipt to send, so nothing else is pushed.
      // road: 5 working days. Filed 14 days ago and open: overdue. 2 days ago: not yet. Done: never.
      await seed('overdueRoad00000001', { trackingNo: 'BM-2569-00001', category: ROAD.id, status: 'in_progress', daysAgo: 14 });
      await seed('overdueRoad00000002', { trackingNo: 'BM-2569-00002', category: ROAD.id, status: 'received', daysAgo: 10 });
      await seed('freshRoad0000000003', { trackingNo: 'BM-2569-00003', category: ROAD.id, status: 'received', daysAgo: 2 });
      await seed('closedRoad000000004', { trackingNo: 'BM-2569-00004', category: ROAD.id, status: 'done', daysAgo: 30 });
      // A waste case staff moved to engineering counts there; health has no overdue case left.
      await seed('movedWaste000000005', { trackingNo: 'BM-2569-00005', category: WASTE.id, status: 'accepted', daysAgo: 20, department: ENGINEERING });
      await seed('freshWaste000000006', { trackingNo: 'BM-2569-00006', category: WASTE.id, status: 'accepted', daysAgo: 1 });
    }

    expect(await runDigest()).toBe(1);
    const digests = await pushesTo(eng);
    expect(digests).toHaveLength(1);
    const text = digests[0]!.body.messages![0]!.text!;
    const listed = [...text.matchAll(/BM-2569-\d{5}/g)].map((m) => m[0]).sort();
    expect(listed).toEqual(['BM-2569-00001', 'BM-2569-00002', 'BM-2569-00005']);
    expect(text).toContain('เรื่องเกินกำหนด 3 เรื่อง');
    expect(text).toContain(`${HOSTING_ORIGIN}/admin?department=${ENGINEERING}`);
    expect(await pushesTo(health)).toHaveLength(0);
    expect(await pushesTo(unlinked)).toHaveLength(0);

    // A second run the same morning (a retried schedule) sends nothing more.
    expect(await runDigest(new Date(NOW.getTime() + 60_000))).toBe(0);
    expect(await pushesTo(eng)).toHaveLength(1);
  });

  it('sends no digest to a department that switched it off or a group that left', async () => {
    const eng = await join();
    await link(eng, ENGINEERING);
    await switchAlerts(ENGINEERING, { newCaseCards: true, digest: false });
    const health = await join();
    await link(health, HEALTH);
    await standin.webhook({ events: [groupLeaveEvent(health)] });
    {
      await seed('overdueRoad00000011', { trackingNo: 'BM-2569-00011', category: ROAD.id, status: 'in_progress', daysAgo: 14 });
      await seed('overdueWaste0000012', { trackingNo: 'BM-2569-00012', category: WASTE.id, status: 'in_progress', daysAgo: 14 });
    }
    expect(await runDigest()).toBe(0);
    expect(await standin.deliveredPushes()).toHaveLength(0);
  });
});

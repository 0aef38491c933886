import { beforeEach, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { adminDb } from '../support/admin.ts';
import { fileCase, setStatusByHand } from '../support/cases.ts';
import { deliveryPath, privateReporterPath } from '@banmae/domain';
import { complaintFields, reporterFields } from '../support/fixtures.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';

const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => clearFirestore());

describe('retention (the privacy notice promises deletion after the retention period)', () => {
  it('stamps closedAt when a case is finished by hand and clears it when the case is reopened', async () => {
    const c = await fileCase(lineUserId());
    await setStatusByHand(c.id, 'done');
    const closed = await waitFor('closedAt', async () => (await adminDb.doc(`complaints/${c.id}`).get()).get('closedAt') as Timestamp | undefined);
    expect(closed.toMillis()).toBeGreaterThan(Date.now() - 60_000);
    await setStatusByHand(c.id, 'in_progress');
    await waitFor('closedAt cleared', async () => (await adminDb.doc(`complaints/${c.id}`).get()).get('closedAt') === undefined);
  });

  it('anonymises cases closed longer ago than retentionDays, private document, internal notes and LINE delivery records included, and keeps what statistics need', async () => {
    const { anonymiseExpiredCases } = await import('../../functions/src/retention/anonymise-expired-cases.ts');
    const owner = lineUserId();
    const base = { ...complaintFields(owner), createdAt: Timestamp.fromMillis(Date.now() - 800 * DAY), trackingNo: 'BM-2567-00001' };
    const old = adminDb.collection('complaints').doc();
    const recent = adminDb.collection('complaints').doc();
    const open = adminDb.collection('complaints').doc();
    // Written with the trigger's fields already in place, as an old database would hold them.
    await old.set({ ...base, hasLocation: true, status: 'done', closedAt: Timestamp.fromMillis(Date.now() - 731 * DAY) });
    await recent.set({ ...base, status: 'rejected', closedAt: Timestamp.fromMillis(Date.now() - 10 * DAY) });
    await open.set({ ...base, status: 'in_progress' });
    for (const ref of [old, recent, open]) {
      await adminDb.doc(privateReporterPath(ref.id)).set(reporterFields(owner, { location: { lat: 18.6, lng: 98.9, accuracyM: 10 } }));
      await ref.collection('notes').add({ text: 'โทรคุยกับคุณสมชายแล้ว บ้านเลขที่ 12', by: 'staff-1', createdAt: Timestamp.now() });
      await ref.collection('timeline').doc('evt-1').set({ status: 'done', note: null, at: Timestamp.now(), by: 'console' });
      // LINE's raw answer about this user's account, and the request ID LINE can trace to them.
      await adminDb
        .doc(deliveryPath(ref.id, 'evt-1'))
        .set({ state: 'failed', attempts: 1, lastError: `400 user ${owner} blocked`, retryKey: 'k', requestId: 'r' });
    }

    expect(await anonymiseExpiredCases(adminDb, 730)).toBe(1);

    const a = (await old.get()).data()!;
    expect(a.owner).toBe('anonymised');
    for (const gone of ['details', 'closedAt']) expect(a[gone]).toBeUndefined();
    expect(a.hasLocation).toBe(false);
    expect((await adminDb.doc(privateReporterPath(old.id)).get()).exists).toBe(false);
    expect((await old.collection('notes').get()).size).toBe(0); // staff's free text about the person
    expect((await recent.collection('notes').get()).size).toBe(1);
    expect((await old.collection('deliveries').get()).size).toBe(0);
    expect((await recent.collection('deliveries').get()).size).toBe(1);
    expect((await old.collection('timeline').get()).size).toBe(1); // the steps stay for statistics
    expect(JSON.stringify(a)).not.toContain(reporterFields(owner).nationalId as string);
    expect(a).toMatchObject({ kind: 'complaint', category: 'road', status: 'done', trackingNo: 'BM-2567-00001' });
    expect((await adminDb.doc(privateReporterPath(recent.id)).get()).exists).toBe(true);
    expect((await open.get()).get('owner')).toBe(owner);
    expect(await anonymiseExpiredCases(adminDb, 730)).toBe(0); // nothing left to do on the next run
  });
});

describe('retention of a case filed before the private document existed', () => {
  it('still strips the reporter and location kept on the case itself', async () => {
    const { anonymiseExpiredCases } = await import('../../functions/src/retention/anonymise-expired-cases.ts');
    const owner = lineUserId();
    const legacy = adminDb.collection('complaints').doc();
    const oldShape = complaintFields(owner);
    delete oldShape.hasLocation;
    await legacy.set({
      ...oldShape,
      reporter: { name: 'สมชาย ใจดี', nationalId: reporterFields(owner).nationalId, phone: '0812345678' },
      location: { lat: 18.6, lng: 98.9, accuracyM: 10 },
      createdAt: Timestamp.fromMillis(Date.now() - 800 * DAY),
      status: 'done',
      closedAt: Timestamp.fromMillis(Date.now() - 731 * DAY),
    });
    expect(await anonymiseExpiredCases(adminDb, 730)).toBe(1);
    const a = (await legacy.get()).data()!;
    for (const gone of ['reporter', 'location', 'details']) expect(a[gone]).toBeUndefined();
  });
});

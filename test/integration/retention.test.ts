import { beforeEach, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { addDoc, Bytes, collection, doc, GeoPoint, serverTimestamp, setDoc } from 'firebase/firestore';
import { adminAuth, adminDb } from '../support/admin.ts';
import { fileAsCitizen, signInCitizen } from '../support/citizen.ts';
import { deskEdit } from '../support/desk-edit.ts';
import { signInStaff } from '../support/staff.ts';
import { standin } from '../support/standin-client.ts';
import { fileCase, setStatusByHand, stepsOf } from '../support/cases.ts';
import { deliveryPath, photoPath, privateReporterPath } from '@banmae/domain';
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
    await old.set({ ...base, hasLocation: true, status: 'done', cancelReason: 'ย้ายบ้านแล้ว', closedAt: Timestamp.fromMillis(Date.now() - 731 * DAY) });
    await recent.set({ ...base, status: 'rejected', closedAt: Timestamp.fromMillis(Date.now() - 10 * DAY) });
    await open.set({ ...base, status: 'in_progress' });
    for (const ref of [old, recent, open]) {
      await adminDb.doc(privateReporterPath(ref.id)).set(reporterFields(owner, { location: { lat: 18.6, lng: 98.9, accuracyM: 10 } }));
      await ref.collection('notes').add({ text: 'โทรคุยกับคุณสมชายแล้ว บ้านเลขที่ 12', by: 'staff-1', createdAt: Timestamp.now() });
      // What the citizen added on the case page or in the chat (decision 018).
      await ref.collection('additions').add({ text: 'ผมสมชาย บ้านเลขที่ 12 โทร 0812345678', by: owner, createdAt: Timestamp.now() });
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
    expect((await old.collection('additions').get()).size).toBe(0); // the citizen's own added text
    expect((await recent.collection('additions').get()).size).toBe(1);
    expect(a.cancelReason).toBeUndefined();
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

describe('retention of a case that has personal data in every place it can live', () => {
  it('leaves no personal data of the citizen anywhere, and forgets the citizen once no case names them', async () => {
    const { anonymiseExpiredCases } = await import('../../functions/src/retention/anonymise-expired-cases.ts');
    // A real citizen: signed in (an Auth account), filing from the form's path (counter, private
    // document with a location), following the OA, receipt delivered; staff assigned the case, wrote an
    // internal note and closed it with a public note naming the reporter.
    const citizen = await signInCitizen(lineUserId());
    const reporter = { name: 'สมชาย ใจดี', phone: '0812345678', email: 'somchai@example.com', location: { geo: new GeoPoint(18.6253, 98.8917), accuracyM: 8 } };
    const ref = await fileAsCitizen(citizen, {
      case: { hasLocation: true, subject: 'ไฟดับหน้าบ้านสมชาย', details: 'บ้านเลขที่ 12 โทร 081-234-5678 ไฟดับสามคืน' },
      reporter,
    });
    // A photo of the place (house, number plate, the citizen's face), through the rules as the form sends it.
    const jpeg = (at: ReturnType<typeof serverTimestamp> | Timestamp) => ({
      contentType: 'image/jpeg',
      width: 4,
      height: 3,
      data: Bytes.fromUint8Array(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])),
      createdAt: at,
    });
    await setDoc(doc(citizen.db, photoPath(ref.id, 'r1')), { kind: 'reporter', ...jpeg(serverTimestamp()) });
    await citizen.close();
    await standin.webhook({
      events: [{ type: 'follow', source: { type: 'user', userId: citizen.userId }, timestamp: Date.now(), follow: { isUnblocked: false } }],
    });
    await waitFor('receipt delivered', async () => (await stepsOf(ref.id))[0]?.delivery?.state === 'sent');
    const clerk = await signInStaff();
    const before = (await adminDb.doc(ref.path).get()).data()!;
    await deskEdit(clerk.db, ref.id, clerk.uid, before, { status: 'accepted', statusNote: 'รับเรื่องคุณสมชายแล้ว จะโทรไปที่ 081-234-5678', assigneeUid: clerk.uid });
    await addDoc(collection(clerk.db, 'complaints', ref.id, 'notes'), { text: 'คุณสมชายบ้านเลขที่ 12', by: clerk.uid, createdAt: serverTimestamp() });
    await clerk.close();
    await waitFor('status step', async () => (await stepsOf(ref.id)).length === 2);
    await adminDb.doc(ref.path).update({ closedAt: Timestamp.fromMillis(Date.now() - 731 * DAY), status: 'done' });
    await waitFor('done step', async () => (await stepsOf(ref.id)).length === 3);
    await adminDb
      .doc(photoPath(ref.id, 'after-AfterPhoto0000000001'))
      .set({ kind: 'after', ...jpeg(Timestamp.now()), data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    await adminDb.doc(ref.path).update({ closedAt: Timestamp.fromMillis(Date.now() - 731 * DAY) });
    expect((await adminDb.doc(`lineUsers/${citizen.userId}`).get()).exists).toBe(true);
    expect((await adminDb.doc(`filingCounters/${citizen.userId}`).get()).exists).toBe(true);
    await adminAuth.getUser(citizen.userId); // the sign-in account exists

    expect(await anonymiseExpiredCases(adminDb, 730)).toBe(1);

    // Everything the database still holds about this case, and everything keyed by the citizen.
    const dump: unknown[] = [(await adminDb.doc(ref.path).get()).data()];
    for (const sub of await adminDb.doc(ref.path).listCollections()) dump.push(...(await sub.get()).docs.map((d) => ({ path: d.ref.path, ...d.data() })));
    const text = JSON.stringify(dump);
    const secrets = [
      citizen.userId,
      'สมชาย',
      reporter.phone,
      '081-234-5678',
      reporter.email,
      reporterFields(citizen.userId).nationalId,
      'บ้านเลขที่ 12',
      '18.6253',
      clerk.uid,
    ];
    for (const secret of secrets) expect(text, `still holds ${String(secret)}`).not.toContain(secret);
    const kept = (await adminDb.doc(ref.path).get()).data()!;
    expect(kept).toMatchObject({ owner: 'anonymised', kind: 'complaint', category: 'road', status: 'done', hasLocation: false });
    expect(kept.trackingNo).toMatch(/^BM-/);
    expect((await adminDb.collection(`${ref.path}/timeline`).get()).size).toBe(3); // the steps stay, for statistics
    for (const gone of ['private', 'notes', 'deliveries', 'audit', 'photos'])
      expect((await adminDb.collection(`${ref.path}/${gone}`).get()).size, gone).toBe(0);

    expect((await adminDb.doc(`lineUsers/${citizen.userId}`).get()).exists).toBe(false);
    expect((await adminDb.doc(`filingCounters/${citizen.userId}`).get()).exists).toBe(false);
    await expect(adminAuth.getUser(citizen.userId)).rejects.toThrow();
    const problems = JSON.stringify((await adminDb.collection('problems').get()).docs.map((d) => d.data()));
    for (const secret of secrets) expect(problems).not.toContain(secret);
  }, 60_000);

  it('keeps the citizen (follow state, counter, account) while another of their cases is still open', async () => {
    const { anonymiseExpiredCases } = await import('../../functions/src/retention/anonymise-expired-cases.ts');
    const owner = lineUserId();
    await adminDb.doc(`lineUsers/${owner}`).set({ following: true, followEventAt: 1 });
    const base = { ...complaintFields(owner), createdAt: Timestamp.fromMillis(Date.now() - 800 * DAY), trackingNo: 'BM-2567-00002' };
    await adminDb.collection('complaints').add({ ...base, status: 'done', closedAt: Timestamp.fromMillis(Date.now() - 731 * DAY) });
    await adminDb.collection('complaints').add({ ...base, status: 'in_progress' });
    expect(await anonymiseExpiredCases(adminDb, 730)).toBe(1);
    expect((await adminDb.doc(`lineUsers/${owner}`).get()).exists).toBe(true);
  });
});

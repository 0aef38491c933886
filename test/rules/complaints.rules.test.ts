import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, GeoPoint, query, serverTimestamp, setDoc, Timestamp, updateDoc, where } from 'firebase/firestore';
import { LIMITS } from '@banmae/domain';
import { complaintFields, nationalId } from '../support/fixtures.ts';
import { FIRESTORE, PROJECT_ID } from '../support/stack.ts';

// Actors: alice and bob are LINE users (uid = LINE userId), staff has the role claim, a stranger is
// signed in without being a LINE user, and nobody is signed in at all.
const ALICE = 'U' + 'a'.repeat(32);
const BOB = 'U' + 'b'.repeat(32);

let env: RulesTestEnvironment;
const alice = () => env.authenticatedContext(ALICE).firestore();
const bob = () => env.authenticatedContext(BOB).firestore();
const staff = () => env.authenticatedContext('staff-1', { role: 'staff' }).firestore();
const nobody = () => env.unauthenticatedContext().firestore();

const newCase = (over: Record<string, unknown> = {}, owner = ALICE): Record<string, unknown> => ({
  ...complaintFields(owner),
  createdAt: serverTimestamp(),
  ...over,
});
const reporter = (over: Record<string, unknown>) => ({ ...(complaintFields(ALICE).reporter as object), ...over });

beforeAll(async () => {
  env = await initializeTestEnvironment({ projectId: PROJECT_ID, firestore: { ...FIRESTORE, rules: readFileSync('firestore.rules', 'utf8') } });
});
afterAll(() => env.cleanup());
beforeEach(() => env.clearFirestore());

async function seedCase(id: string, owner: string): Promise<void> {
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    await setDoc(doc(db, 'complaints', id), { ...complaintFields(owner), createdAt: Timestamp.now(), trackingNo: 'BM-2569-00001' });
    await setDoc(doc(db, 'complaints', id, 'timeline', 'e1'), {
      status: 'received',
      note: null,
      at: Timestamp.now(),
      by: 'system',
      delivery: { state: 'sent', attempts: 1, lastError: null },
    });
  });
}

describe('creating a complaint', () => {
  it('lets a LINE user create a valid complaint as its owner', async () => {
    await assertSucceeds(setDoc(doc(alice(), 'complaints', 'c1'), newCase()));
  });
  it('lets a LINE user add an optional location and email', async () => {
    await assertSucceeds(
      setDoc(
        doc(alice(), 'complaints', 'c1'),
        newCase({ location: { geo: new GeoPoint(18.6, 98.9), accuracyM: 12 }, reporter: reporter({ email: 'a@example.com' }) }),
      ),
    );
  });

  const denied: { description: string; data: () => Record<string, unknown>; who?: () => ReturnType<typeof alice> }[] = [
    { description: 'for another owner', data: () => newCase({}, BOB) },
    { description: 'with an extra field', data: () => newCase({ priority: 'urgent' }) },
    {
      description: 'with a missing field',
      data: () => {
        const d = newCase();
        delete d.details;
        return d;
      },
    },
    { description: 'with a wrong type', data: () => newCase({ subject: 42 }) },
    { description: 'with an unknown kind', data: () => newCase({ kind: 'spam' }) },
    { description: 'with an oversize subject', data: () => newCase({ subject: 'ก'.repeat(LIMITS.subject.max + 1) }) },
    { description: 'with oversize details', data: () => newCase({ details: 'ก'.repeat(LIMITS.details.max + 1) }) },
    { description: 'with a blank subject', data: () => newCase({ subject: '     ' }) },
    {
      description: 'with a bad national ID checksum',
      data: () => newCase({ reporter: reporter({ nationalId: nationalId().slice(0, 12) + String((Number(nationalId()[12]) + 1) % 10) }) }),
    },
    { description: 'with a 12-digit national ID', data: () => newCase({ reporter: reporter({ nationalId: nationalId().slice(0, 12) }) }) },
    { description: 'with a repeated-digit national ID', data: () => newCase({ reporter: reporter({ nationalId: '1111111111111' }) }) },
    { description: 'with a bad phone', data: () => newCase({ reporter: reporter({ phone: '12345' }) }) },
    { description: 'with a bad email', data: () => newCase({ reporter: reporter({ email: 'not-an-email' }) }) },
    { description: 'with an extra reporter field (an ID card laser code)', data: () => newCase({ reporter: reporter({ laserCode: 'JT0-0000000-00' }) }) },
    {
      description: 'with a location accuracy beyond 5 km',
      data: () => newCase({ location: { geo: new GeoPoint(18.6, 98.9), accuracyM: LIMITS.locationAccuracyM.max + 1 } }),
    },
    { description: 'with a non-initial status', data: () => newCase({ status: 'done' }) },
    { description: 'with a client-set tracking number', data: () => newCase({ trackingNo: 'BM-2569-00001' }) },
    { description: 'with a client-set timeline', data: () => newCase({ timeline: [{ status: 'done' }] }) },
    { description: 'with a createdAt other than the request time', data: () => newCase({ createdAt: Timestamp.fromDate(new Date('2020-01-01')) }) },
    { description: 'without signing in', data: () => newCase(), who: nobody },
    { description: 'as a signed-in account that is not a LINE user', data: () => newCase({}, 'staff-1'), who: staff },
  ];
  for (const c of denied) {
    it(`does not let a citizen create a complaint ${c.description}`, async () => {
      await assertFails(setDoc(doc((c.who ?? alice)(), 'complaints', 'c1'), c.data()));
    });
  }
});

describe('reading complaints', () => {
  beforeEach(() => seedCase('a1', ALICE));

  it('lets the owner read their complaint and its timeline', async () => {
    await assertSucceeds(getDoc(doc(alice(), 'complaints', 'a1')));
    await assertSucceeds(getDocs(collection(alice(), 'complaints', 'a1', 'timeline')));
  });
  it('lets the owner list their complaints with an owner filter', async () => {
    await assertSucceeds(getDocs(query(collection(alice(), 'complaints'), where('owner', '==', ALICE))));
  });
  it("does not let another citizen read someone's complaint or timeline", async () => {
    await assertFails(getDoc(doc(bob(), 'complaints', 'a1')));
    await assertFails(getDocs(collection(bob(), 'complaints', 'a1', 'timeline')));
  });
  it('does not let a citizen list complaints without the owner filter, or with another owner', async () => {
    await assertFails(getDocs(collection(bob(), 'complaints')));
    await assertFails(getDocs(query(collection(bob(), 'complaints'), where('owner', '==', ALICE))));
  });
  it('does not let anyone signed out read complaints', async () => {
    await assertFails(getDoc(doc(nobody(), 'complaints', 'a1')));
  });
  it('keeps the audit of who moved a case from citizens, the owner included', async () => {
    await env.withSecurityRulesDisabled((ctx) => setDoc(doc(ctx.firestore(), 'complaints/a1/audit/e1'), { by: 'staff-1', status: 'accepted' }));
    await assertFails(getDoc(doc(alice(), 'complaints/a1/audit/e1')));
    await assertFails(getDocs(collection(alice(), 'complaints/a1/audit')));
    await assertSucceeds(getDoc(doc(staff(), 'complaints/a1/audit/e1')));
    await assertFails(setDoc(doc(staff(), 'complaints/a1/audit/e2'), { by: 'staff-1' }));
  });
  it('lets staff read any complaint and timeline', async () => {
    await assertSucceeds(getDoc(doc(staff(), 'complaints', 'a1')));
    await assertSucceeds(getDocs(collection(staff(), 'complaints', 'a1', 'timeline')));
  });
});

describe('changing complaints', () => {
  beforeEach(() => seedCase('a1', ALICE));

  const citizenUpdates: { description: string; change: Record<string, unknown> }[] = [
    { description: 'status', change: { status: 'done' } },
    { description: 'tracking number', change: { trackingNo: 'BM-2569-99999' } },
    { description: 'subject', change: { subject: 'เรื่องใหม่' } },
    { description: 'owner', change: { owner: BOB } },
  ];
  for (const c of citizenUpdates) {
    it(`does not let the owner change the ${c.description}`, async () => {
      await assertFails(updateDoc(doc(alice(), 'complaints', 'a1'), c.change));
    });
  }
  it('does not let a citizen delete a complaint', async () => {
    await assertFails(deleteDoc(doc(alice(), 'complaints', 'a1')));
  });
  it('does not let a citizen write the timeline or its delivery state', async () => {
    await assertFails(setDoc(doc(alice(), 'complaints', 'a1', 'timeline', 'e2'), { status: 'done', note: null, at: serverTimestamp(), by: ALICE }));
    await assertFails(updateDoc(doc(alice(), 'complaints', 'a1', 'timeline', 'e1'), { 'delivery.state': 'failed' }));
  });
  it('lets staff change the status with a public note, signed with their uid', async () => {
    await assertSucceeds(
      updateDoc(doc(staff(), 'complaints', 'a1'), { status: 'in_progress', statusNote: 'ช่างจะเข้าไปวันพรุ่งนี้', statusBy: 'staff-1', updatedAt: serverTimestamp() }),
    );
  });
  it('does not let staff set an unknown status, sign as someone else, or touch other fields', async () => {
    await assertFails(updateDoc(doc(staff(), 'complaints', 'a1'), { status: 'closed', statusBy: 'staff-1', updatedAt: serverTimestamp() }));
    await assertFails(updateDoc(doc(staff(), 'complaints', 'a1'), { status: 'done', statusBy: 'staff-2', updatedAt: serverTimestamp() }));
    await assertFails(updateDoc(doc(staff(), 'complaints', 'a1'), { status: 'done', statusBy: 'staff-1', updatedAt: serverTimestamp(), reporter: {} }));
  });
  it('does not let staff write the timeline directly', async () => {
    await assertFails(setDoc(doc(staff(), 'complaints', 'a1', 'timeline', 'e2'), { status: 'done' }));
  });
});

describe('everything else', () => {
  const paths = ['counters/trackingNo-2569', 'lineUsers/' + ALICE, 'processedEvents/x', 'problems/p1', 'anything/else'];
  for (const path of paths) {
    it(`denies citizens reading and writing ${path}`, async () => {
      await assertFails(getDoc(doc(alice(), path)));
      await assertFails(setDoc(doc(alice(), path), { x: 1 }));
    });
  }
  it('lets staff read problems but not counters or LINE users', async () => {
    await assertSucceeds(getDoc(doc(staff(), 'problems/p1')));
    await assertFails(getDoc(doc(staff(), 'counters/trackingNo-2569')));
    await assertFails(getDoc(doc(staff(), 'lineUsers/' + ALICE)));
  });
});

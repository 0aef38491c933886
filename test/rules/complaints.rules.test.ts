import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import { COLLECTIONS, INCIDENT_MAX_AGE_DAYS, LIMITS, parseMunicipalityConfig, privateReporterPath } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { MEANINGFUL_TEXT_CASES } from '../../domain/src/meaningful-text.cases.ts';
import { complaintFields, nationalId, reporterFields } from '../support/fixtures.ts';
import { fileCounted } from '../support/filing.ts';
import {
  actorClients,
  ALICE,
  BOB,
  fileInBatch,
  firstFilingCounter,
  location,
  NEW_CASE_ID,
  newCase,
  newReporter,
  startRulesEnv,
  STAFF_UID,
  stopRulesEnv,
  type Actor,
} from '../support/rules-env.ts';
import { deskEdit, newEditId } from '../support/desk-edit.ts';

// The citizen's side of a case: filing the case with its private reporter document, reading them,
// and never changing them. The staff desk's side is in desk.rules.test.ts.
const { limits } = parseMunicipalityConfig(rawConfig);
let env: RulesTestEnvironment;
let as: Record<Actor, Firestore>;

beforeAll(async () => {
  env = await startRulesEnv();
  as = actorClients(env);
});
afterAll(() => stopRulesEnv(env));
beforeEach(() => env.clearFirestore());

/** The case seedCase last wrote, as a desk edit's audit entry is computed from it. */
let seeded: Record<string, unknown> = {};

/** alice's case a1 as the functions leave it after filing: numbered, with its first timeline entry and its delivery record. */
async function seedCase(id: string, owner: string, reporterOver: Record<string, unknown> = {}): Promise<void> {
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    seeded = { ...complaintFields(owner), createdAt: Timestamp.now(), trackingNo: 'BM-2569-00001' };
    await setDoc(doc(db, 'complaints', id), seeded);
    await setDoc(doc(db, privateReporterPath(id)), reporterFields(owner, reporterOver));
    await setDoc(doc(db, 'complaints', id, 'timeline', 'e1'), { status: 'received', note: null, at: Timestamp.now(), by: 'system' });
    await setDoc(doc(db, 'complaints', id, 'deliveries', 'e1'), { state: 'failed', attempts: 1, lastError: '400 refused', retryKey: 'k', requestId: null });
  });
}

const badCheckDigit = () => nationalId().slice(0, 12) + String((Number(nationalId()[12]) + 1) % 10);
const withoutKey = (data: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(data).filter(([k]) => k !== key));

describe('filing a complaint (the case and its private reporter document, one batch)', () => {
  it('lets a LINE user file a valid complaint as its owner', async () => {
    await assertSucceeds(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE), newReporter(ALICE)));
  });
  it('lets a LINE user add an email, and a location that the case flags with hasLocation', async () => {
    await assertSucceeds(
      fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE, { hasLocation: true }), newReporter(ALICE, { email: 'a@example.com', location: location() })),
    );
  });
  it('lets the form say the receipt will be answered in the chat (receiptByReply)', async () => {
    await assertSucceeds(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE, { receiptByReply: true }), newReporter(ALICE)));
  });
  it('lets the citizen say when it happened (incidentAt), from just now back to the oldest the domain allows', async () => {
    const daysAgo = (d: number) => Timestamp.fromMillis(Date.now() - d * 86_400_000);
    await assertSucceeds(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE, { incidentAt: daysAgo(INCIDENT_MAX_AGE_DAYS - 1) }), newReporter(ALICE)));
    await env.clearFirestore();
    await assertSucceeds(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE, { incidentAt: Timestamp.now() }), newReporter(ALICE)));
  });
  it('accepts the longest name, email and location accuracy the domain allows', async () => {
    const email = 'a'.repeat(LIMITS.email.max - '@example.com'.length) + '@example.com';
    const reporter = newReporter(ALICE, { name: 'ก'.repeat(LIMITS.reporterName.max), email, location: location(LIMITS.locationAccuracyM.max) });
    await assertSucceeds(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE, { hasLocation: true }), reporter));
  });

  // Refusals about the case document itself (it carries no personal data any more).
  const badCases: { description: string; data: () => Record<string, unknown> }[] = [
    { description: 'for another owner', data: () => newCase(BOB) },
    { description: 'with an extra field', data: () => newCase(ALICE, { priority: 'urgent' }) },
    { description: 'with a missing field', data: () => withoutKey(newCase(ALICE), 'details') },
    { description: 'with a wrong type', data: () => newCase(ALICE, { subject: 42 }) },
    { description: 'with an unknown kind', data: () => newCase(ALICE, { kind: 'spam' }) },
    { description: 'with a category that is not an ID', data: () => newCase(ALICE, { category: 'ถนน' }) },
    { description: 'with a category that is not text', data: () => newCase(ALICE, { category: 7 }) },
    { description: 'with a well-formed category the configuration does not have', data: () => newCase(ALICE, { category: 'tax' }) },
    { description: 'with a privacy notice version other than the current one', data: () => newCase(ALICE, { privacyNoticeVersion: '2568-01-v1' }) },
    { description: 'with any text as privacy notice version', data: () => newCase(ALICE, { privacyNoticeVersion: 'x' }) },
    { description: 'with an oversize subject', data: () => newCase(ALICE, { subject: 'ก'.repeat(LIMITS.subject.max + 1) }) },
    { description: 'with oversize details', data: () => newCase(ALICE, { details: 'ก'.repeat(LIMITS.details.max + 1) }) },
    { description: 'with a blank subject', data: () => newCase(ALICE, { subject: '     ' }) },
    { description: 'with hasLocation that is not a boolean', data: () => newCase(ALICE, { hasLocation: 'no' }) },
    { description: 'without a privacy notice version', data: () => newCase(ALICE, { privacyNoticeVersion: '' }) },
    { description: 'with a non-initial status', data: () => newCase(ALICE, { status: 'done' }) },
    { description: 'with a client-set tracking number', data: () => newCase(ALICE, { trackingNo: 'BM-2569-00001' }) },
    { description: 'with a client-set timeline', data: () => newCase(ALICE, { timeline: [{ status: 'done' }] }) },
    { description: 'with a createdAt other than the request time', data: () => newCase(ALICE, { createdAt: Timestamp.fromDate(new Date('2020-01-01')) }) },
    { description: 'with the reporter on the case (the old shape)', data: () => newCase(ALICE, { reporter: reporterFields(ALICE) }) },
    { description: 'with the location on the case instead of the private document', data: () => newCase(ALICE, { location: location() }) },
    { description: 'with receiptByReply other than true', data: () => newCase(ALICE, { receiptByReply: 'yes' }) },
    { description: 'with a client-set department or assignee', data: () => newCase(ALICE, { department: 'engineering', assigneeUid: STAFF_UID }) },
    { description: 'with an incident time in the future', data: () => newCase(ALICE, { incidentAt: Timestamp.fromMillis(Date.now() + 86_400_000) }) },
    {
      description: `with an incident time more than ${INCIDENT_MAX_AGE_DAYS} days back`,
      data: () => newCase(ALICE, { incidentAt: Timestamp.fromMillis(Date.now() - (INCIDENT_MAX_AGE_DAYS + 1) * 86_400_000) }),
    },
    { description: 'with an incident time as text', data: () => newCase(ALICE, { incidentAt: '25/11/2569 22:30' }) },
    { description: 'with an incident time as a number', data: () => newCase(ALICE, { incidentAt: Date.now() }) },
    { description: 'with an incident time that is null', data: () => newCase(ALICE, { incidentAt: null }) },
  ];
  for (const c of badCases) {
    it(`does not let a citizen file a complaint ${c.description}`, async () => {
      await assertFails(fileInBatch(as.alice, NEW_CASE_ID, c.data(), newReporter(ALICE)));
    });
  }

  // Refusals about the private reporter document: each check that was on case.reporter lives here now.
  const badReporters: { description: string; data: () => Record<string, unknown> }[] = [
    { description: 'has a bad national ID checksum', data: () => newReporter(ALICE, { nationalId: badCheckDigit() }) },
    { description: 'has a 12-digit national ID', data: () => newReporter(ALICE, { nationalId: nationalId().slice(0, 12) }) },
    { description: 'has a repeated-digit national ID', data: () => newReporter(ALICE, { nationalId: '1111111111111' }) },
    { description: 'has the national ID as a number, not a string', data: () => newReporter(ALICE, { nationalId: Number(nationalId()) }) },
    { description: 'has a bad phone', data: () => newReporter(ALICE, { phone: '12345' }) },
    { description: 'has the phone as a number, not a string', data: () => newReporter(ALICE, { phone: 812345678 }) },
    { description: 'has a bad email', data: () => newReporter(ALICE, { email: 'not-an-email' }) },
    { description: 'has an email that is not text', data: () => newReporter(ALICE, { email: ['a@example.com'] }) },
    { description: 'has an oversize email', data: () => newReporter(ALICE, { email: 'a'.repeat(LIMITS.email.max) + '@example.com' }) },
    { description: 'has a one-letter name', data: () => newReporter(ALICE, { name: 'ก'.repeat(LIMITS.reporterName.min - 1) }) },
    { description: 'has an oversize name', data: () => newReporter(ALICE, { name: 'ก'.repeat(LIMITS.reporterName.max + 1) }) },
    { description: 'has no phone', data: () => withoutKey(newReporter(ALICE), 'phone') },
    { description: 'has an extra field (an ID card laser code)', data: () => newReporter(ALICE, { laserCode: 'JT0-0000000-00' }) },
    { description: 'belongs to another owner', data: () => newReporter(BOB) },
  ];
  for (const c of badReporters) {
    it(`does not let a citizen file a complaint whose private document is ${c.description}`, async () => {
      await assertFails(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE), c.data()));
    });
  }

  const badLocations: { description: string; location: unknown }[] = [
    { description: 'an accuracy beyond 5 km', location: location(LIMITS.locationAccuracyM.max + 1) },
    { description: 'a negative accuracy', location: location(-1) },
    { description: 'no accuracy', location: { geo: location().geo } },
    { description: 'an extra key', location: { ...location(), address: 'บ้านเลขที่ 1' } },
    { description: 'coordinates that are not a GeoPoint', location: { geo: { lat: 18.6, lng: 98.9 }, accuracyM: 12 } },
    { description: 'an accuracy that is not a number', location: { geo: location().geo, accuracyM: '12' } },
    { description: 'an address typed as text instead of coordinates', location: 'หน้าวัดบ้านแม่' },
  ];
  for (const c of badLocations) {
    it(`does not let a citizen file a location with ${c.description}`, async () => {
      await assertFails(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE, { hasLocation: true }), newReporter(ALICE, { location: c.location })));
    });
  }

  // The ID goes into LINE button links and the desk's URLs: only what Firestore's auto-IDs look like.
  const badIds: [string, string][] = [
    ['with spaces', 'a case id with spaces'],
    ['with a question mark', 'abcdefghij?klmnopqrs'],
    ['with a hash', 'abcdefghij#klmnopqrs'],
    ['of 1,400 characters', 'a'.repeat(1400)],
    ['of 19 characters', 'a'.repeat(19)],
    ['with Thai letters', 'เรื่องที่หนึ่ง'.padEnd(20, 'x')],
  ];
  for (const [description, id] of badIds) {
    it(`does not let a citizen choose a case ID ${description}`, async () => {
      await assertFails(fileInBatch(as.alice, id, newCase(ALICE), newReporter(ALICE)));
    });
  }

  it('does not let a citizen file a case without its private document', async () => {
    await assertFails(setDoc(doc(as.alice, 'complaints', NEW_CASE_ID), newCase(ALICE)));
  });
  it('does not let a citizen write a private document without its case', async () => {
    await assertFails(setDoc(doc(as.alice, privateReporterPath(NEW_CASE_ID)), newReporter(ALICE)));
  });
  it('does not let a citizen add a private document later to their existing case', async () => {
    await env.withSecurityRulesDisabled((ctx) =>
      setDoc(doc(ctx.firestore(), 'complaints', NEW_CASE_ID), { ...complaintFields(ALICE), createdAt: Timestamp.now() }),
    );
    await assertFails(setDoc(doc(as.alice, privateReporterPath(NEW_CASE_ID)), newReporter(ALICE)));
  });
  it("does not let a citizen put a private document under someone else's case", async () => {
    await seedCase('a1', ALICE);
    await env.withSecurityRulesDisabled((ctx) => deleteDoc(doc(ctx.firestore(), privateReporterPath('a1'))));
    await assertFails(setDoc(doc(as.bob, privateReporterPath('a1')), newReporter(BOB)));
  });
  it("does not let a citizen file their private document with someone else's new case", async () => {
    await assertFails(fileInBatch(as.bob, NEW_CASE_ID, newCase(ALICE), newReporter(BOB)));
    // The private document first, so that its own rule (the case after the batch is bob's?) is what refuses.
    const batch = writeBatch(as.bob);
    batch.set(doc(as.bob, privateReporterPath(NEW_CASE_ID)), newReporter(BOB));
    batch.set(doc(as.bob, 'complaints', NEW_CASE_ID), newCase(ALICE));
    await assertFails(batch.commit());
  });
  it('does not let a citizen file the private document under any name but reporter', async () => {
    const batch = writeBatch(as.alice);
    batch.set(doc(as.alice, 'complaints', NEW_CASE_ID), newCase(ALICE));
    batch.set(doc(as.alice, privateReporterPath(NEW_CASE_ID)), newReporter(ALICE));
    batch.set(doc(as.alice, `complaints/${NEW_CASE_ID}/private/contact`), newReporter(ALICE));
    await assertFails(batch.commit());
  });
  it('does not let a case claim a location its private document does not have', async () => {
    await assertFails(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE, { hasLocation: true }), newReporter(ALICE)));
  });
  it('does not let a case hide a location its private document has', async () => {
    await assertFails(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE, { hasLocation: false }), newReporter(ALICE, { location: location() })));
  });
  it('does not let anyone signed out file a complaint', async () => {
    await assertFails(fileInBatch(as.anonymous, NEW_CASE_ID, newCase(ALICE), newReporter(ALICE)));
  });
  it('does not let a signed-in account that is not a LINE user file a complaint, staff included', async () => {
    await assertFails(fileInBatch(as.staff, NEW_CASE_ID, newCase(STAFF_UID), newReporter(STAFF_UID)));
    await assertFails(fileInBatch(as.noRole, NEW_CASE_ID, newCase('account-without-role'), newReporter('account-without-role')));
  });
});

describe('meaningful text (domain/src/meaningful-text.cases.ts, the same table the form is tested with)', () => {
  for (const c of MEANINGFUL_TEXT_CASES) {
    const field = c.shape === 'line' ? 'subject' : 'details';
    const text = c.shape === 'multiline' && c.problem === null ? c.text.padEnd(LIMITS.details.min + 2, 'ก') : c.text;
    it(`${c.problem ? 'refuses' : 'accepts'} ${c.name} as the ${field}`, async () => {
      const filing = fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE, { [field]: text }), newReporter(ALICE));
      await (c.problem ? assertFails(filing) : assertSucceeds(filing));
    });
  }
  it('refuses a reporter name of zero-width and non-breaking spaces', async () => {
    await assertFails(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE), newReporter(ALICE, { name: '\u200B\u00A0\u200B\u00A0' })));
  });
  it('refuses a reporter name with a right-to-left override', async () => {
    await assertFails(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE), newReporter(ALICE, { name: 'สมชาย \u202Eใจดี' })));
  });
});

describe('filing limits (filingCounters/{uid}, written with each new case)', () => {
  const counterRef = (db: Firestore, uid = ALICE) => doc(db, COLLECTIONS.filingCounters, uid);
  const caseId = (n: number) => `case${String(n).padStart(16, '0')}`;
  const hoursAgo = (h: number) => Timestamp.fromMillis(Date.now() - h * 3_600_000);
  const seedCounter = (data: Record<string, unknown>) =>
    env.withSecurityRulesDisabled((ctx) => setDoc(counterRef(ctx.firestore() as unknown as Firestore), data));
  const fileNext = (n: number) => fileCounted(as.alice, ALICE, { id: caseId(n) });

  it(`lets a citizen file ${limits.casesPerHour} cases in an hour and refuses the next one, whatever the script writes`, async () => {
    for (let n = 1; n <= limits.casesPerHour; n++) await assertSucceeds(fileNext(n));
    await assertFails(fileNext(limits.casesPerHour + 1));
    // Restarting the window early is refused too.
    const id = caseId(99);
    await assertFails(
      fileInBatch(as.alice, id, newCase(ALICE), newReporter(ALICE), {
        counter: { ...firstFilingCounter(id), dayCount: limits.casesPerHour + 1, dayStart: (await getDoc(counterRef(as.alice))).get('dayStart') },
      }),
    );
    await assertFails(fileInBatch(as.alice, id, newCase(ALICE), newReporter(ALICE), { counter: firstFilingCounter(id) }));
    expect((await getDoc(counterRef(as.alice))).get('hourCount')).toBe(limits.casesPerHour);
  });
  it('starts a new hour once the last one is over', async () => {
    await seedCounter({
      hourStart: hoursAgo(1.5),
      hourCount: limits.casesPerHour,
      dayStart: hoursAgo(1.5),
      dayCount: limits.casesPerHour,
      lastCaseId: caseId(0),
    });
    await assertSucceeds(fileNext(1));
    expect((await getDoc(counterRef(as.alice))).get('hourCount')).toBe(1);
  });
  it(`refuses a case past ${limits.casesPerDay} in a day even in a new hour`, async () => {
    await seedCounter({ hourStart: hoursAgo(2), hourCount: 1, dayStart: hoursAgo(5), dayCount: limits.casesPerDay, lastCaseId: caseId(0) });
    await assertFails(fileNext(1));
    await assertFails(
      fileInBatch(as.alice, caseId(2), newCase(ALICE), newReporter(ALICE), {
        counter: { ...firstFilingCounter(caseId(2)), dayStart: hoursAgo(5), dayCount: limits.casesPerDay + 1 },
      }),
    );
  });
  it('refuses a case filed without counting it', async () => {
    await assertFails(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE), newReporter(ALICE), { counter: null }));
  });
  it('refuses a counter that names another case than the one filed, or counts two cases as one', async () => {
    await assertFails(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE), newReporter(ALICE), { counter: firstFilingCounter(caseId(7)) }));
    const batch = writeBatch(as.alice);
    for (const id of [caseId(1), caseId(2)]) {
      batch.set(doc(as.alice, 'complaints', id), newCase(ALICE));
      batch.set(doc(as.alice, privateReporterPath(id)), newReporter(ALICE));
    }
    batch.set(counterRef(as.alice), firstFilingCounter(caseId(2)));
    await assertFails(batch.commit());
  });
  it('refuses a counter that skips or goes back, or has an extra field', async () => {
    await seedCounter({ hourStart: hoursAgo(0.2), hourCount: 2, dayStart: hoursAgo(0.2), dayCount: 2, lastCaseId: caseId(0) });
    const stored = (await getDoc(counterRef(as.alice))).data()!;
    for (const counter of [
      { ...stored, hourCount: 1, dayCount: 3, lastCaseId: NEW_CASE_ID },
      { ...stored, hourCount: 3, dayCount: 1, lastCaseId: NEW_CASE_ID },
      { ...stored, hourCount: 4, dayCount: 4, lastCaseId: NEW_CASE_ID },
      { ...stored, hourCount: 3, dayCount: 3, lastCaseId: NEW_CASE_ID, casesPerHour: 100 },
    ]) {
      await assertFails(fileInBatch(as.alice, NEW_CASE_ID, newCase(ALICE), newReporter(ALICE), { counter }));
    }
  });
  it('refuses a counter written without a new case, for another citizen, or deleted', async () => {
    await seedCase('a1', ALICE);
    await assertFails(setDoc(counterRef(as.alice), firstFilingCounter('a1')));
    await assertFails(setDoc(counterRef(as.alice), firstFilingCounter(NEW_CASE_ID)));
    await assertFails(fileInBatch(as.bob, NEW_CASE_ID, newCase(BOB), newReporter(BOB), { counterOwner: ALICE }));
    await seedCounter({ hourStart: hoursAgo(0.2), hourCount: 5, dayStart: hoursAgo(0.2), dayCount: 5, lastCaseId: caseId(0) });
    await assertFails(deleteDoc(counterRef(as.alice)));
  });
  it('lets a citizen read their own counter only; staff cannot write it', async () => {
    await seedCounter({ hourStart: hoursAgo(0.2), hourCount: 1, dayStart: hoursAgo(0.2), dayCount: 1, lastCaseId: caseId(0) });
    await assertSucceeds(getDoc(counterRef(as.alice)));
    await assertFails(getDoc(counterRef(as.bob, ALICE)));
    await assertFails(getDoc(counterRef(as.anonymous, ALICE)));
    await assertFails(setDoc(counterRef(as.staff, ALICE), { hourCount: 0 }));
    await assertFails(updateDoc(counterRef(as.admin, ALICE), { hourCount: 0 }));
  });
});

describe('server-only counters (rateLimits): receipts pushed per citizen', () => {
  it('cannot be read or written by anyone through the rules', async () => {
    await env.withSecurityRulesDisabled((ctx) => setDoc(doc(ctx.firestore(), COLLECTIONS.rateLimits, 'receipts-x-2026-11-26'), { count: 3 }));
    for (const actor of ['alice', 'bob', 'staff', 'admin', 'anonymous'] as const) {
      await assertFails(getDoc(doc(as[actor], COLLECTIONS.rateLimits, 'receipts-x-2026-11-26')));
      await assertFails(setDoc(doc(as[actor], COLLECTIONS.rateLimits, 'receipts-x-2026-11-26'), { count: 0 }));
    }
  });
});

describe('reading complaints', () => {
  beforeEach(() => seedCase('a1', ALICE));

  it('lets the owner read their complaint and its timeline', async () => {
    await assertSucceeds(getDoc(doc(as.alice, 'complaints', 'a1')));
    await assertSucceeds(getDocs(collection(as.alice, 'complaints', 'a1', 'timeline')));
  });
  it('lets the owner list their complaints with an owner filter', async () => {
    await assertSucceeds(getDocs(query(collection(as.alice, 'complaints'), where('owner', '==', ALICE))));
  });
  it("does not let another citizen read someone's complaint or timeline", async () => {
    await assertFails(getDoc(doc(as.bob, 'complaints', 'a1')));
    await assertFails(getDocs(collection(as.bob, 'complaints', 'a1', 'timeline')));
  });
  it('does not let a citizen list complaints without the owner filter, or with another owner', async () => {
    await assertFails(getDocs(collection(as.bob, 'complaints')));
    await assertFails(getDocs(query(collection(as.bob, 'complaints'), where('owner', '==', ALICE))));
  });
  it('does not let anyone signed out read complaints', async () => {
    await assertFails(getDoc(doc(as.anonymous, 'complaints', 'a1')));
  });
  it("keeps the LINE delivery records of a case's steps from citizens, the owner included", async () => {
    for (const who of ['alice', 'bob'] as const) {
      await assertFails(getDoc(doc(as[who], 'complaints/a1/deliveries/e1')));
      await assertFails(getDocs(collection(as[who], 'complaints/a1/deliveries')));
    }
    await assertSucceeds(getDocs(collection(as.staff, 'complaints/a1/deliveries')));
  });
  it('keeps the audit of who moved a case from citizens, the owner included', async () => {
    await env.withSecurityRulesDisabled((ctx) => setDoc(doc(ctx.firestore(), 'complaints/a1/audit/e1'), { by: STAFF_UID, status: 'accepted' }));
    await assertFails(getDoc(doc(as.alice, 'complaints/a1/audit/e1')));
    await assertFails(getDocs(collection(as.alice, 'complaints/a1/audit')));
    await assertSucceeds(getDoc(doc(as.staff, 'complaints/a1/audit/e1')));
    await assertFails(setDoc(doc(as.staff, 'complaints/a1/audit/e2'), { by: STAFF_UID }));
  });
  it('lets staff read any complaint and timeline', async () => {
    await assertSucceeds(getDoc(doc(as.staff, 'complaints', 'a1')));
    await assertSucceeds(getDocs(collection(as.staff, 'complaints', 'a1', 'timeline')));
  });
});

describe("the reporter's private document", () => {
  beforeEach(() => seedCase('a1', ALICE, { email: 'alice@example.com', location: location() }));
  const reporterDoc = (db: Firestore) => doc(db, privateReporterPath('a1'));
  const ownersOnly = (db: Firestore) => query(collection(db, 'complaints/a1/private'), where('owner', '==', ALICE));

  it('lets the owner read their private document, by itself and by an owner-filtered query', async () => {
    await assertSucceeds(getDoc(reporterDoc(as.alice)));
    await assertSucceeds(getDocs(ownersOnly(as.alice)));
  });
  it('does not let the owner list the private documents without the owner filter', async () => {
    await assertFails(getDocs(collection(as.alice, 'complaints/a1/private')));
  });
  for (const who of ['bob', 'staff', 'admin', 'noRole', 'anonymous'] as const) {
    it(`does not let ${who === 'noRole' ? 'an account without a role' : who} get or list it`, async () => {
      await assertFails(getDoc(reporterDoc(as[who])));
      await assertFails(getDocs(ownersOnly(as[who])));
      await assertFails(getDocs(collection(as[who], 'complaints/a1/private')));
    });
  }
  it('does not let staff search every private document by phone (findCasesByPhone does that, audited)', async () => {
    await assertFails(getDocs(query(collectionGroup(as.staff, 'private'), where('phone', '==', reporterFields(ALICE).phone))));
    await assertFails(getDocs(query(collectionGroup(as.admin, 'private'), where('phone', '==', reporterFields(ALICE).phone))));
  });
  for (const who of ['alice', 'staff', 'admin'] as const) {
    it(`does not let ${who} update or delete it`, async () => {
      await assertFails(updateDoc(reporterDoc(as[who]), { phone: '0899999999' }));
      await assertFails(setDoc(reporterDoc(as[who]), newReporter(ALICE)));
      await assertFails(deleteDoc(reporterDoc(as[who])));
    });
  }
});

describe('changing complaints', () => {
  beforeEach(() => seedCase('a1', ALICE));

  const citizenUpdates: { description: string; change: Record<string, unknown> }[] = [
    { description: 'status', change: { status: 'done' } },
    { description: 'tracking number', change: { trackingNo: 'BM-2569-99999' } },
    { description: 'subject', change: { subject: 'เรื่องใหม่' } },
    { description: 'owner', change: { owner: BOB } },
    { description: 'hasLocation flag', change: { hasLocation: true } },
  ];
  for (const c of citizenUpdates) {
    it(`does not let the owner change the ${c.description}`, async () => {
      await assertFails(updateDoc(doc(as.alice, 'complaints', 'a1'), c.change));
    });
  }
  it('does not let a citizen delete a complaint', async () => {
    await assertFails(deleteDoc(doc(as.alice, 'complaints', 'a1')));
  });
  it('does not let a citizen write the timeline or its delivery records', async () => {
    await assertFails(setDoc(doc(as.alice, 'complaints', 'a1', 'timeline', 'e2'), { status: 'done', note: null, at: serverTimestamp(), by: ALICE }));
    await assertFails(updateDoc(doc(as.alice, 'complaints', 'a1', 'timeline', 'e1'), { note: 'แก้ไข' }));
    await assertFails(updateDoc(doc(as.alice, 'complaints', 'a1', 'deliveries', 'e1'), { state: 'pending' }));
  });
  it('lets staff change the status with a public note, their uid in the audit entry written with it', async () => {
    await assertSucceeds(deskEdit(as.staff, 'a1', STAFF_UID, seeded, { status: 'in_progress', statusNote: 'ช่างจะเข้าไปวันพรุ่งนี้' }));
  });
  it('does not let staff set an unknown status, sign as someone else, put their uid on the case, or touch other fields', async () => {
    await assertFails(deskEdit(as.staff, 'a1', STAFF_UID, seeded, { status: 'closed' }));
    await assertFails(deskEdit(as.staff, 'a1', STAFF_UID, seeded, { status: 'accepted' }, { audit: (a) => ({ ...a, by: 'staff-2' }) }));
    await assertFails(deskEdit(as.staff, 'a1', STAFF_UID, seeded, { status: 'accepted', statusBy: STAFF_UID }));
    await assertFails(deskEdit(as.staff, 'a1', STAFF_UID, seeded, { status: 'accepted', reporter: {} }));
  });
  it('does not let staff change the status without the audit entry that names them', async () => {
    await assertFails(updateDoc(doc(as.staff, 'complaints', 'a1'), { status: 'accepted', editId: newEditId(), updatedAt: serverTimestamp() }));
  });
  it('does not let staff write the timeline directly', async () => {
    await assertFails(setDoc(doc(as.staff, 'complaints', 'a1', 'timeline', 'e2'), { status: 'done' }));
  });
});

describe('everything else', () => {
  const paths = ['counters/trackingNo-2569', 'numbering/a1', 'lineUsers/' + ALICE, 'processedEvents/x', 'problems/p1', 'anything/else'];
  for (const path of paths) {
    it(`denies citizens reading and writing ${path}`, async () => {
      await assertFails(getDoc(doc(as.alice, path)));
      await assertFails(setDoc(doc(as.alice, path), { x: 1 }));
    });
  }
  it('lets staff read problems but not counters or LINE users', async () => {
    await assertSucceeds(getDoc(doc(as.staff, 'problems/p1')));
    await assertFails(getDoc(doc(as.staff, 'counters/trackingNo-2569')));
    await assertFails(getDoc(doc(as.staff, 'lineUsers/' + ALICE)));
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  type Firestore,
} from 'firebase/firestore';
import {
  COLLECTIONS,
  DESK_LIMITS,
  LIMITS,
  parseMunicipalityConfig,
  privateReporterPath,
  STAFF_STATUSES,
  STATUS_TRANSITIONS,
  STATUSES,
  type StaffMember,
} from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { complaintFields, reporterFields } from '../support/fixtures.ts';
import {
  actorClients,
  ACTORS,
  ADMIN_UID,
  ALICE,
  BOB,
  fileInBatch,
  firestoreOf,
  newCase,
  newReporter,
  startRulesEnv,
  STAFF_UID,
  stopRulesEnv,
  UID,
  type Actor,
} from '../support/rules-env.ts';
import { deskEdit, newEditId, type EditTampering } from '../support/desk-edit.ts';

// The staff desk's side of firestore.rules: who may do what to every collection (the matrix), then
// the detailed policy for staff edits of a case and for internal notes.
let env: RulesTestEnvironment;
let as: Record<Actor, Firestore>;

const config = parseMunicipalityConfig(rawConfig);
const [DEPARTMENT, OTHER_DEPARTMENT] = config.departments.map((d) => d.id) as [string, string];
/** In the staff directory, but removed by `npm run staff -- remove` (active: false). */
const REMOVED_UID = 'staff-removed';
const member = (email: string, role: StaffMember['role'], active = true): StaffMember => ({ email, displayName: email, role, active });

beforeAll(async () => {
  env = await startRulesEnv();
  as = actorClients(env);
});
afterAll(() => stopRulesEnv(env));

/** Case a1 as seedWorld last wrote it: what a desk edit's audit entry is computed from. */
let a1: Record<string, unknown> = {};
/** The ID of the desk edit seedWorld records as a1's last one (its audit entry exists). */
const LAST_EDIT_ID = 'lastEdit000000000001';

/** alice's case a1 with everything that hangs off it, and one document in every other collection. */
async function seedWorld(caseOver: Record<string, unknown> = {}): Promise<void> {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    const at = Timestamp.now();
    a1 = { ...complaintFields(ALICE), createdAt: at, trackingNo: 'BM-2569-00001', department: DEPARTMENT, editId: LAST_EDIT_ID, ...caseOver };
    await Promise.all([
      setDoc(doc(db, 'complaints/a1'), a1),
      setDoc(doc(db, privateReporterPath('a1')), reporterFields(ALICE)),
      setDoc(doc(db, 'complaints/a1/timeline/e1'), { status: 'received', note: null, at, by: 'system' }),
      setDoc(doc(db, 'complaints/a1/deliveries/e1'), { state: 'sent', attempts: 1, lastError: null, retryKey: 'k', requestId: 'r' }),
      setDoc(doc(db, 'complaints/a1/audit/e1'), { status: 'received', by: 'system', at }),
      setDoc(doc(db, `complaints/a1/audit/${LAST_EDIT_ID}`), { by: STAFF_UID, at, department: DEPARTMENT }),
      setDoc(doc(db, 'complaints/a1/notes/n1'), { text: 'โทรหาผู้แจ้งแล้ว นัดลงพื้นที่พรุ่งนี้', by: STAFF_UID, createdAt: at }),
      setDoc(doc(db, 'problems/p1'), { kind: 'unknown_status', caseId: 'a1', at }),
      setDoc(doc(db, `staff/${STAFF_UID}`), member('staff@banmae.go.th', 'staff')),
      setDoc(doc(db, `staff/${ADMIN_UID}`), member('admin@banmae.go.th', 'admin')),
      setDoc(doc(db, `staff/${REMOVED_UID}`), member('left@banmae.go.th', 'staff', false)),
      setDoc(doc(db, 'revealAudit/r1'), { kind: 'reveal', staffUid: STAFF_UID, caseIds: ['a1'], fields: ['phone'], reason: 'contact_reporter', at }),
      setDoc(doc(db, 'counters/trackingNo-2569'), { last: 1 }),
      setDoc(doc(db, 'numbering/a1'), { createdAt: at, entryId: 'e1' }),
      setDoc(doc(db, `lineUsers/${ALICE}`), { following: true, followEventAt: 1 }),
      setDoc(doc(db, 'processedEvents/evt-1'), { type: 'message', state: 'done', expireAt: at }),
    ]);
  });
}

let fresh = 0;
// Shaped like a Firestore auto-ID: the rules refuse any other ID for a new case.
const newId = () => `new${String(++fresh).padStart(17, '0')}`;
/** Files a new case as the actor's first (the matrix is about who may file; limits are tested in complaints.rules.test.ts). */
async function fileAsFirstCase(db: Firestore, uid: string): Promise<void> {
  await env.withSecurityRulesDisabled((ctx) => deleteDoc(doc(ctx.firestore(), COLLECTIONS.filingCounters, uid)));
  await fileInBatch(db, newId(), newCase(uid), newReporter(uid));
}
/** A desk edit of case a1 by `uid`, with its audit entry, as the desk writes it (or spoiled by `tamper`). */
const editA1 = (db: Firestore, uid: string, change: Record<string, unknown>, tamper?: EditTampering) => deskEdit(db, 'a1', uid, a1, change, tamper);

// ─── The matrix ──────────────────────────────────────────────────────────────────────────────────
// Every collection × operation × actor. "get", "update" and "delete" act on alice's documents (case
// a1 and what hangs off it); "list" lists the collection (for cases and private documents: those of
// owner alice, the only query the rules can allow a citizen); "create" writes a new document of that
// kind as the actor (a case and its private document can only be filed together, in one batch; an
// audit entry on its own, not with the desk edit it records, is refused to everyone).
const MATRIX = `
  collection             op      admin  staff  noRole alice  bob    anonymous
  complaints             get     allow  allow  deny   allow  deny   deny
  complaints             list    allow  allow  deny   allow  deny   deny
  complaints             create  deny   deny   deny   allow  allow  deny
  complaints             update  allow  allow  deny   deny   deny   deny
  complaints             delete  deny   deny   deny   deny   deny   deny
  complaints/*/private   get     deny   deny   deny   allow  deny   deny
  complaints/*/private   list    deny   deny   deny   allow  deny   deny
  complaints/*/private   create  deny   deny   deny   allow  allow  deny
  complaints/*/private   update  deny   deny   deny   deny   deny   deny
  complaints/*/private   delete  deny   deny   deny   deny   deny   deny
  complaints/*/timeline  get     allow  allow  deny   allow  deny   deny
  complaints/*/timeline  list    allow  allow  deny   allow  deny   deny
  complaints/*/timeline  create  deny   deny   deny   deny   deny   deny
  complaints/*/timeline  update  deny   deny   deny   deny   deny   deny
  complaints/*/timeline  delete  deny   deny   deny   deny   deny   deny
  complaints/*/deliveries get    allow  allow  deny   deny   deny   deny
  complaints/*/deliveries list   allow  allow  deny   deny   deny   deny
  complaints/*/deliveries create deny   deny   deny   deny   deny   deny
  complaints/*/deliveries update deny   deny   deny   deny   deny   deny
  complaints/*/deliveries delete deny   deny   deny   deny   deny   deny
  complaints/*/audit     get     allow  allow  deny   deny   deny   deny
  complaints/*/audit     list    allow  allow  deny   deny   deny   deny
  complaints/*/audit     create  deny   deny   deny   deny   deny   deny
  complaints/*/audit     update  deny   deny   deny   deny   deny   deny
  complaints/*/audit     delete  deny   deny   deny   deny   deny   deny
  complaints/*/notes     get     allow  allow  deny   deny   deny   deny
  complaints/*/notes     list    allow  allow  deny   deny   deny   deny
  complaints/*/notes     create  allow  allow  deny   deny   deny   deny
  complaints/*/notes     update  deny   deny   deny   deny   deny   deny
  complaints/*/notes     delete  deny   deny   deny   deny   deny   deny
  problems               get     allow  allow  deny   deny   deny   deny
  problems               list    allow  allow  deny   deny   deny   deny
  problems               create  deny   deny   deny   deny   deny   deny
  problems               update  deny   deny   deny   deny   deny   deny
  problems               delete  deny   deny   deny   deny   deny   deny
  staff                  get     allow  allow  deny   deny   deny   deny
  staff                  list    allow  allow  deny   deny   deny   deny
  staff                  create  deny   deny   deny   deny   deny   deny
  staff                  update  deny   deny   deny   deny   deny   deny
  staff                  delete  deny   deny   deny   deny   deny   deny
  revealAudit            get     allow  deny   deny   deny   deny   deny
  revealAudit            list    allow  deny   deny   deny   deny   deny
  revealAudit            create  deny   deny   deny   deny   deny   deny
  revealAudit            update  deny   deny   deny   deny   deny   deny
  revealAudit            delete  deny   deny   deny   deny   deny   deny
  counters               get     deny   deny   deny   deny   deny   deny
  counters               list    deny   deny   deny   deny   deny   deny
  counters               create  deny   deny   deny   deny   deny   deny
  counters               update  deny   deny   deny   deny   deny   deny
  counters               delete  deny   deny   deny   deny   deny   deny
  numbering              get     deny   deny   deny   deny   deny   deny
  numbering              list    deny   deny   deny   deny   deny   deny
  numbering              create  deny   deny   deny   deny   deny   deny
  numbering              update  deny   deny   deny   deny   deny   deny
  numbering              delete  deny   deny   deny   deny   deny   deny
  lineUsers              get     deny   deny   deny   deny   deny   deny
  lineUsers              list    deny   deny   deny   deny   deny   deny
  lineUsers              create  deny   deny   deny   deny   deny   deny
  lineUsers              update  deny   deny   deny   deny   deny   deny
  lineUsers              delete  deny   deny   deny   deny   deny   deny
  processedEvents        get     deny   deny   deny   deny   deny   deny
  processedEvents        list    deny   deny   deny   deny   deny   deny
  processedEvents        create  deny   deny   deny   deny   deny   deny
  processedEvents        update  deny   deny   deny   deny   deny   deny
  processedEvents        delete  deny   deny   deny   deny   deny   deny
`;

const OPS = ['get', 'list', 'create', 'update', 'delete'] as const;
type Op = (typeof OPS)[number];
type Cell = 'allow' | 'deny';

/** How each operation is done on each collection, and what a test name calls its documents. */
interface Subject {
  noun: string;
  plural: string;
  /** What "create" makes, as the actor. */
  created: string;
  ops: Record<Op, (db: Firestore, uid: string) => Promise<unknown>>;
}

/** A document at a fixed path: get/update/delete it, list its collection, create a sibling. */
function plainSubject(names: Omit<Subject, 'ops'>, path: string, create: (uid: string) => Record<string, unknown>, change: Record<string, unknown>): Subject {
  const parent = path.slice(0, path.lastIndexOf('/'));
  return {
    ...names,
    ops: {
      get: (db) => getDoc(doc(db, path)),
      list: (db) => getDocs(collection(db, parent)),
      create: (db, uid) => setDoc(doc(db, parent, newId()), create(uid)),
      update: (db) => updateDoc(doc(db, path), change),
      delete: (db) => deleteDoc(doc(db, path)),
    },
  };
}

const SUBJECTS: Record<string, Subject> = {
  complaints: {
    noun: "alice's case",
    plural: "alice's cases",
    created: 'a case of their own (with its private document)',
    ops: {
      get: (db) => getDoc(doc(db, 'complaints/a1')),
      list: (db) => getDocs(query(collection(db, 'complaints'), where('owner', '==', ALICE))),
      create: (db, uid) => fileAsFirstCase(db, uid),
      // The desk's assignment edit, with its audit entry naming the actor.
      update: (db, uid) => editA1(db, uid, { department: OTHER_DEPARTMENT }),
      delete: (db) => deleteDoc(doc(db, 'complaints/a1')),
    },
  },
  'complaints/*/private': {
    noun: "alice's private reporter document",
    plural: "alice's private reporter documents",
    created: 'a private reporter document of their own (with its case)',
    ops: {
      get: (db) => getDoc(doc(db, privateReporterPath('a1'))),
      list: (db) => getDocs(query(collection(db, 'complaints/a1/private'), where('owner', '==', ALICE))),
      create: (db, uid) => fileAsFirstCase(db, uid),
      update: (db) => updateDoc(doc(db, privateReporterPath('a1')), { phone: '0899999999' }),
      delete: (db) => deleteDoc(doc(db, privateReporterPath('a1'))),
    },
  },
  'complaints/*/timeline': plainSubject(
    { noun: "a timeline entry of alice's case", plural: "the timeline of alice's case", created: "a timeline entry on alice's case" },
    'complaints/a1/timeline/e1',
    () => ({ status: 'done', note: null, at: serverTimestamp(), by: 'staff' }),
    { note: 'ข้อความที่ไม่มีใครเขียน' },
  ),
  'complaints/*/deliveries': plainSubject(
    {
      noun: "the LINE delivery record of a step of alice's case",
      plural: "the LINE delivery records of alice's case",
      created: "a LINE delivery record on alice's case",
    },
    'complaints/a1/deliveries/e1',
    () => ({ state: 'pending', attempts: 0, lastError: null }),
    { state: 'failed' },
  ),
  'complaints/*/audit': plainSubject(
    { noun: "an audit entry of alice's case", plural: "the audit of alice's case", created: "an audit entry on alice's case" },
    'complaints/a1/audit/e1',
    (uid) => ({ status: 'done', by: uid, at: serverTimestamp() }),
    { by: 'someone-else' },
  ),
  'complaints/*/notes': plainSubject(
    { noun: "an internal note on alice's case", plural: "the internal notes on alice's case", created: "an internal note on alice's case" },
    'complaints/a1/notes/n1',
    (uid) => ({ text: 'ผู้แจ้งขอให้โทรกลับช่วงบ่าย', by: uid, createdAt: serverTimestamp() }),
    { text: 'แก้ไขบันทึกย้อนหลัง' },
  ),
  problems: plainSubject(
    { noun: 'a problem for staff', plural: 'the problems for staff', created: 'a problem for staff' },
    'problems/p1',
    () => ({ kind: 'note', at: serverTimestamp() }),
    { resolved: true },
  ),
  staff: plainSubject(
    { noun: "a staff member's directory entry", plural: 'the staff directory', created: 'a staff directory entry making themselves admin' },
    `staff/${STAFF_UID}`,
    (uid) => ({ email: `${uid}@example.com`, displayName: uid, role: 'admin', active: true }),
    { role: 'admin' },
  ),
  revealAudit: plainSubject(
    { noun: 'a reveal audit entry', plural: 'the reveal audit', created: 'a reveal audit entry' },
    'revealAudit/r1',
    (uid) => ({ kind: 'reveal', staffUid: uid, caseIds: ['a1'], fields: ['nationalId'], reason: 'verify_identity', at: serverTimestamp() }),
    { reason: 'site_visit' },
  ),
  counters: plainSubject(
    { noun: 'a tracking-number counter', plural: 'the tracking-number counters', created: 'a tracking-number counter' },
    'counters/trackingNo-2569',
    () => ({ last: 0 }),
    { last: 0 },
  ),
  numbering: plainSubject(
    { noun: "alice's case waiting for its number", plural: 'the cases waiting for a number', created: 'a case waiting for a number' },
    'numbering/a1',
    () => ({ createdAt: serverTimestamp(), entryId: 'e2' }),
    { createdAt: Timestamp.fromMillis(0) },
  ),
  lineUsers: plainSubject(
    { noun: "alice's LINE follow state", plural: 'the LINE follow states', created: 'a LINE follow state' },
    `lineUsers/${ALICE}`,
    () => ({ following: true }),
    { following: false },
  ),
  processedEvents: plainSubject(
    { noun: 'a processed webhook event', plural: 'the processed webhook events', created: 'a processed webhook event' },
    'processedEvents/evt-1',
    () => ({ state: 'done' }),
    { state: 'failed' },
  ),
};

const ACTOR_NAMES: Record<Actor, string> = {
  admin: 'an admin',
  staff: 'staff',
  noRole: 'an account without a role',
  alice: 'alice (the owner)',
  bob: 'bob (another citizen)',
  anonymous: 'anyone signed out',
};

function parseMatrix(table: string): { collection: string; op: Op; cells: Record<Actor, Cell> }[] {
  const [header, ...rows] = table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  if (header!.slice(2).join() !== ACTORS.join()) throw new Error(`matrix header must name the actors ${ACTORS.join()}`);
  const parsed = rows.map(([collection, op, ...cells]) => {
    if (!collection || !(collection in SUBJECTS)) throw new Error(`matrix: unknown collection ${collection}`);
    if (!(OPS as readonly string[]).includes(op!)) throw new Error(`matrix: unknown operation ${op}`);
    if (cells.length !== ACTORS.length || cells.some((c) => c !== 'allow' && c !== 'deny')) throw new Error(`matrix: bad cells for ${collection} ${op}`);
    return { collection, op: op as Op, cells: Object.fromEntries(ACTORS.map((a, i) => [a, cells[i] as Cell])) as Record<Actor, Cell> };
  });
  const missing = Object.keys(SUBJECTS).flatMap((c) =>
    OPS.filter((op) => parsed.filter((r) => r.collection === c && r.op === op).length !== 1).map((op) => `${c} ${op}`),
  );
  if (missing.length) throw new Error(`matrix: each collection needs exactly one row per operation: ${missing.join(', ')}`);
  return parsed;
}

const PHRASES: Record<Op, (s: Subject) => string> = {
  get: (s) => `read ${s.noun}`,
  list: (s) => `list ${s.plural}`,
  create: (s) => `create ${s.created}`,
  update: (s) => `update ${s.noun}`,
  delete: (s) => `delete ${s.noun}`,
};

describe('who may do what: every collection × operation × actor', () => {
  beforeAll(() => seedWorld());

  for (const row of parseMatrix(MATRIX)) {
    const subject = SUBJECTS[row.collection]!;
    describe(`${row.collection} ${row.op}`, () => {
      // A desk edit that goes through changes a1: each actor's edit starts from the case as seeded.
      if (row.collection === 'complaints' && row.op === 'update') beforeEach(() => seedWorld());
      for (const actor of ACTORS) {
        const allowed = row.cells[actor] === 'allow';
        it(`${allowed ? 'lets' : 'does not let'} ${ACTOR_NAMES[actor]} ${PHRASES[row.op](subject)}`, async () => {
          const attempt = subject.ops[row.op](as[actor], UID[actor]);
          await (allowed ? assertSucceeds(attempt) : assertFails(attempt));
        });
      }
    });
  }
});

// ─── Staff edits of a case ───────────────────────────────────────────────────────────────────────
describe('staff moving a case along the domain transitions (STATUS_TRANSITIONS)', () => {
  for (const from of STATUSES) {
    for (const to of STATUSES.filter((s) => s !== from)) {
      const allowed = STATUS_TRANSITIONS[from].includes(to);
      it(`${allowed ? 'lets' : 'does not let'} staff move a case from ${from} to ${to}`, async () => {
        await seedWorld({ status: from });
        const attempt = editA1(as.staff, STAFF_UID, { status: to, statusNote: 'แจ้งผลการดำเนินการ' });
        await (allowed ? assertSucceeds(attempt) : assertFails(attempt));
      });
    }
  }
  // A status typed wrong in the Firebase console is not in the table: any status a clerk gives repairs
  // it; the citizen's own statuses (decision 018) never come from the desk.
  for (const to of STATUSES) {
    const allowed = STAFF_STATUSES.includes(to);
    it(`${allowed ? 'lets' : 'does not let'} staff repair a status typed wrong in the console by setting ${to}`, async () => {
      await seedWorld({ status: 'Done ' });
      const attempt = editA1(as.staff, STAFF_UID, { status: to });
      await (allowed ? assertSucceeds(attempt) : assertFails(attempt));
    });
  }
});

describe('what staff may change on a case', () => {
  beforeEach(() => seedWorld());
  const to = STATUS_TRANSITIONS.received[0]!;
  const NOT_IN_DIRECTORY = 'staff-unknown';

  // A field the edit deletes has no value for the audit entry to record.
  const unrecorded =
    (...keys: string[]): EditTampering['audit'] =>
    (entry) =>
      Object.fromEntries(Object.entries(entry).filter(([k]) => !keys.includes(k)));
  const edits: { description: string; who?: Actor; change: () => Record<string, unknown>; tamper?: EditTampering; want: Cell }[] = [
    {
      description: 'change the status with a public note of the longest allowed length',
      change: () => ({ status: to, statusNote: 'ก'.repeat(DESK_LIMITS.statusNote.max) }),
      want: 'allow',
    },
    { description: 'change the status and clear the public note', change: () => ({ status: to, statusNote: null }), want: 'allow' },
    { description: 'change the status without a public note', change: () => ({ status: to }), want: 'allow' },
    { description: 'set the department', change: () => ({ department: OTHER_DEPARTMENT }), want: 'allow' },
    { description: 'clear the department', change: () => ({ department: null }), want: 'allow' },
    { description: 'assign the case to a member in the staff directory', change: () => ({ assigneeUid: ADMIN_UID }), want: 'allow' },
    { description: 'unassign the case', change: () => ({ assigneeUid: null }), want: 'allow' },
    {
      description: 'change status, department and assignee in one edit',
      change: () => ({ status: to, department: OTHER_DEPARTMENT, assigneeUid: STAFF_UID }),
      want: 'allow',
    },
    { description: 'edit a case as an admin', who: 'admin', change: () => ({ status: to, assigneeUid: STAFF_UID }), want: 'allow' },

    {
      description: 'write a public note longer than the limit',
      change: () => ({ status: to, statusNote: 'ก'.repeat(DESK_LIMITS.statusNote.max + 1) }),
      want: 'deny',
    },
    { description: 'write a public note that is not text', change: () => ({ status: to, statusNote: 42 }), want: 'deny' },
    { description: 'change the public note without a status change', change: () => ({ statusNote: 'แก้ข้อความ' }), want: 'deny' },
    { description: 'set a status outside the vocabulary', change: () => ({ status: 'closed' }), want: 'deny' },
    { description: 'remove the status', change: () => ({ status: deleteField() }), tamper: { audit: unrecorded('status', 'from') }, want: 'deny' },
    { description: 'set a department that is not an ID', change: () => ({ department: 'กองช่าง' }), want: 'deny' },
    // Department IDs follow the same pattern as category IDs in the configuration.
    { description: 'set a department ID longer than an ID may be', change: () => ({ department: 'a'.repeat(LIMITS.categoryId.max + 1) }), want: 'deny' },
    { description: 'set a department that is not text', change: () => ({ department: 42 }), want: 'deny' },
    { description: 'remove the department field', change: () => ({ department: deleteField() }), tamper: { audit: unrecorded('department') }, want: 'deny' },
    { description: 'assign the case to a uid not in the staff directory', change: () => ({ assigneeUid: NOT_IN_DIRECTORY }), want: 'deny' },
    { description: 'assign the case to a member who was removed', change: () => ({ assigneeUid: REMOVED_UID }), want: 'deny' },
    { description: 'assign the case to something that is not a uid', change: () => ({ assigneeUid: 42 }), want: 'deny' },
    { description: "change a case's owner", change: () => ({ owner: BOB }), want: 'deny' },
    { description: "change a case's tracking number", change: () => ({ trackingNo: 'BM-2569-99999' }), want: 'deny' },
    { description: "change a case's createdAt", change: () => ({ createdAt: serverTimestamp() }), want: 'deny' },
    { description: "change a case's subject", change: () => ({ subject: 'หัวข้อที่เจ้าหน้าที่แก้' }), want: 'deny' },
    { description: "change a case's details", change: () => ({ details: 'รายละเอียดที่เจ้าหน้าที่เขียนใหม่ทั้งหมด' }), want: 'deny' },
    { description: "change a case's kind", change: () => ({ kind: 'grievance' }), want: 'deny' },
    { description: "change a case's category", change: () => ({ category: 'water' }), want: 'deny' },
    { description: "change a case's hasLocation flag", change: () => ({ hasLocation: true }), want: 'deny' },
    { description: "set a case's closedAt (the trigger's)", change: () => ({ closedAt: serverTimestamp() }), want: 'deny' },
    { description: "change a case's privacy notice version", change: () => ({ privacyNoticeVersion: 'x' }), want: 'deny' },
    { description: 'add any other field to a case', change: () => ({ priority: 'urgent' }), want: 'deny' },
    { description: 'put personal data on the case', change: () => ({ status: to, reporter: reporterFields(ALICE) }), want: 'deny' },
    // The case is the citizen's to read: it names no clerk (the audit entry does).
    { description: 'put their uid on the case as who changed the status', change: () => ({ status: to, statusBy: STAFF_UID }), want: 'deny' },
    { description: 'put their uid on the case as who edited it last', change: () => ({ department: OTHER_DEPARTMENT, updatedBy: STAFF_UID }), want: 'deny' },
    { description: 'edit a case as an account without a role', who: 'noRole', change: () => ({ status: to }), want: 'deny' },
  ];
  for (const e of edits) {
    const who = e.who ?? 'staff';
    it(`${e.want === 'allow' ? 'lets' : 'does not let'} ${ACTOR_NAMES[who]} ${e.description}`, async () => {
      const attempt = editA1(as[who], UID[who], e.change(), e.tamper);
      await (e.want === 'allow' ? assertSucceeds(attempt) : assertFails(attempt));
    });
  }

  it('does not take an unknown role claim for a staff role', async () => {
    const viewer = firestoreOf(env.authenticatedContext('viewer-1', { role: 'viewer' }));
    await assertFails(editA1(viewer, 'viewer-1', { status: to }));
    await assertFails(getDoc(doc(viewer, 'complaints/a1')));
  });
  it('does not let staff edit a case that does not exist', async () => {
    await assertFails(deskEdit(as.staff, 'nope', STAFF_UID, a1, { department: OTHER_DEPARTMENT }));
  });
});

describe('who made a desk edit: recorded in the staff-only audit, paired with the edit, never trusted from the client', () => {
  beforeEach(() => seedWorld());
  const to = STATUS_TRANSITIONS.received[0]!;
  const without =
    (...keys: string[]) =>
    (entry: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(entry).filter(([k]) => !keys.includes(k)));
  const withAlso = (over: Record<string, unknown>) => (entry: Record<string, unknown>) => ({ ...entry, ...over });

  const cases: { description: string; change: Record<string, unknown>; tamper: EditTampering }[] = [
    // The pairing, from the case's side.
    { description: 'edit a case without writing its audit entry', change: { status: to }, tamper: { audit: () => null } },
    { description: "put the audit entry under another ID than the case's new editId", change: { status: to }, tamper: { auditId: newEditId() } },
    { description: 'edit without an edit ID', change: { department: OTHER_DEPARTMENT }, tamper: { caseOver: { editId: deleteField() } } },
    { description: 'give the edit an ID that is not an auto-ID', change: { department: OTHER_DEPARTMENT }, tamper: { caseOver: { editId: 'my-edit' } } },
    { description: 'give the edit an ID that is not text', change: { department: OTHER_DEPARTMENT }, tamper: { caseOver: { editId: 42 } } },
    // An old edit's audit entry passed off as this edit's.
    { description: "reuse the last edit's ID and its audit entry", change: { status: to }, tamper: { caseOver: { editId: LAST_EDIT_ID }, audit: () => null } },
    { description: 'edit without stamping the time', change: { department: OTHER_DEPARTMENT }, tamper: { caseOver: { updatedAt: deleteField() } } },
    {
      description: 'backdate an edit',
      change: { department: OTHER_DEPARTMENT },
      tamper: { caseOver: { updatedAt: Timestamp.fromDate(new Date('2020-01-01')) } },
    },
    // Who and when, from the audit entry's side.
    { description: 'name another clerk in the audit entry', change: { status: to }, tamper: { audit: withAlso({ by: ADMIN_UID }) } },
    { description: 'leave the clerk out of the audit entry', change: { status: to }, tamper: { audit: without('by') } },
    { description: 'leave the time out of the audit entry', change: { status: to }, tamper: { audit: without('at') } },
    {
      description: 'backdate the audit entry',
      change: { status: to },
      tamper: { audit: withAlso({ at: Timestamp.fromDate(new Date('2020-01-01')) }) },
    },
    { description: 'add another field to the audit entry', change: { status: to }, tamper: { audit: withAlso({ reason: 'แก้ไขตามคำขอ' }) } },
    // What changed, as the audit entry records it.
    {
      description: 'record a status change that did not happen',
      change: { department: OTHER_DEPARTMENT },
      tamper: { audit: withAlso({ status: to, from: 'received' }) },
    },
    { description: 'leave a status change out of the audit entry', change: { status: to }, tamper: { audit: without('status', 'from') } },
    { description: 'record a status change without the status it replaced', change: { status: to }, tamper: { audit: without('from') } },
    { description: 'record another status than the one set', change: { status: to }, tamper: { audit: withAlso({ status: 'done' }) } },
    { description: 'record another status as the one replaced', change: { status: to }, tamper: { audit: withAlso({ from: 'done' }) } },
    { description: 'record a department change that did not happen', change: { status: to }, tamper: { audit: withAlso({ department: OTHER_DEPARTMENT }) } },
    { description: 'leave a department change out of the audit entry', change: { department: OTHER_DEPARTMENT }, tamper: { audit: without('department') } },
    {
      description: 'record another department than the one set',
      change: { department: OTHER_DEPARTMENT },
      tamper: { audit: withAlso({ department: DEPARTMENT }) },
    },
    {
      description: 'record an assignment that did not happen',
      change: { department: OTHER_DEPARTMENT },
      tamper: { audit: withAlso({ assigneeUid: STAFF_UID }) },
    },
    { description: 'leave an assignment out of the audit entry', change: { assigneeUid: STAFF_UID }, tamper: { audit: without('assigneeUid') } },
    { description: 'record another assignee than the one set', change: { assigneeUid: STAFF_UID }, tamper: { audit: withAlso({ assigneeUid: ADMIN_UID }) } },
  ];
  for (const c of cases) {
    it(`does not let staff ${c.description}`, async () => {
      await assertFails(editA1(as.staff, STAFF_UID, c.change, c.tamper));
    });
  }

  it('does not let staff reuse an edit ID whose audit entry is missing (say, set in the console)', async () => {
    await seedWorld({ editId: 'consoleEdit000000001' });
    await assertFails(editA1(as.staff, STAFF_UID, { status: to }, { caseOver: { editId: 'consoleEdit000000001' }, auditId: 'consoleEdit000000001' }));
  });
  it('does not let staff reuse the ID and the audit entry of an earlier edit', async () => {
    const first = newEditId();
    await env.withSecurityRulesDisabled((ctx) => setDoc(doc(ctx.firestore(), `complaints/a1/audit/${first}`), { by: STAFF_UID, at: Timestamp.now() }));
    await assertFails(editA1(as.staff, STAFF_UID, { status: to }, { caseOver: { editId: first }, audit: () => null }));
  });
  it('does not let staff write an audit entry of an edit that is not made, even under a new edit ID', async () => {
    await assertFails(setDoc(doc(as.staff, `complaints/a1/audit/${newEditId()}`), { by: STAFF_UID, at: serverTimestamp(), department: OTHER_DEPARTMENT }));
  });
  it('does not let staff write an audit entry under a case that does not exist', async () => {
    await assertFails(setDoc(doc(as.staff, `complaints/nope/audit/${newEditId()}`), { by: STAFF_UID, at: serverTimestamp() }));
  });
  it('does not let staff change or delete an audit entry, admins included', async () => {
    for (const who of ['staff', 'admin'] as const) {
      await assertFails(updateDoc(doc(as[who], `complaints/a1/audit/${LAST_EDIT_ID}`), { by: ADMIN_UID }));
      await assertFails(deleteDoc(doc(as[who], `complaints/a1/audit/${LAST_EDIT_ID}`)));
    }
  });
  it('does not let a citizen make a desk edit of their own case, audit entry and all', async () => {
    await assertFails(editA1(as.alice, ALICE, { status: to }));
    await assertFails(editA1(as.alice, ALICE, { status: to }, { audit: () => null }));
    await assertFails(setDoc(doc(as.alice, `complaints/a1/audit/${newEditId()}`), { by: ALICE, at: serverTimestamp() }));
  });
  it('records only an editId on the case: nothing of it names the clerk', async () => {
    await assertSucceeds(editA1(as.staff, STAFF_UID, { status: to, department: OTHER_DEPARTMENT, assigneeUid: ADMIN_UID }));
    const stored: Record<string, Record<string, unknown>> = {};
    await env.withSecurityRulesDisabled(async (ctx) => {
      const db = ctx.firestore();
      stored.case = (await getDoc(doc(db, 'complaints/a1'))).data()!;
      stored.audit = (await getDoc(doc(db, `complaints/a1/audit/${stored.case.editId as string}`))).data()!;
    });
    expect(Object.values(stored.case!)).not.toContain(STAFF_UID);
    expect(stored.audit).toMatchObject({ by: STAFF_UID, status: to, from: 'received', department: OTHER_DEPARTMENT, assigneeUid: ADMIN_UID });
  });
});

// ─── Internal notes ──────────────────────────────────────────────────────────────────────────────
describe('internal notes', () => {
  beforeEach(() => seedWorld());
  const note = (over: Record<string, unknown> = {}) => ({ text: 'ลงพื้นที่แล้ว ไฟดับจริง 3 ต้น', by: STAFF_UID, createdAt: serverTimestamp(), ...over });
  const without = (key: string) => Object.fromEntries(Object.entries(note()).filter(([k]) => k !== key));

  const notes: { description: string; caseId?: string; data: () => Record<string, unknown>; want: Cell }[] = [
    { description: 'add a note to a case, signed with their uid', data: () => note(), want: 'allow' },
    { description: 'add a note of the longest allowed length', data: () => note({ text: 'ก'.repeat(DESK_LIMITS.note.max) }), want: 'allow' },
    { description: 'add a note to a case that does not exist', caseId: 'nope', data: () => note(), want: 'deny' },
    { description: 'add a note signed as another clerk', data: () => note({ by: ADMIN_UID }), want: 'deny' },
    { description: 'add an empty note', data: () => note({ text: '' }), want: 'deny' },
    { description: 'add a note of spaces only', data: () => note({ text: ' '.repeat(DESK_LIMITS.note.min + 2) }), want: 'deny' },
    { description: 'add a note longer than the limit', data: () => note({ text: 'ก'.repeat(DESK_LIMITS.note.max + 1) }), want: 'deny' },
    { description: 'add a note that is not text', data: () => note({ text: 42 }), want: 'deny' },
    { description: 'add a note with an extra field', data: () => note({ visibleToCitizen: true }), want: 'deny' },
    { description: 'add a note without signing it', data: () => without('by'), want: 'deny' },
    { description: 'add a note without its time', data: () => without('createdAt'), want: 'deny' },
    { description: 'backdate a note', data: () => note({ createdAt: Timestamp.fromDate(new Date('2020-01-01')) }), want: 'deny' },
  ];
  for (const n of notes) {
    it(`${n.want === 'allow' ? 'lets' : 'does not let'} staff ${n.description}`, async () => {
      const attempt = setDoc(doc(as.staff, 'complaints', n.caseId ?? 'a1', 'notes', newId()), n.data());
      await (n.want === 'allow' ? assertSucceeds(attempt) : assertFails(attempt));
    });
  }

  it('never lets citizens read the notes on a case, its owner included', async () => {
    for (const who of ['alice', 'bob'] as const) {
      await assertFails(getDoc(doc(as[who], 'complaints/a1/notes/n1')));
      await assertFails(getDocs(collection(as[who], 'complaints/a1/notes')));
    }
  });
  it('never lets anyone change or delete a note, its author and admins included', async () => {
    for (const who of ['staff', 'admin'] as const) {
      await assertFails(updateDoc(doc(as[who], 'complaints/a1/notes/n1'), { text: 'แก้ไขย้อนหลัง' }));
      await assertFails(setDoc(doc(as[who], 'complaints/a1/notes/n1'), note()));
      await assertFails(deleteDoc(doc(as[who], 'complaints/a1/notes/n1')));
    }
  });
});

// ─── Reveal audit and staff directory ────────────────────────────────────────────────────────────
describe('the reveal audit and the staff directory', () => {
  beforeAll(() => seedWorld());

  it('lets admins read the reveal audit, and nobody else, staff included', async () => {
    await assertSucceeds(getDocs(collection(as.admin, 'revealAudit')));
    for (const who of ['staff', 'noRole', 'alice', 'anonymous'] as const) await assertFails(getDocs(collection(as[who], 'revealAudit')));
  });
  it('does not let anyone write the reveal audit, admins included: only the functions append to it', async () => {
    await assertFails(
      setDoc(doc(as.admin, 'revealAudit/r2'), {
        kind: 'reveal',
        staffUid: ADMIN_UID,
        caseIds: ['a1'],
        fields: [],
        reason: 'site_visit',
        at: serverTimestamp(),
      }),
    );
    await assertFails(updateDoc(doc(as.admin, 'revealAudit/r1'), { caseIds: [] }));
    await assertFails(deleteDoc(doc(as.admin, 'revealAudit/r1')));
  });
  it('lets staff and admins read the staff directory, and not citizens', async () => {
    await assertSucceeds(getDocs(collection(as.staff, 'staff')));
    await assertSucceeds(getDoc(doc(as.admin, `staff/${STAFF_UID}`)));
    await assertFails(getDocs(collection(as.alice, 'staff')));
  });
  it('does not let anyone write the staff directory, not even an admin: `npm run staff` does, with the role claim', async () => {
    await assertFails(setDoc(doc(as.admin, 'staff/new-clerk'), member('new@banmae.go.th', 'staff')));
    await assertFails(updateDoc(doc(as.admin, `staff/${REMOVED_UID}`), { active: true }));
    await assertFails(updateDoc(doc(as.staff, `staff/${STAFF_UID}`), { role: 'admin' }));
  });
});

import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { addDoc, collection, deleteField, doc, getDocs, serverTimestamp, setDoc, Timestamp, updateDoc, type Firestore } from 'firebase/firestore';
import { ADDITIONS_COLLECTION, CITIZEN_TEXT_LIMITS, CLOSED_STATUSES, STATUSES, type Status } from '@banmae/domain';
import { complaintFields } from '../support/fixtures.ts';
import { actorClients, ALICE, BOB, startRulesEnv, stopRulesEnv, type Actor } from '../support/rules-env.ts';

// The citizen's own moves on a case (decision 018): cancel before acceptance, add information to an
// open case. Everything else the citizen might try on the case document or its additions is refused.
let env: RulesTestEnvironment;
let as: Record<Actor, Firestore>;
const CASE = 'CaseA000000000000001';

beforeAll(async () => {
  env = await startRulesEnv();
  as = actorClients(env);
});
afterAll(() => stopRulesEnv(env));
beforeEach(() => env.clearFirestore());

async function seed(status: Status, owner = ALICE): Promise<void> {
  await env.withSecurityRulesDisabled(async (ctx) => {
    await setDoc(doc(ctx.firestore(), 'complaints', CASE), { ...complaintFields(owner), status, createdAt: Timestamp.now(), trackingNo: 'BM-2569-00001' });
  });
}

const cancel = (db: Firestore, over: Record<string, unknown> = {}) =>
  updateDoc(doc(db, 'complaints', CASE), { status: 'cancelled', cancelReason: 'แก้ไขเองได้แล้ว ขอบคุณครับ', updatedAt: serverTimestamp(), ...over });

const addInfo = (db: Firestore, data: Record<string, unknown> = {}) =>
  addDoc(collection(db, 'complaints', CASE, ADDITIONS_COLLECTION), { text: 'น้ำยังรั่วอยู่หน้าบ้านเลขที่ 12', by: ALICE, createdAt: serverTimestamp(), ...data });

describe('cancelling a case', () => {
  it('lets the owner cancel a case staff have not accepted yet, with a reason', async () => {
    await seed('received');
    await assertSucceeds(cancel(as.alice));
  });
  for (const status of STATUSES.filter((s) => s !== 'received')) {
    it(`does not let the owner cancel a case that is ${status}`, async () => {
      await seed(status);
      await assertFails(cancel(as.alice));
    });
  }
  const refused: { description: string; who?: Actor; over: Record<string, unknown> }[] = [
    { description: 'another citizen cancel it', who: 'bob', over: {} },
    { description: 'anyone signed out cancel it', who: 'anonymous', over: {} },
    { description: 'the owner cancel it without a reason', over: { cancelReason: deleteField() } },
    { description: 'the owner cancel it with an empty reason', over: { cancelReason: '  ' } },
    { description: 'the owner cancel it with a reason too long', over: { cancelReason: 'ก'.repeat(CITIZEN_TEXT_LIMITS.cancelReason.max + 1) } },
    { description: 'the owner cancel it with a bidi control in the reason', over: { cancelReason: 'ยกเลิก\u202Eครับ' } },
    { description: 'the owner cancel it with a chosen time', over: { updatedAt: Timestamp.fromMillis(0) } },
    { description: 'the owner choose another status', over: { status: 'confirmed' } },
    { description: 'the owner choose done', over: { status: 'done' } },
    { description: 'the owner reopen it', over: { status: 'reopened' } },
    { description: 'the owner change the subject while cancelling', over: { subject: 'หัวข้อใหม่ที่แก้เอง' } },
    { description: 'the owner give it to someone else while cancelling', over: { owner: BOB } },
  ];
  for (const r of refused) {
    it(`does not let ${r.description}`, async () => {
      await seed('received');
      await assertFails(cancel(as[r.who ?? 'alice'], r.over));
    });
  }
  it('does not let the owner move a received case anywhere but cancelled', async () => {
    await seed('received');
    for (const status of STATUSES.filter((s) => s !== 'cancelled'))
      await assertFails(updateDoc(doc(as.alice, 'complaints', CASE), { status, updatedAt: serverTimestamp() }));
  });
  it('does not let the owner change the reason of a cancelled case', async () => {
    await seed('cancelled');
    await assertFails(updateDoc(doc(as.alice, 'complaints', CASE), { cancelReason: 'เหตุผลใหม่ครับ', updatedAt: serverTimestamp() }));
  });
});

describe('adding information to a case', () => {
  const open = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
  for (const status of open) {
    it(`lets the owner add text to a case that is ${status}`, async () => {
      await seed(status);
      await assertSucceeds(addInfo(as.alice));
    });
  }
  for (const status of CLOSED_STATUSES) {
    it(`does not let the owner add text to a case that is ${status}`, async () => {
      await seed(status);
      await assertFails(addInfo(as.alice));
    });
  }
  const refused: { description: string; who?: Actor; data: Record<string, unknown> }[] = [
    { description: 'another citizen add to it (as themselves)', who: 'bob', data: { by: BOB } },
    { description: 'another citizen add to it in the owner’s name', who: 'bob', data: {} },
    { description: 'staff add to it through the citizen’s collection', who: 'staff', data: { by: 'staff-somsri' } },
    { description: 'anyone signed out add to it', who: 'anonymous', data: {} },
    { description: 'the owner add empty text', data: { text: ' \u200B ' } },
    { description: 'the owner add text too long', data: { text: 'ก'.repeat(CITIZEN_TEXT_LIMITS.addition.max + 1) } },
    { description: 'the owner add text with a control character', data: { text: 'น้ำรั่ว\u0007' } },
    { description: 'the owner back-date it', data: { createdAt: Timestamp.fromMillis(0) } },
    { description: 'the owner claim it came from the chat', data: { via: 'chat' } },
    { description: 'the owner smuggle a status with it', data: { status: 'done' } },
  ];
  for (const r of refused) {
    it(`does not let ${r.description}`, async () => {
      await seed('in_progress');
      await assertFails(addInfo(as[r.who ?? 'alice'], r.data));
    });
  }
  it('does not let anyone add to a case that does not exist', async () => {
    await assertFails(addInfo(as.alice));
  });
  it('does not let the owner change or delete what was added', async () => {
    await seed('in_progress');
    await env.withSecurityRulesDisabled((ctx) =>
      setDoc(doc(ctx.firestore(), 'complaints', CASE, ADDITIONS_COLLECTION, 'x1'), { text: 'ข้อมูลเดิม', by: ALICE, createdAt: Timestamp.now() }),
    );
    await assertFails(updateDoc(doc(as.alice, 'complaints', CASE, ADDITIONS_COLLECTION, 'x1'), { text: 'แก้ไขแล้ว' }));
    await assertFails(setDoc(doc(as.alice, 'complaints', CASE, ADDITIONS_COLLECTION, 'x1'), { text: 'ทับของเดิม', by: ALICE, createdAt: serverTimestamp() }));
  });
  it('lets the owner and staff read what was added, and nobody else', async () => {
    await seed('in_progress');
    await env.withSecurityRulesDisabled((ctx) =>
      setDoc(doc(ctx.firestore(), 'complaints', CASE, ADDITIONS_COLLECTION, 'x1'), { text: 'ข้อมูลเดิม', by: ALICE, createdAt: Timestamp.now() }),
    );
    const list = (db: Firestore) => getDocs(collection(db, 'complaints', CASE, ADDITIONS_COLLECTION));
    await assertSucceeds(list(as.alice));
    await assertSucceeds(list(as.staff));
    await assertFails(list(as.bob));
    await assertFails(list(as.anonymous));
    await assertFails(list(as.noRole));
  });
});

describe("the case's feedback (written by the functions only)", () => {
  it('does not let the owner rate or confirm their own case', async () => {
    await seed('done');
    await assertFails(updateDoc(doc(as.alice, 'complaints', CASE), { feedback: { rating: 5 } }));
    await assertFails(updateDoc(doc(as.alice, 'complaints', CASE), { status: 'confirmed', updatedAt: serverTimestamp() }));
  });
});

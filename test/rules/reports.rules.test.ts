import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where, type Firestore } from 'firebase/firestore';
import { COLLECTIONS } from '@banmae/domain';
import { actorClients, firestoreOf, startRulesEnv, stopRulesEnv, type Actor } from '../support/rules-env.ts';

// The reports' collections (decision 017): the dashboard's month counters are staff's to read and
// nobody's to write from a client; what each case contributes and the month's pushes are server-only.
let env: RulesTestEnvironment;
let as: Record<Actor, Firestore>;

beforeAll(async () => {
  env = await startRulesEnv();
  as = actorClients(env);
});
afterAll(() => stopRulesEnv(env));

const MONTH = '2026-10';
beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = firestoreOf(ctx);
    await setDoc(doc(db, `${COLLECTIONS.stats}/${MONTH}`), { month: MONTH, fiscalYear: 2570, round: 1, filed: 3, byStatus: { received: 3 } });
    await setDoc(doc(db, `${COLLECTIONS.caseFigures}/a1`), { counted: { month: MONTH, status: 'received' }, firstDeliveredAt: null });
    await setDoc(doc(db, `${COLLECTIONS.messageUsage}/${MONTH}`), { month: MONTH, receipt: 1, status: 0 });
  });
});

describe('the dashboard month counters (stats/)', () => {
  it('lets staff and admins read them, with the fiscal-year query the dashboard makes', async () => {
    for (const who of ['staff', 'admin'] as const) {
      await assertSucceeds(getDoc(doc(as[who], `${COLLECTIONS.stats}/${MONTH}`)));
      await assertSucceeds(getDocs(query(collection(as[who], COLLECTIONS.stats), where('fiscalYear', '==', 2570))));
    }
  });

  it('does not let citizens, an account without a role, or anyone signed out read them', async () => {
    for (const who of ['alice', 'bob', 'noRole', 'anonymous'] as const) {
      await assertFails(getDoc(doc(as[who], `${COLLECTIONS.stats}/${MONTH}`)));
      await assertFails(getDocs(collection(as[who], COLLECTIONS.stats)));
    }
  });

  it('does not let anyone write them, admins included: only the functions count', async () => {
    for (const who of ['admin', 'staff', 'alice', 'anonymous'] as const) {
      await assertFails(setDoc(doc(as[who], `${COLLECTIONS.stats}/2026-11`), { month: '2026-11', filed: 1 }));
      await assertFails(updateDoc(doc(as[who], `${COLLECTIONS.stats}/${MONTH}`), { filed: 0 }));
      await assertFails(deleteDoc(doc(as[who], `${COLLECTIONS.stats}/${MONTH}`)));
    }
  });
});

describe('server-only bookkeeping (caseFigures/, messageUsage/)', () => {
  for (const path of [`${COLLECTIONS.caseFigures}/a1`, `${COLLECTIONS.messageUsage}/${MONTH}`]) {
    it(`does not let anyone read or write ${path.split('/')[0]}, admins included`, async () => {
      for (const who of ['admin', 'staff', 'alice', 'noRole', 'anonymous'] as const) {
        await assertFails(getDoc(doc(as[who], path)));
        await assertFails(getDocs(collection(as[who], path.split('/')[0]!)));
        await assertFails(setDoc(doc(as[who], path), { month: MONTH }));
        await assertFails(deleteDoc(doc(as[who], path)));
      }
    });
  }
});

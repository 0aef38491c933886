import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, getDocs, collection, serverTimestamp, setDoc, Timestamp, updateDoc, type Firestore } from 'firebase/firestore';
import { GROUP_COLLECTIONS, parseMunicipalityConfig } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { actorClients, ACTORS, ADMIN_UID, startRulesEnv, stopRulesEnv, type Actor } from '../support/rules-env.ts';

// Staff's LINE groups (docs/decisions/020): staff read them, an admin links a group and switches a
// department's alerts through exactly these fields; citizens and accounts without a role get nothing,
// and the outbox of group pushes is the functions' alone.
let env: RulesTestEnvironment;
let as: Record<Actor, Firestore>;

const config = parseMunicipalityConfig(rawConfig);
const DEPARTMENT = config.departments[0]!.id;
const JOINED = 'C' + '1'.repeat(32);
const LEFT = 'C' + '2'.repeat(32);
const group = (id: string) => `${GROUP_COLLECTIONS.lineGroups}/${id}`;
const settings = (departmentId: string) => `${GROUP_COLLECTIONS.groupAlertSettings}/${departmentId}`;
const linkBy = (uid: string, departmentId: string | null = DEPARTMENT) => ({ departmentId, linkedBy: uid, linkedAt: serverTimestamp() });
const switchBy = (uid: string, over: Record<string, unknown> = {}) => ({
  newCaseCards: true,
  digest: false,
  updatedBy: uid,
  updatedAt: serverTimestamp(),
  ...over,
});

beforeAll(async () => {
  env = await startRulesEnv();
  as = actorClients(env);
});
afterAll(() => stopRulesEnv(env));

beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    const at = Timestamp.now();
    await setDoc(doc(db, group(JOINED)), { state: 'joined', joinedAt: at, leftAt: null, departmentId: null, lastEventAt: 1 });
    await setDoc(doc(db, group(LEFT)), { state: 'left', joinedAt: at, leftAt: at, departmentId: null, lastEventAt: 2 });
    await setDoc(doc(db, settings(DEPARTMENT)), { newCaseCards: true, digest: true, updatedBy: ADMIN_UID, updatedAt: at });
    await setDoc(doc(db, `${GROUP_COLLECTIONS.groupPushes}/card-x-${JOINED}`), { kind: 'card', state: 'sent', groupId: JOINED });
  });
});

describe('who reads the group records', () => {
  for (const actor of ACTORS) {
    const staff = actor === 'staff' || actor === 'admin';
    it(`${actor} ${staff ? 'reads' : 'cannot read'} groups, alert settings and the group outbox`, async () => {
      const check = staff ? assertSucceeds : assertFails;
      await check(getDoc(doc(as[actor], group(JOINED))));
      await check(getDocs(collection(as[actor], GROUP_COLLECTIONS.lineGroups)));
      await check(getDoc(doc(as[actor], settings(DEPARTMENT))));
      await check(getDoc(doc(as[actor], `${GROUP_COLLECTIONS.groupPushes}/card-x-${JOINED}`)));
    });
  }
});

describe('linking a group to a department', () => {
  it('an admin links a joined group, naming themselves, and unlinks it again', async () => {
    await assertSucceeds(updateDoc(doc(as.admin, group(JOINED)), linkBy(ADMIN_UID)));
    await assertSucceeds(updateDoc(doc(as.admin, group(JOINED)), linkBy(ADMIN_UID, null)));
  });

  it('refuses staff, citizens and accounts without a role', async () => {
    for (const actor of ['staff', 'noRole', 'alice', 'anonymous'] as const) await assertFails(updateDoc(doc(as[actor], group(JOINED)), linkBy(ADMIN_UID)));
  });

  it('refuses a department that is not configured, another admin’s name, a made-up time', async () => {
    await assertFails(updateDoc(doc(as.admin, group(JOINED)), linkBy(ADMIN_UID, 'no-such-department')));
    await assertFails(updateDoc(doc(as.admin, group(JOINED)), linkBy('someone-else')));
    await assertFails(updateDoc(doc(as.admin, group(JOINED)), { ...linkBy(ADMIN_UID), linkedAt: Timestamp.fromMillis(0) }));
  });

  it('refuses any other field: an admin cannot mark a group joined, move its dates or add data', async () => {
    await assertFails(updateDoc(doc(as.admin, group(JOINED)), { ...linkBy(ADMIN_UID), state: 'left' }));
    await assertFails(updateDoc(doc(as.admin, group(JOINED)), { ...linkBy(ADMIN_UID), lastEventAt: 99 }));
    await assertFails(updateDoc(doc(as.admin, group(JOINED)), { ...linkBy(ADMIN_UID), note: 'x' }));
  });

  it('refuses linking a group the OA has left (nothing could be pushed there)', async () => {
    await assertFails(updateDoc(doc(as.admin, group(LEFT)), linkBy(ADMIN_UID)));
  });

  it('nobody creates or deletes a group record: only a join event makes one', async () => {
    const made = 'C' + '3'.repeat(32);
    await assertFails(setDoc(doc(as.admin, group(made)), { state: 'joined', departmentId: DEPARTMENT, linkedBy: ADMIN_UID, linkedAt: serverTimestamp() }));
    await assertFails(deleteDoc(doc(as.admin, group(JOINED))));
  });
});

describe('switching a department’s alerts', () => {
  it('an admin sets both switches for a configured department, creating or changing the settings', async () => {
    await assertSucceeds(setDoc(doc(as.admin, settings(DEPARTMENT)), switchBy(ADMIN_UID)));
    await assertSucceeds(setDoc(doc(as.admin, settings(config.departments[1]!.id)), switchBy(ADMIN_UID, { digest: true })));
  });

  it('refuses staff and citizens', async () => {
    for (const actor of ['staff', 'noRole', 'alice', 'anonymous'] as const)
      await assertFails(setDoc(doc(as[actor], settings(DEPARTMENT)), switchBy(ADMIN_UID)));
  });

  it('refuses an unknown department, a switch that is not true/false, a missing or extra field, another name, a made-up time', async () => {
    await assertFails(setDoc(doc(as.admin, settings('no-such-department')), switchBy(ADMIN_UID)));
    await assertFails(setDoc(doc(as.admin, settings(DEPARTMENT)), switchBy(ADMIN_UID, { newCaseCards: 'yes' })));
    await assertFails(setDoc(doc(as.admin, settings(DEPARTMENT)), switchBy(ADMIN_UID, { digest: 1 })));
    const missing: Record<string, unknown> = switchBy(ADMIN_UID);
    delete missing.digest;
    await assertFails(setDoc(doc(as.admin, settings(DEPARTMENT)), missing));
    await assertFails(setDoc(doc(as.admin, settings(DEPARTMENT)), switchBy(ADMIN_UID, { groupId: JOINED })));
    await assertFails(setDoc(doc(as.admin, settings(DEPARTMENT)), switchBy('someone-else')));
    await assertFails(setDoc(doc(as.admin, settings(DEPARTMENT)), switchBy(ADMIN_UID, { updatedAt: Timestamp.fromMillis(0) })));
    await assertFails(deleteDoc(doc(as.admin, settings(DEPARTMENT))));
  });
});

describe('the group outbox', () => {
  it('nobody writes it from a client, not even an admin', async () => {
    for (const actor of ACTORS) {
      await assertFails(setDoc(doc(as[actor], `${GROUP_COLLECTIONS.groupPushes}/card-y-${JOINED}`), { kind: 'card', state: 'sent', groupId: JOINED }));
      await assertFails(updateDoc(doc(as[actor], `${GROUP_COLLECTIONS.groupPushes}/card-x-${JOINED}`), { state: 'failed' }));
    }
  });
});

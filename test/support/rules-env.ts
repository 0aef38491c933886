import { initializeTestEnvironment, type RulesTestContext, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { doc, GeoPoint, serverTimestamp, setLogLevel, writeBatch, type Firestore } from 'firebase/firestore';
import { COLLECTIONS, privateReporterPath } from '@banmae/domain';
import { complaintFields, reporterFields } from './fixtures.ts';
import { FIRESTORE, PROJECT_ID } from './stack.ts';

/**
 * The actors of the rules tests (firebase/quickstart-testing style): alice owns the case under test,
 * bob is another citizen (both uid = LINE userId), staff and admin carry the role claim that
 * `npm run staff` grants, "no role" is an email account without the claim, and anonymous is signed out.
 */
export const ALICE = 'U' + 'a'.repeat(32);
export const BOB = 'U' + 'b'.repeat(32);
export const STAFF_UID = 'staff-somsri';
export const ADMIN_UID = 'admin-prasert';
export const NO_ROLE_UID = 'account-without-role';

export const ACTORS = ['admin', 'staff', 'noRole', 'alice', 'bob', 'anonymous'] as const;
export type Actor = (typeof ACTORS)[number];

/** The uid each actor signs with (anonymous has none: a write "as" them carries a placeholder). */
export const UID: Record<Actor, string> = {
  admin: ADMIN_UID,
  staff: STAFF_UID,
  noRole: NO_ROLE_UID,
  alice: ALICE,
  bob: BOB,
  anonymous: 'anonymous',
};

const HUB = 'http://127.0.0.1:4400';

/**
 * Connects to the Firestore emulator with the rules it already serves: `firebase emulators:exec` loaded
 * firestore.rules (firebase.json), and loading them again here would reset the emulator's rule-coverage
 * counts, so the report saved after the suite (global-setup.ts) would cover only the last rules file.
 * The rules tests check rules only, so the Functions emulator's triggers are paused meanwhile:
 * otherwise every case written here would be numbered and pushed to the LINE stand-in, loading the
 * machine and writing into data the next test expects clean.
 */
export async function startRulesEnv(): Promise<RulesTestEnvironment> {
  // Refusals are what most of these tests expect: keep the SDK's PERMISSION_DENIED warnings out of the output.
  setLogLevel('error');
  await fetch(`${HUB}/functions/disableBackgroundTriggers`, { method: 'PUT' });
  return initializeTestEnvironment({ projectId: PROJECT_ID, firestore: FIRESTORE });
}

export async function stopRulesEnv(env: RulesTestEnvironment | undefined): Promise<void> {
  await env?.cleanup();
  await fetch(`${HUB}/functions/enableBackgroundTriggers`, { method: 'PUT' });
}

/**
 * A context's Firestore for the modular API: rules-unit-testing types it as the compat Firestore,
 * which the modular functions accept at run time (they unwrap it) but TypeScript does not.
 */
export function firestoreOf(ctx: RulesTestContext): Firestore {
  return ctx.firestore() as unknown as Firestore;
}

/** One Firestore client per actor, signed in with that actor's uid and claims. */
export function actorClients(env: RulesTestEnvironment): Record<Actor, Firestore> {
  return {
    admin: firestoreOf(env.authenticatedContext(ADMIN_UID, { role: 'admin' })),
    staff: firestoreOf(env.authenticatedContext(STAFF_UID, { role: 'staff' })),
    noRole: firestoreOf(env.authenticatedContext(NO_ROLE_UID, { email: 'someone@example.com' })),
    alice: firestoreOf(env.authenticatedContext(ALICE)),
    bob: firestoreOf(env.authenticatedContext(BOB)),
    anonymous: firestoreOf(env.unauthenticatedContext()),
  };
}

/** A case as the LIFF form writes it (createdAt = the server's time). */
export function newCase(owner: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...complaintFields(owner), createdAt: serverTimestamp(), ...over };
}

/** The reporter's private document as the LIFF form writes it. */
export function newReporter(owner: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return reporterFields(owner, over);
}

export const location = (accuracyM = 12) => ({ geo: new GeoPoint(18.6253, 98.8917), accuracyM });

/** A case ID shaped like Firestore's auto-IDs (the rules refuse any other), for the case a test files. */
export const NEW_CASE_ID = 'NewCase0000000000001';

/** The filing counter of a citizen's first case (domain/src/filing-limit.ts), counting `caseId`. */
export function firstFilingCounter(caseId: string): Record<string, unknown> {
  return { hourStart: serverTimestamp(), hourCount: 1, dayStart: serverTimestamp(), dayCount: 1, lastCaseId: caseId };
}

/**
 * Filing as the LIFF form does it: the case, its private reporter document and the citizen's filing
 * counter in one batch. The counter is filingCounters/{counterOwner} (the case's owner unless a test
 * says otherwise); `counter: null` leaves it out.
 */
export function fileInBatch(
  db: Firestore,
  caseId: string,
  caseData: Record<string, unknown>,
  reporter: Record<string, unknown>,
  { counterOwner = String(caseData.owner), counter = firstFilingCounter(caseId) }: { counterOwner?: string; counter?: Record<string, unknown> | null } = {},
): Promise<void> {
  const batch = writeBatch(db);
  batch.set(doc(db, 'complaints', caseId), caseData);
  batch.set(doc(db, privateReporterPath(caseId)), reporter);
  if (counter) batch.set(doc(db, COLLECTIONS.filingCounters, counterOwner), counter);
  return batch.commit();
}

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword, type User } from 'firebase/auth';
import { addDoc, collection, connectFirestoreEmulator, getFirestore, serverTimestamp, setLogLevel, type Firestore } from 'firebase/firestore';
import { COLLECTIONS, ROLE_LABELS_TH } from '@banmae/domain';
import { addStaff } from '../../scripts/staff-accounts.ts';
import { adminAuth, adminDb } from '../support/admin.ts';
import { fileCase } from '../support/cases.ts';
import { AUTH_URL, FIRESTORE, lineUserId, PROJECT_ID } from '../support/stack.ts';

/**
 * `npm run staff` as an administrator runs it, against the Auth and Firestore emulators: this test
 * process runs inside `firebase emulators:exec`, whose FIREBASE_AUTH_EMULATOR_HOST and
 * FIRESTORE_EMULATOR_HOST the command inherits.
 */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function staffCommand(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/staff.ts', ...args], { env: process.env, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function mustRun(...args: string[]): Promise<string> {
  const run = await staffCommand(...args);
  if (run.code !== 0) throw new Error(`staff ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

// The refused write below is expected: keep the SDK's PERMISSION_DENIED warning out of the output.
setLogLevel('error');

/** Setting up a member directly, for tests about another subcommand (the add tests use the command). */
const existingMember = (address: string, over: { role?: 'staff' | 'admin'; displayName?: string; password?: string } = {}) =>
  addStaff(adminAuth, adminDb, { email: address, role: 'staff', ...over });

/** A fresh address per test: the Auth emulator's accounts outlive each test. */
const email = (who: string) => `${who}-${randomBytes(4).toString('hex')}@banmae.go.th`;

/** Signs in as the desk does: Firebase Auth email and password, Firestore under the rules. */
const opened: FirebaseApp[] = [];
async function signInAsStaff(address: string, password: string): Promise<{ user: User; db: Firestore }> {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: 'demo-key' }, `desk-${randomBytes(4).toString('hex')}`);
  opened.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, AUTH_URL, { disableWarnings: true });
  const { user } = await signInWithEmailAndPassword(auth, address, password);
  const db = getFirestore(app);
  connectFirestoreEmulator(db, FIRESTORE.host, FIRESTORE.port);
  return { user, db };
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => deleteApp(app)));
});

const addNote = (db: Firestore, caseId: string, uid: string) =>
  addDoc(collection(db, COLLECTIONS.complaints, caseId, COLLECTIONS.notes), { text: 'โทรหาผู้แจ้งแล้ว', by: uid, createdAt: serverTimestamp() });

describe('npm run staff -- add', () => {
  it('creates the account with the staff claim and a directory entry, and prints its password once', async () => {
    const address = email('somsri');
    const out = await mustRun('add', address, '--name', 'สมศรี ใจงาน');
    const password = /password[^:]*: (\S+)/.exec(out)?.[1];
    expect(password, out).toBeTruthy();
    const user = await adminAuth.getUserByEmail(address);
    expect(user.customClaims?.role).toBe('staff');
    expect((await adminDb.doc(`${COLLECTIONS.staff}/${user.uid}`).get()).data()).toEqual({
      email: address,
      displayName: 'สมศรี ใจงาน',
      role: 'staff',
      active: true,
    });
    // The printed password is the account's: the member can sign in with it and carries the claim.
    const { user: signedIn } = await signInAsStaff(address, password!);
    expect((await signedIn.getIdTokenResult()).claims.role).toBe('staff');
  });

  it('gives the admin role with --admin, and takes it back with a plain add, printing no password for an existing account', async () => {
    const address = email('prasert');
    await mustRun('add', address, '--admin');
    expect((await adminAuth.getUserByEmail(address)).customClaims?.role).toBe('admin');
    const out = await mustRun('add', address);
    expect(out).toContain(`admin (${ROLE_LABELS_TH.admin}) → staff (${ROLE_LABELS_TH.staff})`);
    expect(out).not.toMatch(/password/);
    expect((await adminAuth.getUserByEmail(address)).customClaims?.role).toBe('staff');
  });

  it('refuses to set the password of an account that already exists', async () => {
    const address = email('existing');
    await existingMember(address);
    const run = await staffCommand('add', address, '--password', 'new-password-1');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already has an account');
  });
});

describe('npm run staff -- list', () => {
  it('shows staff and admins with their roles, and not accounts without a role', async () => {
    const [clerk, boss, citizen] = [email('clerk'), email('boss'), email('plain')];
    await existingMember(clerk);
    await existingMember(boss, { role: 'admin' });
    await adminAuth.createUser({ email: citizen, password: 'not-staff-123' });
    const lines = (await mustRun('list')).split('\n');
    expect(lines.find((l) => l.includes(clerk))).toMatch(/^staff\s/);
    expect(lines.find((l) => l.includes(boss))).toMatch(/^admin\s/);
    expect(lines.some((l) => l.includes(citizen))).toBe(false);
  });
});

describe('npm run staff -- remove', () => {
  it('takes the claim away, keeps the directory entry inactive, and drops the member from the list', async () => {
    const address = email('leaving');
    const { uid } = await existingMember(address, { displayName: 'มานี ลาออก' });
    await mustRun('remove', address);
    expect((await adminAuth.getUser(uid)).customClaims?.role).toBeUndefined();
    expect((await adminDb.doc(`${COLLECTIONS.staff}/${uid}`).get()).data()).toMatchObject({ displayName: 'มานี ลาออก', active: false });
    expect(await mustRun('list')).not.toContain(address);
  });

  it("refuses a removed member's writes once their token refreshes", async () => {
    const { id: caseId } = await fileCase(lineUserId());
    const address = email('removed');
    const password = `pw-${randomBytes(6).toString('hex')}`;
    await existingMember(address, { password });
    const { user, db } = await signInAsStaff(address, password);
    await expect(addNote(db, caseId, user.uid)).resolves.toBeDefined();
    const tokenBefore = await user.getIdToken();

    await mustRun('remove', address);

    // Production refuses the refresh outright (refresh tokens revoked) and the SDK signs the member
    // out; the Auth emulator does not check revocation on refresh, so here the refreshed token simply
    // comes without the role. Either way the rules see no staff role. The old token is revoked for
    // anything that checks (the functions' callables verify with checkRevoked).
    await expect(adminAuth.verifyIdToken(tokenBefore, true)).rejects.toMatchObject({ code: 'auth/id-token-revoked' });
    expect((await user.getIdTokenResult(true)).claims.role).toBeUndefined();
    await expect(addNote(db, caseId, user.uid)).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('exits 1 with a message for an email that has no account', async () => {
    const run = await staffCommand('remove', email('nobody'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no account with the email');
  });
});

describe('bad usage', () => {
  const cases: { description: string; args: string[]; want: string }[] = [
    { description: 'an unknown subcommand', args: ['grant', 'a@banmae.go.th'], want: 'unknown command: grant' },
    { description: 'add without an email', args: ['add'], want: 'add needs an email' },
    { description: 'remove without an email', args: ['remove'], want: 'remove needs an email' },
    { description: 'no subcommand at all', args: [], want: 'no command given' },
  ];
  for (const c of cases) {
    it(`refuses ${c.description} with exit code 2 and the usage`, async () => {
      const run = await staffCommand(...c.args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(c.want);
      expect(run.stderr).toContain('usage:');
      expect(run.stdout).toBe('');
    });
  }
});

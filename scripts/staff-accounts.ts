import { randomBytes } from 'node:crypto';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, isStaffRole, type StaffMember, type StaffRole } from '@banmae/domain';

/**
 * Staff accounts: a Firebase Auth user with the `role` custom claim that firestore.rules trust, and a
 * directory entry (staff/{uid}) the desk shows names from and assigns cases to. Used by
 * `npm run staff` (scripts/staff.ts), by `npm start`'s seed and by the tests.
 */
export interface AddedStaff {
  uid: string;
  email: string;
  role: StaffRole;
  /** Set only when the account was created now: shown once to the administrator, never stored. */
  password: string | null;
}

export async function addStaff(
  auth: Auth,
  db: Firestore,
  opts: { email: string; role: StaffRole; displayName?: string; password?: string },
): Promise<AddedStaff> {
  const email = opts.email.trim().toLowerCase();
  let password: string | null = null;
  const existing = await auth.getUserByEmail(email).catch((err: { code?: string }) => {
    if (err.code === 'auth/user-not-found') return null;
    throw err;
  });
  const user =
    existing ??
    (await auth.createUser({
      email,
      password: (password = opts.password ?? randomBytes(9).toString('base64url')),
      displayName: opts.displayName ?? email,
      emailVerified: true,
    }));
  await auth.setCustomUserClaims(user.uid, { ...(user.customClaims ?? {}), role: opts.role });
  const member: StaffMember = { email, displayName: opts.displayName ?? user.displayName ?? email, role: opts.role, active: true };
  await db.collection(COLLECTIONS.staff).doc(user.uid).set(member);
  return { uid: user.uid, email, role: opts.role, password };
}

/**
 * Takes the role away and signs the member out everywhere: their ID token keeps its claim until it
 * expires (at most an hour), after which every rule refuses them; the desk forces that refresh as soon
 * as a write is refused. The directory entry stays (inactive) so old notes still show a name.
 */
export async function removeStaff(auth: Auth, db: Firestore, email: string): Promise<string> {
  const user = await auth.getUserByEmail(email.trim().toLowerCase());
  const claims = { ...(user.customClaims ?? {}) };
  delete claims.role;
  await auth.setCustomUserClaims(user.uid, claims);
  await auth.revokeRefreshTokens(user.uid);
  await db.collection(COLLECTIONS.staff).doc(user.uid).set({ active: false }, { merge: true });
  return user.uid;
}

export interface ListedStaff {
  uid: string;
  email: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
}

/** Every Auth account that carries a staff role claim (the claim, not the directory, is the truth). */
export async function listStaff(auth: Auth): Promise<ListedStaff[]> {
  const out: ListedStaff[] = [];
  let pageToken: string | undefined;
  do {
    const page = await auth.listUsers(1000, pageToken);
    for (const u of page.users) {
      const role: unknown = u.customClaims?.role;
      if (isStaffRole(role)) out.push({ uid: u.uid, email: u.email ?? '', displayName: u.displayName ?? '', role, disabled: u.disabled });
    }
    pageToken = page.pageToken;
  } while (pageToken);
  return out.sort((a, b) => a.email.localeCompare(b.email));
}

import { randomBytes } from 'node:crypto';
import type { Auth, UserRecord } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, isStaffRole, type StaffMember, type StaffRole } from '@banmae/domain';

/**
 * Staff accounts: a Firebase Auth user with the `role` custom claim that firestore.rules trust, and a
 * directory entry (staff/{uid}) the desk shows names from and assigns cases to. Used by
 * `npm run staff` (scripts/staff.ts), by `npm start`'s seed and by the tests.
 */

/** An expected, user-facing failure (unknown account, a password for an existing account). */
export class StaffAccountError extends Error {}

export interface AddedStaff {
  uid: string;
  email: string;
  role: StaffRole;
  /** The role the account had before (null: none, or a new account). */
  previousRole: StaffRole | null;
  /** Set only when the account was created now: shown once to the administrator, never stored. */
  password: string | null;
}

/** Firebase Auth's own minimum is 6; staff accounts open citizens' personal data, so ask for more. */
export const MIN_PASSWORD_LENGTH = 8;

async function userByEmail(auth: Auth, email: string): Promise<UserRecord | null> {
  try {
    return await auth.getUserByEmail(email);
  } catch (err) {
    if ((err as { code?: string }).code === 'auth/user-not-found') return null;
    throw err;
  }
}

function roleOf(user: UserRecord | null): StaffRole | null {
  const role: unknown = user?.customClaims?.role;
  return isStaffRole(role) ? role : null;
}

/**
 * Creates the account (with the password given, or a generated one) or takes the existing one, sets
 * its role (this is also how an admin is demoted to staff) and writes its directory entry. The member
 * sees a new role at their next token refresh.
 */
export async function addStaff(
  auth: Auth,
  db: Firestore,
  opts: { email: string; role: StaffRole; displayName?: string; password?: string },
): Promise<AddedStaff> {
  const email = opts.email.trim().toLowerCase();
  if (opts.password !== undefined && opts.password.length < MIN_PASSWORD_LENGTH) {
    throw new StaffAccountError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const existing = await userByEmail(auth, email);
  if (existing && opts.password !== undefined) {
    throw new StaffAccountError(`${email} already has an account: a password is set only for a new account (the member changes their own)`);
  }
  let password: string | null = null;
  let user: UserRecord;
  if (existing) {
    user = opts.displayName ? await auth.updateUser(existing.uid, { displayName: opts.displayName }) : existing;
  } else {
    password = opts.password ?? randomBytes(12).toString('base64url');
    user = await auth.createUser({ email, password, displayName: opts.displayName ?? email, emailVerified: true });
  }
  await auth.setCustomUserClaims(user.uid, { ...(user.customClaims ?? {}), role: opts.role });
  const member: StaffMember = { email, displayName: user.displayName ?? email, role: opts.role, active: true };
  await db.collection(COLLECTIONS.staff).doc(user.uid).set(member);
  return { uid: user.uid, email, role: opts.role, previousRole: roleOf(existing), password };
}

export interface RemovedStaff {
  uid: string;
  email: string;
  /** The role taken away (null: the account had none). */
  previousRole: StaffRole | null;
}

/**
 * Takes the role away and revokes the member's refresh tokens: their current ID token keeps its
 * claim until it expires (at most an hour), after which they cannot get a new one and every rule
 * refuses them; the desk forces that refresh as soon as a write is refused. The directory entry stays
 * (inactive) so old notes still show a name, and the rules no longer let a case be assigned to them.
 */
export async function removeStaff(auth: Auth, db: Firestore, email: string): Promise<RemovedStaff> {
  const normalized = email.trim().toLowerCase();
  const user = await userByEmail(auth, normalized);
  if (!user) throw new StaffAccountError(`no account with the email ${normalized}`);
  const claims = { ...(user.customClaims ?? {}) };
  delete claims.role;
  await auth.setCustomUserClaims(user.uid, claims);
  await auth.revokeRefreshTokens(user.uid);
  const entry = db.collection(COLLECTIONS.staff).doc(user.uid);
  if ((await entry.get()).exists) await entry.update({ active: false });
  return { uid: user.uid, email: normalized, previousRole: roleOf(user) };
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
      const role = roleOf(u);
      if (role) out.push({ uid: u.uid, email: u.email ?? '', displayName: u.displayName ?? '', role, disabled: u.disabled });
    }
    pageToken = page.pageToken;
  } while (pageToken);
  return out.sort((a, b) => a.email.localeCompare(b.email));
}

import { onAuthStateChanged, signOut as firebaseSignOut, type User } from 'firebase/auth';
import { isStaffRole, type StaffRole } from '@banmae/domain';
import { auth } from './firebase-client.ts';

/**
 * Who is at the desk. Access is the `role` claim in the ID token (firestore.rules trust nothing else),
 * so the page reads the same claim: no role, no desk and no query. A member removed with `npm run staff
 * -- remove` keeps a valid token for up to an hour; the desk refreshes the token when the page opens and
 * whenever Firestore or a callable refuses it, so they land on the no-access screen at once.
 */
export type Session =
  { kind: 'loading' } | { kind: 'signedOut' } | { kind: 'notStaff'; email: string | null } | { kind: 'staff'; uid: string; email: string; role: StaffRole };

let current: Session = { kind: 'loading' };
const listeners = new Set<(s: Session) => void>();

function publish(next: Session): void {
  current = next;
  for (const l of listeners) l(next);
}

async function sessionOf(user: User, forceRefresh: boolean): Promise<Session> {
  const token = await user.getIdTokenResult(forceRefresh);
  const role = token.claims.role;
  return isStaffRole(role) ? { kind: 'staff', uid: user.uid, email: user.email ?? '', role } : { kind: 'notStaff', email: user.email };
}

const offline = (err: unknown) => (err as { code?: unknown } | null)?.code === 'auth/network-request-failed';

/** Set when access was lost while working: a revoked member is signed out by the SDK but is told why. */
let lostAccess: { email: string | null } | null = null;

let refreshedOnce = false;
onAuthStateChanged(auth, (user) => {
  if (!user) {
    refreshedOnce = true; // a sign-in from here on brings a fresh token anyway
    return publish(lostAccess ? { kind: 'notStaff', email: lostAccess.email } : { kind: 'signedOut' });
  }
  lostAccess = null;
  // The first check after the page opens asks for a fresh token: claims may have changed since the last visit.
  const force = !refreshedOnce;
  refreshedOnce = true;
  sessionOf(user, force)
    .catch((err: unknown) => {
      if (offline(err)) return sessionOf(user, false); // the cached claim; the rules still decide every read
      throw err;
    })
    .then(publish, () => publish({ kind: 'notStaff', email: user.email }));
});

export function watchSession(listener: (s: Session) => void): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

export function staffUid(): string {
  if (current.kind !== 'staff') throw new Error('not signed in as staff');
  return current.uid;
}

export async function signOut(): Promise<void> {
  lostAccess = null;
  await firebaseSignOut(auth);
  publish({ kind: 'signedOut' });
}

export function isPermissionDenied(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'permission-denied' || code === 'functions/permission-denied';
}

/** Refused: the claim may be gone. A fresh token tells; without the role the desk closes. */
async function recheckAccess(): Promise<void> {
  const user = auth.currentUser;
  if (!user) return publish({ kind: 'signedOut' });
  try {
    const next = await sessionOf(user, true);
    if (next.kind !== 'staff') lostAccess = { email: user.email };
    publish(next);
  } catch (err) {
    if (offline(err)) return;
    lostAccess = { email: user.email }; // refresh refused: the account was removed or revoked
    publish({ kind: 'notStaff', email: user.email });
  }
}

/** Runs a Firestore call or a callable; a permission-denied refusal re-checks the role before it is rethrown. */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isPermissionDenied(err)) await recheckAccess();
    throw err;
  }
}

import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, DESK_MESSAGES, isStaffRole, type StaffRole } from '@banmae/domain';

export interface StaffCaller {
  uid: string;
  email: string | null;
  role: StaffRole;
}

/**
 * The caller must carry a staff role claim and still be an active member of the staff directory. The
 * claim alone stays in an ID token for up to an hour after `npm run staff -- remove`; personal data is
 * not to be read on such a token, so the directory is checked as well (one read).
 */
export async function requireStaff(db: Firestore, request: Pick<CallableRequest, 'auth'>): Promise<StaffCaller> {
  const auth = request.auth;
  const role: unknown = auth?.token.role;
  if (!auth || !isStaffRole(role)) throw new HttpsError('permission-denied', DESK_MESSAGES.notStaff);
  const member = await db.collection(COLLECTIONS.staff).doc(auth.uid).get();
  if (member.get('active') !== true) throw new HttpsError('permission-denied', DESK_MESSAGES.notStaff);
  return { uid: auth.uid, email: typeof auth.token.email === 'string' ? auth.token.email : null, role };
}

const DOC_ID = /^[A-Za-z0-9_-]{1,128}$/; // auto IDs, and timeline entries named after event IDs (UUIDs)

/** Firestore document IDs as the desk sends them: no slashes, nothing that could walk another path. */
export function requireDocId(value: unknown): string {
  if (typeof value !== 'string' || !DOC_ID.test(value)) throw new HttpsError('invalid-argument', DESK_MESSAGES.caseNotFound);
  return value;
}

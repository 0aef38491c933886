import { collection, getDocs, limit, orderBy, query, startAfter, type QueryDocumentSnapshot, type Timestamp } from 'firebase/firestore/lite';
import { COLLECTIONS, type RevealAuditEntry } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';

/** One recorded access to personal data, as the admin's audit page shows it. */
export interface AuditRow extends RevealAuditEntry {
  id: string;
  trackingNos: (string | null)[];
}

export const AUDIT_PAGE_SIZE = 50;

/** revealAudit/, newest first, a page at a time (the rules let admins alone read it). */
export async function fetchRevealAudit(after: QueryDocumentSnapshot | null): Promise<{ rows: AuditRow[]; last: QueryDocumentSnapshot | null }> {
  const q = query(collection(db, COLLECTIONS.revealAudit), orderBy('at', 'desc'), ...(after ? [startAfter(after)] : []), limit(AUDIT_PAGE_SIZE));
  const snap = await guarded(() => getDocs(q));
  const rows = snap.docs.map((d) => {
    const data = d.data();
    return {
      ...(data as Omit<AuditRow, 'id' | 'at'>),
      id: d.id,
      at: (data.at as Timestamp | undefined)?.toDate() ?? new Date(0),
      trackingNos: (data.trackingNos as (string | null)[] | undefined) ?? [],
    };
  });
  return { rows, last: snap.size === AUDIT_PAGE_SIZE ? snap.docs[snap.docs.length - 1]! : null };
}

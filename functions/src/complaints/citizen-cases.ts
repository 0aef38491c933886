import { type Firestore, type QueryDocumentSnapshot, type Timestamp } from 'firebase-admin/firestore';
import { COLLECTIONS, isStatus, type Status } from '@banmae/domain';

/**
 * What a LINE message shows of a case: no personal data, and no note (a console edit can leave an old
 * note on the case; the timeline behind "รายละเอียด" shows each note with its own step).
 */
export interface CaseSummary {
  id: string;
  trackingNo: string | null;
  subject: string;
  status: Status;
  changedAt: Date;
}

function summarise(doc: QueryDocumentSnapshot): CaseSummary | null {
  const status: unknown = doc.get('status');
  if (!isStatus(status)) return null; // a hand-typed unknown status is staff's problem, not shown in chat
  const changed = (doc.get('updatedAt') ?? doc.get('createdAt')) as Timestamp | undefined;
  return {
    id: doc.id,
    trackingNo: (doc.get('trackingNo') as string | undefined) ?? null,
    subject: String(doc.get('subject')),
    status,
    changedAt: changed?.toDate() ?? new Date(),
  };
}

/** The newest `limit` cases of one citizen and how many they have in all. */
export async function newestCases(db: Firestore, owner: string, limit: number): Promise<{ cases: CaseSummary[]; total: number }> {
  const mine = db.collection(COLLECTIONS.complaints).where('owner', '==', owner);
  const [page, count] = await Promise.all([mine.orderBy('createdAt', 'desc').limit(limit).get(), mine.count().get()]);
  return { cases: page.docs.map(summarise).filter((c): c is CaseSummary => c !== null), total: count.data().count };
}

/** Firestore's `in` takes at most 30 values. */
const IN_VALUES_MAX = 30;

/**
 * Cases of this citizen with these tracking numbers; another citizen's number finds nothing. The caller
 * caps the list (and tells the citizen): dropping numbers here would report them as not found.
 */
export async function casesByTrackingNo(db: Firestore, owner: string, trackingNos: string[]): Promise<CaseSummary[]> {
  if (trackingNos.length === 0) return [];
  if (trackingNos.length > IN_VALUES_MAX) throw new RangeError(`at most ${IN_VALUES_MAX} tracking numbers per lookup, got ${trackingNos.length}`);
  const snap = await db.collection(COLLECTIONS.complaints).where('owner', '==', owner).where('trackingNo', 'in', trackingNos).get();
  return snap.docs.map(summarise).filter((c): c is CaseSummary => c !== null);
}

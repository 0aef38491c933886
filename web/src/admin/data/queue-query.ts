import {
  collection,
  getCount,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
  where,
  type QueryConstraint,
  type QueryDocumentSnapshot,
} from 'firebase/firestore/lite';
import { COLLECTIONS, DESK_LIMITS, STATUSES, type Status } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';
import { bangkokDayEnd, bangkokDayStart, type QueueFilters } from '../queue/queue-filters.ts';
import { toDeskCase, type DeskCase } from './desk-case.ts';

/**
 * The queue: one page of cases newest first (a page costs its own reads, however many cases exist:
 * a cursor, never an offset), and the count of each status as aggregation queries (one read per
 * 1,000 cases counted, no case read). Composite indexes: firestore.indexes.json.
 */
const cases = () => collection(db, COLLECTIONS.complaints);

function filterConstraints(f: QueueFilters, uid: string, withStatus: boolean): QueryConstraint[] {
  const out: QueryConstraint[] = [];
  if (withStatus && f.status) out.push(where('status', '==', f.status));
  if (f.category) out.push(where('category', '==', f.category));
  if (f.department) out.push(where('department', '==', f.department));
  if (f.kind) out.push(where('kind', '==', f.kind));
  if (f.mine) out.push(where('assigneeUid', '==', uid));
  if (f.from) out.push(where('createdAt', '>=', Timestamp.fromDate(bangkokDayStart(f.from))));
  if (f.to) out.push(where('createdAt', '<', Timestamp.fromDate(bangkokDayEnd(f.to))));
  return out;
}

export interface QueuePage {
  cases: DeskCase[];
  /** The cursor for "หน้าถัดไป": the last case of this page. */
  last: QueryDocumentSnapshot | null;
  full: boolean;
}

export async function fetchQueuePage(f: QueueFilters, uid: string, after: QueryDocumentSnapshot | null): Promise<QueuePage> {
  const q = query(
    cases(),
    ...filterConstraints(f, uid, true),
    orderBy('createdAt', 'desc'),
    ...(after ? [startAfter(after)] : []),
    limit(DESK_LIMITS.pageSize),
  );
  const snap = await guarded(() => getDocs(q));
  return { cases: snap.docs.map((d) => toDeskCase(d.id, d.data())), last: snap.docs.at(-1) ?? null, full: snap.size === DESK_LIMITS.pageSize };
}

/** How many cases of each status match the other filters. */
export async function fetchStatusCounts(f: QueueFilters, uid: string): Promise<Record<Status, number>> {
  const rest = filterConstraints(f, uid, false);
  const counts = await guarded(() => Promise.all(STATUSES.map((s) => getCount(query(cases(), where('status', '==', s), ...rest)))));
  return Object.fromEntries(STATUSES.map((s, i) => [s, counts[i]!.data().count])) as Record<Status, number>;
}

/** Exact tracking number, one query: the case ID, or null. */
export async function findByTrackingNo(trackingNo: string): Promise<string | null> {
  const snap = await guarded(() => getDocs(query(cases(), where('trackingNo', '==', trackingNo), limit(1))));
  return snap.docs[0]?.id ?? null;
}

import { average, collection, count, getAggregate, query, where } from 'firebase/firestore/lite';
import { COLLECTIONS, RATING_MIN } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';

export interface RatingSummary {
  rated: number;
  average: number | null;
}

/** Citizens' 1–5 ratings over all cases (decision 018): one aggregation query, no documents read. */
export async function fetchRatingSummary(): Promise<RatingSummary> {
  const rated = query(collection(db, COLLECTIONS.complaints), where('feedback.rating', '>=', RATING_MIN));
  const snap = await guarded(() => getAggregate(rated, { rated: count(), average: average('feedback.rating') }));
  const d = snap.data();
  return { rated: d.rated, average: d.average ?? null };
}

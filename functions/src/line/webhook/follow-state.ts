import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '@banmae/domain';

/**
 * Keeps lineUsers/{userId}.following as of the newest follow/unfollow event, judged by the event's
 * own timestamp: LINE can deliver an old unfollow after a newer follow, and the older must not win.
 * Returns false when the event was older than what is stored.
 */
export async function recordFollowState(db: Firestore, userId: string, following: boolean, eventTimestamp: number): Promise<boolean> {
  const ref = db.collection(COLLECTIONS.lineUsers).doc(userId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const known = snap.get('followEventAt') as number | undefined;
    if (known !== undefined && known > eventTimestamp) return false;
    tx.set(ref, { following, followEventAt: eventTimestamp, updatedAt: Timestamp.now() }, { merge: true });
    return true;
  });
}

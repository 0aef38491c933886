import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { CITIZEN_MOVES, COLLECTIONS } from '@banmae/domain';

/** Cases per run; an hourly run never meets more than a day's closings, and a backlog goes next hour. */
const PER_RUN = 200;

/**
 * A "done" case whose citizen stayed silent past the reopen window becomes confirmed (decision 018). A
 * stored status, not one worked out on read: the desk's filters and counts are plain equality queries,
 * the rules see it, and the step is on the timeline. Each case in its own transaction so a button pressed
 * at the same moment wins or loses cleanly; the trigger writes the step, and pushes nothing.
 */
export async function confirmSilentCases(db: Firestore, now = new Date()): Promise<number> {
  const due = await db
    .collection(COLLECTIONS.complaints)
    .where('status', '==', CITIZEN_MOVES.confirm.from[0])
    .where('feedback.windowEndsAt', '<=', Timestamp.fromDate(now))
    .limit(PER_RUN)
    .get();
  let confirmed = 0;
  for (const doc of due.docs) {
    const done = await db.runTransaction(async (tx) => {
      const snap = await tx.get(doc.ref);
      const ends = snap.get('feedback.windowEndsAt') as Timestamp | undefined;
      if (snap.get('status') !== 'done' || snap.get('feedback.answer') != null || !ends || ends.toMillis() > now.getTime()) return false;
      tx.update(doc.ref, { status: CITIZEN_MOVES.confirm.to, 'feedback.confirmedBy': 'window' });
      return true;
    });
    if (done) confirmed++;
  }
  return confirmed;
}

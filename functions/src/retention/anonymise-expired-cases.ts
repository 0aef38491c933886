import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { COLLECTIONS, privateReporterPath } from '@banmae/domain';

/** Where the owner was: the case stays for statistics but no longer belongs to anyone. */
export const ANONYMISED_OWNER = 'anonymised';
const ANONYMISED_SUBJECT = '(ลบข้อมูลตามระยะเวลาเก็บรักษา)';
/** Cases per run (two writes each, within a batch's 500); a backlog is worked off over the following days. */
const BATCH = 200;

/**
 * The retention promised in the privacy notice (PDPA s.37(3)): a case closed more than
 * `retentionDays` ago loses everything that identifies a person (the private reporter document with the
 * exact location, the free text, staff's internal notes, the LINE delivery records, the LINE userId)
 * and keeps what statistics need (kind, category, status, dates, tracking number, timeline). Returns
 * how many cases were anonymised.
 */
export async function anonymiseExpiredCases(db: Firestore, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = Timestamp.fromMillis(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  const expired = await db.collection(COLLECTIONS.complaints).where('closedAt', '<', cutoff).limit(BATCH).get();
  const batch = db.batch();
  for (const doc of expired.docs) {
    batch.update(doc.ref, {
      owner: ANONYMISED_OWNER,
      // Cases filed before the private document existed (docs/decisions/007) kept these on the case.
      reporter: FieldValue.delete(),
      location: FieldValue.delete(),
      hasLocation: false,
      subject: ANONYMISED_SUBJECT,
      details: FieldValue.delete(),
      closedAt: FieldValue.delete(), // out of the next run's query
      anonymisedAt: FieldValue.serverTimestamp(),
    });
    batch.delete(db.doc(privateReporterPath(doc.id)));
  }
  // Internal notes are free text staff wrote about the person and the place, and the delivery records
  // hold LINE's raw errors and request IDs about their LINE account: they go too, before the case
  // leaves this query (the batch clears closedAt), so a failure leaves the case to the next run. No
  // message of an anonymised case is ever resent (resendMessage refuses it).
  for (const doc of expired.docs) {
    await db.recursiveDelete(doc.ref.collection(COLLECTIONS.notes));
    await db.recursiveDelete(doc.ref.collection(COLLECTIONS.deliveries));
  }
  if (!expired.empty) await batch.commit();
  logger.info('retention: cases anonymised', { count: expired.size, retentionDays });
  return expired.size;
}

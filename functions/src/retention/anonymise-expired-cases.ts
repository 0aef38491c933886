import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { COLLECTIONS } from '@banmae/domain';

/** Where the owner was: the case stays for statistics but no longer belongs to anyone. */
export const ANONYMISED_OWNER = 'anonymised';
const ANONYMISED_SUBJECT = '(ลบข้อมูลตามระยะเวลาเก็บรักษา)';
/** One batch of writes; a backlog is worked off over the following days. */
const BATCH = 400;

/**
 * The retention promised in the privacy notice (PDPA s.37(3)): a case closed more than
 * `retentionDays` ago loses everything that identifies a person (reporter, location, free text, the
 * LINE userId) and keeps what statistics need (kind, category, status, dates, tracking number,
 * timeline). Returns how many cases were anonymised.
 */
export async function anonymiseExpiredCases(db: Firestore, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = Timestamp.fromMillis(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  const expired = await db.collection(COLLECTIONS.complaints).where('closedAt', '<', cutoff).limit(BATCH).get();
  const batch = db.batch();
  for (const doc of expired.docs) {
    batch.update(doc.ref, {
      owner: ANONYMISED_OWNER,
      reporter: FieldValue.delete(),
      location: FieldValue.delete(),
      subject: ANONYMISED_SUBJECT,
      details: FieldValue.delete(),
      closedAt: FieldValue.delete(), // out of the next run's query
      anonymisedAt: FieldValue.serverTimestamp(),
    });
  }
  if (!expired.empty) await batch.commit();
  logger.info('retention: cases anonymised', { count: expired.size, retentionDays });
  return expired.size;
}

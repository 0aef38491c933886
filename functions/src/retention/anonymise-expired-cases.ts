import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { getAuth } from 'firebase-admin/auth';
import * as logger from 'firebase-functions/logger';
import { ADDITIONS_COLLECTION, COLLECTIONS, privateReporterPath } from '@banmae/domain';
import { app } from '../firebase-admin.js';

/** Where the owner was: the case stays for statistics but no longer belongs to anyone. */
export const ANONYMISED_OWNER = 'anonymised';
const ANONYMISED_SUBJECT = '(ลบข้อมูลตามระยะเวลาเก็บรักษา)';
/** Cases per run; a backlog is worked off over the following days. */
const BATCH = 100;

/**
 * Every place a citizen's personal data (or a staff member's identity tied to the case) can live, and
 * what retention does with it (docs/data-model.md "Where personal data lives"; the retention test
 * builds a case with each of them):
 * - the case: owner (LINE userId), subject, details, statusNote, assigneeUid, editId, receiptByReply,
 *   and the reporter and location of cases older than decision 007: blanked or deleted;
 * - private/reporter (name, national ID, phone, email, exact location): deleted;
 * - photos (the citizen's and staff's "after" photos: faces, number plates, houses): deleted;
 * - timeline: each step's note (staff's public text to the citizen): blanked, the steps stay;
 * - additions (what the citizen added, decision 018) and cancelReason: deleted;
 * - deliveries (LINE's errors and request IDs about the citizen's account), notes (staff's internal
 *   text), audit (which clerk did what): deleted;
 * - once the citizen has no case left that is not anonymised: lineUsers/{userId} (follow state),
 *   filingCounters/{userId}, and their Firebase Auth account (uid = LINE userId): deleted.
 * Elsewhere by design: rateLimits (hashed key, TTL 2 days), processedEvents (no user, TTL 7 days),
 * problems and revealAudit (case IDs and staff, never the citizen's data).
 */
export async function anonymiseExpiredCases(db: Firestore, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = Timestamp.fromMillis(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  const expired = await db.collection(COLLECTIONS.complaints).where('closedAt', '<', cutoff).limit(BATCH).get();
  const owners = new Set<string>();
  for (const doc of expired.docs) {
    owners.add(String(doc.get('owner')));
    await anonymiseCase(db, doc);
  }
  for (const owner of owners) await forgetCitizenIfDone(db, owner);
  logger.info('retention: cases anonymised', { count: expired.size, citizens: owners.size, retentionDays });
  return expired.size;
}

async function anonymiseCase(db: Firestore, doc: DocumentSnapshot): Promise<void> {
  // Subcollections first, while the case still matches the query (the last write clears closedAt), so a
  // failure part-way leaves the case to the next run.
  await db.recursiveDelete(doc.ref.collection(COLLECTIONS.notes));
  await db.recursiveDelete(doc.ref.collection(ADDITIONS_COLLECTION)); // the citizen's added text (decision 018)
  await db.recursiveDelete(doc.ref.collection(COLLECTIONS.deliveries));
  await db.recursiveDelete(doc.ref.collection(COLLECTIONS.audit));
  await db.recursiveDelete(doc.ref.collection(COLLECTIONS.photos));
  const batch = db.batch();
  for (const step of (await doc.ref.collection(COLLECTIONS.timeline).get()).docs) {
    if (step.get('note') !== null) batch.update(step.ref, { note: null });
  }
  batch.delete(db.doc(privateReporterPath(doc.id)));
  batch.update(doc.ref, {
    owner: ANONYMISED_OWNER,
    subject: ANONYMISED_SUBJECT,
    details: FieldValue.delete(),
    statusNote: FieldValue.delete(),
    cancelReason: FieldValue.delete(),
    assigneeUid: FieldValue.delete(),
    editId: FieldValue.delete(),
    receiptByReply: FieldValue.delete(),
    hasLocation: false,
    // Cases filed before the private document existed (docs/decisions/007) kept these on the case.
    reporter: FieldValue.delete(),
    location: FieldValue.delete(),
    // The desk's fields before decision 011 named the clerk on the case.
    statusBy: FieldValue.delete(),
    updatedBy: FieldValue.delete(),
    closedAt: FieldValue.delete(), // out of the next run's query
    anonymisedAt: FieldValue.serverTimestamp(),
  });
  await batch.commit();
}

/** A citizen with no case left that names them is forgotten: follow state, filing counter, sign-in account. */
async function forgetCitizenIfDone(db: Firestore, owner: string): Promise<void> {
  if (owner === ANONYMISED_OWNER) return;
  const remaining = await db.collection(COLLECTIONS.complaints).where('owner', '==', owner).limit(1).get();
  if (!remaining.empty) return;
  await db.collection(COLLECTIONS.lineUsers).doc(owner).delete();
  await db.collection(COLLECTIONS.filingCounters).doc(owner).delete();
  await getAuth(app)
    .deleteUser(owner)
    .catch((err: { code?: string }) => {
      if (err.code !== 'auth/user-not-found') throw err;
    });
}

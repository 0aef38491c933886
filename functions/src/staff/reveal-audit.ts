import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { COLLECTIONS, DESK_MESSAGES, type RevealAuditEntry } from '@banmae/domain';

export type AuditWrite = Omit<RevealAuditEntry, 'at'> & { trackingNos: (string | null)[] };
export type WriteRevealAudit = (db: Firestore, entry: AuditWrite) => Promise<string>;

/**
 * Appends one entry to revealAudit/ (admins read it, nobody writes it through the rules) and returns
 * its ID. Callers await this before they read or return any personal data: a reveal that cannot be
 * recorded does not happen (PDPA s.37: accountability for access).
 */
export const writeRevealAudit: WriteRevealAudit = async (db, entry) => {
  const ref = db.collection(COLLECTIONS.revealAudit).doc();
  await ref.create({ ...entry, at: FieldValue.serverTimestamp() });
  return ref.id;
};

/**
 * Writes the audit entry or refuses the whole request: the only way the staff functions record an
 * access. The log line names the kind and the clerk, never a value.
 */
export async function auditOrRefuse(db: Firestore, writeAudit: WriteRevealAudit, entry: AuditWrite): Promise<string> {
  try {
    const auditId = await writeAudit(db, entry);
    logger.info('personal data access recorded', { auditId, kind: entry.kind, staffUid: entry.staffUid, cases: entry.caseIds.length, reason: entry.reason });
    return auditId;
  } catch (err) {
    logger.error('personal data access refused: the audit entry could not be written', { kind: entry.kind, staffUid: entry.staffUid, error: String(err) });
    throw new HttpsError('unavailable', DESK_MESSAGES.auditFailed);
  }
}

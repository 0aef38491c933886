import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, type RevealAuditEntry } from '@banmae/domain';

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

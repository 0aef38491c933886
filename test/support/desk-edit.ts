import { doc, serverTimestamp, writeBatch, type Firestore } from 'firebase/firestore';
import { deskEditRecord } from '@banmae/domain';

let edits = 0;
/** A new edit ID in the shape of a Firestore auto-ID (the rules accept no other). */
export const newEditId = () => `edit${String(++edits).padStart(16, '0')}`;

/** What a test may spoil in a desk edit, to show the rules refuse it. */
export interface EditTampering {
  /** Fields merged into the case update (deleteField() removes one the desk would write). */
  caseOver?: Record<string, unknown>;
  /** The audit entry as written, or null to write none. */
  audit?: (entry: Record<string, unknown>) => Record<string, unknown> | null;
  /** Where the audit entry goes, if not under the case's new editId. */
  auditId?: string;
}

/**
 * A desk edit as the desk writes it (web/src/admin/data/case-writes.ts): the case change stamped with
 * the server's time and a new edit ID and, in the same batch, the audit entry of that ID naming the
 * clerk and what changed, computed from `before` (the case as the test seeded it).
 */
export function deskEdit(
  db: Firestore,
  caseId: string,
  uid: string,
  before: Record<string, unknown>,
  change: Record<string, unknown>,
  tamper: EditTampering = {},
): Promise<void> {
  const editId = newEditId();
  const entry = { by: uid, at: serverTimestamp(), ...deskEditRecord(before, change) };
  const audit = tamper.audit ? tamper.audit(entry) : entry;
  const batch = writeBatch(db);
  batch.update(doc(db, 'complaints', caseId), { ...change, editId, updatedAt: serverTimestamp(), ...tamper.caseOver });
  if (audit) batch.set(doc(db, 'complaints', caseId, 'audit', tamper.auditId ?? editId), audit);
  return batch.commit();
}

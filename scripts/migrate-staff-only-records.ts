import { FieldValue, type DocumentSnapshot, type Firestore, type WriteBatch } from 'firebase-admin/firestore';
import { COLLECTIONS, deliveryPath, type CaseAuditEntry } from '@banmae/domain';
import { casePages } from './case-pages.ts';

/**
 * Migration for docs/decisions/011: what the citizen can read (the case, its timeline) no longer holds
 * staff-only records.
 * - The case loses `statusBy` and `updatedBy` (clerks' uids). The trigger of the time had already
 *   written each status change's uid to the audit; `updatedBy` of a last edit that was not a status
 *   change was nowhere else, so it goes to the audit entry `pre-011-last-edit` first.
 * - Each timeline entry's `delivery` moves to complaints/{id}/deliveries/{entryId}.
 * Idempotent (an existing delivery record or audit entry is never overwritten) and resumable.
 */
const PAGE = 100;
/** The audit entry keeping a case's `updatedBy`, one per case. */
export const LAST_EDIT_AUDIT_ID = 'pre-011-last-edit';
const STAFF_FIELDS_ON_CASE = ['statusBy', 'updatedBy'] as const;

export interface StaffOnlyMigration {
  /** Cases that named a clerk. */
  cases: number;
  /** Timeline entries whose delivery record moved. */
  deliveries: number;
}

async function cleanCase(batch: WriteBatch, doc: DocumentSnapshot): Promise<boolean> {
  if (!STAFF_FIELDS_ON_CASE.some((f) => doc.get(f) !== undefined)) return false;
  const updatedBy: unknown = doc.get('updatedBy');
  if (typeof updatedBy === 'string') {
    const audit = doc.ref.collection(COLLECTIONS.audit).doc(LAST_EDIT_AUDIT_ID);
    const at: unknown = doc.get('updatedAt');
    const kind: CaseAuditEntry['kind'] = 'last_edit_before_011';
    if (!(await audit.get()).exists) batch.create(audit, { kind, by: updatedBy, at: at ?? null });
  }
  batch.update(doc.ref, { statusBy: FieldValue.delete(), updatedBy: FieldValue.delete() });
  return true;
}

async function moveDeliveries(db: Firestore, batch: WriteBatch, doc: DocumentSnapshot): Promise<number> {
  const entries = (await doc.ref.collection(COLLECTIONS.timeline).get()).docs.filter((e) => e.get('delivery') !== undefined);
  for (const entry of entries) {
    const record = db.doc(deliveryPath(doc.id, entry.id));
    if (!(await record.get()).exists) batch.create(record, entry.get('delivery') as Record<string, unknown>);
    batch.update(entry.ref, { delivery: FieldValue.delete() });
  }
  return entries.length;
}

export async function migrateStaffOnlyRecords(db: Firestore, opts: { dryRun?: boolean } = {}): Promise<StaffOnlyMigration> {
  const done: StaffOnlyMigration = { cases: 0, deliveries: 0 };
  for await (const docs of casePages(db, PAGE)) {
    // One batch per case: a case's timeline is a few entries, two writes each, far within a batch's 500.
    for (const doc of docs) {
      const batch = db.batch();
      const cleaned = await cleanCase(batch, doc);
      const moved = await moveDeliveries(db, batch, doc);
      if (cleaned) done.cases++;
      done.deliveries += moved;
      if ((cleaned || moved > 0) && !opts.dryRun) await batch.commit();
    }
  }
  return done;
}

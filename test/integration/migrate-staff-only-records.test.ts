import { beforeEach, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { deliveryPath } from '@banmae/domain';
import { LAST_EDIT_AUDIT_ID, migrateStaffOnlyRecords } from '../../scripts/migrate-staff-only-records.ts';
import { adminDb } from '../support/admin.ts';
import { complaintFields } from '../support/fixtures.ts';
import { clearFirestore, lineUserId } from '../support/stack.ts';

beforeEach(() => clearFirestore());

const CLERK = 'staff-uid-assigner';
const sent = { state: 'sent', attempts: 1, lastError: null, retryKey: '0b7c1a52-3f7e-5c1d-9a4e-2f6b8d0c1e3a', requestId: 'req-line-1' };
const failed = { state: 'failed', attempts: 1, lastError: '400 refused by LINE', retryKey: '1c8d2b63-4a8f-5d2e-8b5f-3a7c9e1d2f4b' };

/** A case as the database held it before decision 011: clerks' uids on it, deliveries in the timeline. */
async function oldShapeCase() {
  const ref = adminDb.collection('complaints').doc();
  const at = Timestamp.now();
  await ref.set({
    ...complaintFields(lineUserId()),
    status: 'accepted',
    statusBy: 'staff-uid-mover',
    updatedBy: CLERK,
    updatedAt: at,
    createdAt: at,
    trackingNo: 'BM-2569-00001', // numbered already: the trigger leaves it alone
  });
  await ref.collection('audit').doc('evt-accepted').set({ status: 'accepted', from: 'received', by: 'staff-uid-mover', at });
  await ref.collection('timeline').doc('evt-received').set({ status: 'received', note: null, at, by: 'system', delivery: sent });
  await ref.collection('timeline').doc('evt-accepted').set({ status: 'accepted', note: null, at, by: 'staff', delivery: failed });
  return ref;
}

describe('migrating to staff-only records (decision 011)', () => {
  it('takes clerks off the case and deliveries out of the timeline, keeps both for staff, and is idempotent', async () => {
    const ref = await oldShapeCase();

    expect(await migrateStaffOnlyRecords(adminDb, { dryRun: true })).toEqual({ cases: 1, deliveries: 2 });
    expect((await ref.get()).get('statusBy')).toBe('staff-uid-mover'); // a dry run writes nothing
    expect((await adminDb.doc(deliveryPath(ref.id, 'evt-received')).get()).exists).toBe(false);

    expect(await migrateStaffOnlyRecords(adminDb)).toEqual({ cases: 1, deliveries: 2 });
    const c = (await ref.get()).data()!;
    expect(c.statusBy).toBeUndefined();
    expect(c.updatedBy).toBeUndefined();
    expect(c).toMatchObject({ status: 'accepted', trackingNo: 'BM-2569-00001' });
    expect(JSON.stringify(c)).not.toContain('staff-uid');
    // The uid of the last edit was only on the case: it is in the audit now.
    expect((await ref.collection('audit').doc(LAST_EDIT_AUDIT_ID).get()).data()).toMatchObject({ kind: 'last_edit_before_011', by: CLERK });

    for (const e of (await ref.collection('timeline').get()).docs) {
      expect(e.get('delivery')).toBeUndefined();
      expect(Object.keys(e.data()).sort()).toEqual(['at', 'by', 'note', 'status']);
    }
    expect((await adminDb.doc(deliveryPath(ref.id, 'evt-received')).get()).data()).toEqual(sent);
    expect((await adminDb.doc(deliveryPath(ref.id, 'evt-accepted')).get()).data()).toEqual(failed);

    expect(await migrateStaffOnlyRecords(adminDb)).toEqual({ cases: 0, deliveries: 0 });
  });

  it('never overwrites a delivery record or the last-edit audit entry that already exist', async () => {
    const ref = await oldShapeCase();
    const newer = { ...failed, state: 'sent', attempts: 2, lastError: null };
    await adminDb.doc(deliveryPath(ref.id, 'evt-accepted')).set(newer);
    await ref.collection('audit').doc(LAST_EDIT_AUDIT_ID).set({ kind: 'last_edit_before_011', by: 'staff-uid-first-run', at: null });

    await migrateStaffOnlyRecords(adminDb);
    expect((await adminDb.doc(deliveryPath(ref.id, 'evt-accepted')).get()).data()).toEqual(newer);
    expect((await ref.collection('audit').doc(LAST_EDIT_AUDIT_ID).get()).get('by')).toBe('staff-uid-first-run');
    expect((await ref.collection('timeline').doc('evt-accepted').get()).get('delivery')).toBeUndefined();
    expect((await ref.get()).get('updatedBy')).toBeUndefined();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { privateReporterPath } from '@banmae/domain';
import { migratePrivateReporter } from '../../scripts/migrate-private-reporter.ts';
import { adminDb } from '../support/admin.ts';
import { complaintFields, reporterFields } from '../support/fixtures.ts';
import { clearFirestore, lineUserId } from '../support/stack.ts';

beforeEach(() => clearFirestore());

/** A case as the database held it before the private document existed. */
async function oldShapeCase(owner: string, withLocation: boolean) {
  const fields = complaintFields(owner);
  delete fields.hasLocation;
  const reporter = reporterFields(owner);
  delete reporter.owner;
  const ref = adminDb.collection('complaints').doc();
  await ref.set({
    ...fields,
    reporter,
    ...(withLocation ? { location: { geo: new GeoPoint(18.62, 98.89), accuracyM: 20 } } : {}),
    createdAt: Timestamp.now(),
    trackingNo: 'BM-2569-00001',
  });
  return ref;
}

describe('migrating cases to the private reporter document', () => {
  it('moves reporter and location out of the case, sets hasLocation, and is idempotent', async () => {
    const owner = lineUserId();
    const withLoc = await oldShapeCase(owner, true);
    const without = await oldShapeCase(owner, false);

    expect(await migratePrivateReporter(adminDb, { dryRun: true })).toEqual({ moved: 2, skipped: 0 });
    expect((await withLoc.get()).get('reporter')).toBeDefined(); // a dry run writes nothing

    expect(await migratePrivateReporter(adminDb)).toEqual({ moved: 2, skipped: 0 });
    const moved = (await withLoc.get()).data()!;
    expect(moved.reporter).toBeUndefined();
    expect(moved.location).toBeUndefined();
    expect(moved.hasLocation).toBe(true);
    expect(moved.trackingNo).toBe('BM-2569-00001');
    const priv = (await adminDb.doc(privateReporterPath(withLoc.id)).get()).data()!;
    expect(priv).toMatchObject({ owner, name: 'สมชาย ใจดี', phone: '0812345678' });
    expect((priv.location as { geo: GeoPoint }).geo.latitude).toBe(18.62);
    expect((await without.get()).get('hasLocation')).toBe(false);
    expect((await adminDb.doc(privateReporterPath(without.id)).get()).get('location')).toBeUndefined();

    expect(await migratePrivateReporter(adminDb)).toEqual({ moved: 0, skipped: 2 });
  });

  it('never overwrites a private document that already exists', async () => {
    const owner = lineUserId();
    const ref = await oldShapeCase(owner, false);
    await adminDb.doc(privateReporterPath(ref.id)).set(reporterFields(owner, { phone: '0899999999' }));
    await migratePrivateReporter(adminDb);
    expect((await adminDb.doc(privateReporterPath(ref.id)).get()).get('phone')).toBe('0899999999');
    expect((await ref.get()).get('reporter')).toBeUndefined();
  });
});

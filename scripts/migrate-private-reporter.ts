import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, privateReporterPath } from '@banmae/domain';

/**
 * One-off migration for a database filled before docs/decisions/007: moves `reporter` and `location`
 * from each case into complaints/{id}/private/reporter and sets `hasLocation`. Idempotent (a case
 * without `reporter` is done; an existing private document is never overwritten) and resumable.
 * A step of `npm run migrate` (scripts/migrate.ts).
 */
const PAGE = 200; // two writes per case, inside a batch's 500

export async function migratePrivateReporter(db: Firestore, opts: { dryRun?: boolean } = {}): Promise<{ moved: number; skipped: number }> {
  let moved = 0;
  let skipped = 0;
  let last: string | undefined;
  for (;;) {
    let page = db.collection(COLLECTIONS.complaints).orderBy('__name__').limit(PAGE);
    if (last) page = page.startAfter(last);
    const snap = await page.get();
    if (snap.empty) break;
    last = snap.docs[snap.docs.length - 1]!.id;
    const batch = db.batch();
    let writes = 0;
    for (const doc of snap.docs) {
      const reporter = doc.get('reporter') as Record<string, unknown> | undefined;
      if (!reporter) {
        skipped++;
        continue;
      }
      const location = doc.get('location') as Record<string, unknown> | undefined;
      const privateRef = db.doc(privateReporterPath(doc.id));
      if (!(await privateRef.get()).exists) {
        batch.create(privateRef, { owner: doc.get('owner') as string, ...reporter, ...(location ? { location } : {}) });
      }
      batch.update(doc.ref, { reporter: FieldValue.delete(), location: FieldValue.delete(), hasLocation: Boolean(location) });
      writes++;
      moved++;
    }
    if (writes > 0 && !opts.dryRun) await batch.commit();
  }
  return { moved, skipped };
}

import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { privateReporterPath } from '@banmae/domain';
import { casePages } from './case-pages.ts';

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
  for await (const docs of casePages(db, PAGE)) {
    const batch = db.batch();
    let writes = 0;
    for (const doc of docs) {
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

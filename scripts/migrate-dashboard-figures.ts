import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '@banmae/domain';
import { syncCaseFigures } from '../functions/src/reports/case-figures-sync.ts';
import { casePages } from './case-pages.ts';

/**
 * Migration for docs/decisions/017: the dashboard reads month counters (stats/{YYYY-MM}) that the
 * functions keep from the day they are deployed. Cases filed before that are counted here, each once:
 * a case with its caseFigures document is already counted (by the functions or an earlier run) and
 * left alone; for the others, when the citizen first got a LINE message is read from its delivery
 * records, then the functions' own transactional sync counts the case, so a trigger running at the
 * same moment cannot count it twice. Idempotent and resumable.
 */
const PAGE = 100;

/** The earliest `settledAt` of the case's sent messages: when the citizen first heard back. */
async function firstDelivered(db: Firestore, caseId: string): Promise<Timestamp | null> {
  const sent = await db.collection(COLLECTIONS.complaints).doc(caseId).collection(COLLECTIONS.deliveries).where('state', '==', 'sent').get();
  const times = sent.docs.map((d) => d.get('settledAt') as unknown).filter((t): t is Timestamp => t instanceof Timestamp);
  return times.reduce<Timestamp | null>((min, t) => (!min || t.toMillis() < min.toMillis() ? t : min), null);
}

export async function migrateDashboardFigures(db: Firestore, opts: { dryRun?: boolean } = {}): Promise<{ counted: number; already: number }> {
  const done = { counted: 0, already: 0 };
  for await (const docs of casePages(db, PAGE)) {
    const figures = await db.getAll(...docs.map((d) => db.collection(COLLECTIONS.caseFigures).doc(d.id)));
    for (const [i, doc] of docs.entries()) {
      if (figures[i]!.get('counted') !== undefined) {
        done.already++;
        continue;
      }
      done.counted++;
      if (opts.dryRun) continue;
      const at = await firstDelivered(db, doc.id);
      if (at) await db.collection(COLLECTIONS.caseFigures).doc(doc.id).set({ firstDeliveredAt: at }, { merge: true });
      await syncCaseFigures(db, doc.id);
    }
  }
  return done;
}

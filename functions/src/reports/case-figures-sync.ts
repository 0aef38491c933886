import { FieldValue, Timestamp, type DocumentReference, type Firestore, type Transaction } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { caseFigures, COLLECTIONS, monthKeyOf, statsIncrements, type CaseFigures } from '@banmae/domain';
import { monthStatsWrite } from './month-stats-write.js';

/**
 * caseFigures/{caseId}: `counted`, what the case adds to stats/ now, and `firstDeliveredAt`, when the
 * citizen first got a LINE message (set with the delivery's own `sent`). Server-only (decision 017).
 */
interface FiguresDoc {
  counted?: CaseFigures | null;
  firstDeliveredAt?: Timestamp | null;
}

const toDate = (v: unknown): Date | null => (v instanceof Timestamp ? v.toDate() : null);

/**
 * Brings a case's contribution to the dashboard's month counters up to date, in one transaction with
 * the case as it is now: whatever order the triggers run in, and however often, the counters end up
 * counting the case once, in its current status (decision 017).
 */
const ratingOf = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? v : null);

export async function syncCaseFigures(db: Firestore, caseId: string): Promise<void> {
  const caseRef = db.collection(COLLECTIONS.complaints).doc(caseId);
  const figRef = db.collection(COLLECTIONS.caseFigures).doc(caseId);
  await db.runTransaction(async (tx) => {
    const [c, f] = await tx.getAll(caseRef, figRef);
    const stored = (f!.data() ?? {}) as FiguresDoc;
    const createdAt = toDate(c!.get('createdAt'));
    const next =
      c!.exists && createdAt
        ? caseFigures({
            createdAt,
            status: String(c!.get('status')),
            category: String(c!.get('category')),
            kind: String(c!.get('kind')),
            closedAt: toDate(c!.get('closedAt')),
            firstDeliveredAt: toDate(stored.firstDeliveredAt),
            rating: ratingOf(c!.get('feedback.rating')),
          })
        : null;
    const changes = statsIncrements(stored.counted ?? null, next);
    if (changes.size === 0) return;
    for (const [month, inc] of changes) {
      tx.set(db.collection(COLLECTIONS.stats).doc(month), monthStatsWrite(month, inc), { merge: true });
    }
    tx.set(figRef, { counted: next }, { merge: true });
  });
}

/** The trigger's and sweeper's call: a counter that lags is put right by the case's next sync. */
export async function syncCaseFiguresLogged(db: Firestore, caseId: string): Promise<void> {
  try {
    await syncCaseFigures(db, caseId);
  } catch (err) {
    logger.error('dashboard figures not updated', { caseId, error: String(err) });
  }
}

export interface DeliveredReads {
  apply: () => void;
}

/**
 * Inside the transaction that marks a delivery `sent`: reads first (Firestore transactions read before
 * they write), then `apply()` records when the citizen first heard back and, for a push, counts it in
 * this Bangkok month's messageUsage as a receipt or a status message (the quota card on the desk).
 */
export async function readForDelivered(tx: Transaction, deliveryRef: DocumentReference, via: 'push' | 'reply', at: Date): Promise<DeliveredReads> {
  const caseRef = deliveryRef.parent.parent!;
  const figRef = caseRef.firestore.collection(COLLECTIONS.caseFigures).doc(caseRef.id);
  const entryRef = caseRef.collection(COLLECTIONS.timeline).doc(deliveryRef.id);
  const [fig, entry] = await tx.getAll(figRef, entryRef);
  return {
    apply: () => {
      if (!toDate(fig!.get('firstDeliveredAt'))) tx.set(figRef, { firstDeliveredAt: Timestamp.fromDate(at) }, { merge: true });
      if (via !== 'push') return;
      const kind = entry!.get('by') === 'system' ? 'receipt' : 'status';
      const month = monthKeyOf(at);
      tx.set(caseRef.firestore.collection(COLLECTIONS.messageUsage).doc(month), { month, [kind]: FieldValue.increment(1) }, { merge: true });
    },
  };
}

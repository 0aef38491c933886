import { createHash } from 'node:crypto';
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { bangkokDateKey, COLLECTIONS } from '@banmae/domain';

/** Kept two days, then deleted by the TTL policy on rateLimits.expireAt (firestore.indexes.json). */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Counts a receipt push against the citizen's daily allowance (config limits.receiptPushesPerDay) and
 * says whether it may go out. Receipts are the only pushes a citizen can cause; status messages follow
 * staff's work. The document is named by a hash of the LINE user ID and the Bangkok date, never the ID.
 */
export async function takeReceiptPush(db: Firestore, userId: string, perDay: number, now = new Date()): Promise<boolean> {
  const day = bangkokDateKey(now);
  const key = createHash('sha256').update(`receipt-push:${userId}`).digest('hex').slice(0, 32);
  const ref = db.collection(COLLECTIONS.rateLimits).doc(`receipts-${key}-${day}`);
  return db.runTransaction(async (tx) => {
    const used = ((await tx.get(ref)).get('count') as number | undefined) ?? 0;
    if (used >= perDay) return false;
    tx.set(ref, { count: used + 1, expireAt: Timestamp.fromMillis(now.getTime() + KEEP_MS) });
    return true;
  });
}

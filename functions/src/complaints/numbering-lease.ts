import { Timestamp, type DocumentReference, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '@banmae/domain';

/**
 * Who numbers the waiting cases now (docs/decisions/013): counters/numberingLease, held by one trigger
 * run at a time so that a burst of filings does not start a transaction each on the same documents
 * (they would abort one another, and the emulator resolves each such deadlock only by a 2 s lock
 * timeout). The lease is about efficiency only: the numbering transaction is what keeps numbers unique
 * and gap-free, should two runs ever hold it at once (a holder that outlived its expiry).
 */
export const LEASE_MS = 30_000;
const LEASE_ID = 'numberingLease';

export interface Lease {
  /** Until when this run may count on being the only numberer. */
  expiresAt: number;
  ref: DocumentReference;
  writeTime: Timestamp;
}

export function leaseRefOf(db: Firestore): DocumentReference {
  return db.collection(COLLECTIONS.counters).doc(LEASE_ID);
}

/** gRPC codes of a write whose precondition lost to another run: NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION. */
const LOST_RACE = new Set([5, 6, 9]);
const lostRace = (err: unknown) => LOST_RACE.has((err as { code?: unknown } | null)?.code as number);

/**
 * Takes the lease if nobody holds it or its holder's time ran out (`current`: the lease as just read).
 * Null when another run holds it. One write with a precondition, no transaction: a burst of runs
 * reading it cost nothing, and only the free moments see a few creates race (one wins).
 */
export async function takeLease(db: Firestore, current: DocumentSnapshot): Promise<Lease | null> {
  const ref = leaseRefOf(db);
  const expiresAt = Date.now() + LEASE_MS;
  const data = { expireAt: Timestamp.fromMillis(expiresAt) };
  try {
    if (!current.exists) return { ref, expiresAt, writeTime: (await ref.create(data)).writeTime };
    if ((current.get('expireAt') as Timestamp).toMillis() > Date.now()) return null;
    return { ref, expiresAt, writeTime: (await ref.update(data, { lastUpdateTime: current.updateTime! })).writeTime };
  } catch (err) {
    if (lostRace(err)) return null;
    throw err;
  }
}

/** Gives the lease back, unless it expired and another run took it over meanwhile. */
export async function releaseLease(lease: Lease): Promise<void> {
  await lease.ref.delete({ lastUpdateTime: lease.writeTime }).catch((err: unknown) => {
    if (!lostRace(err)) throw err;
  });
}

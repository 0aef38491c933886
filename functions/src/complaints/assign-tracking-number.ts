import { FieldValue, Timestamp, type DocumentReference, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { buddhistYearInBangkok, COLLECTIONS, formatTrackingNo, INITIAL_STATUS, trackingCounterId, type Delivery, type TimelineEntry } from '@banmae/domain';
import { deliveryRefFor, pendingDelivery } from '../delivery/delivery-record.js';
import { DELIVERY_SCHEDULE } from '../delivery/delivery-schedule.js';
import { RECEIPT_REPLY_HOLD_MS } from './receipt-reply.js';
import { LEASE_MS, leaseRefOf, releaseLease, takeLease, type Lease } from './numbering-lease.js';

export interface Assigned {
  trackingNo: string;
  /** The receipt's delivery record (the first timeline entry's). */
  deliveryRef: DocumentReference;
  /** False when an earlier run of the trigger had already numbered the case. */
  fresh: boolean;
  /** How many cases this run's transactions numbered, its own and others waiting (0: another run numbered it). */
  numbered: number;
  /** How many of this run's transactions wrote the year's counter: what a burst queues on. */
  counterWrites: number;
}

/**
 * numbering/{caseId}: a new case waiting for its number (docs/decisions/013). Server-only; deleted in
 * the transaction that numbers the case.
 */
interface Waiting {
  /** The case's createdAt: waiting cases are numbered oldest first. */
  createdAt: Timestamp;
  /** ID of the case's first timeline entry: its created trigger's event ID (decision 003). */
  entryId: string;
}

/**
 * How many waiting cases one transaction takes besides its own. Each costs four writes (case, timeline
 * entry, delivery record, waiting doc) and two reads: 100 keeps a commit near 400 writes, and a burst of
 * 300 within a handful of commits.
 */
export const NUMBERING_PAGE = 100;

/**
 * A run waiting while another holds the lease checks its case (and the lease) this often, backing off
 * and spread out: two reads a time, and in a burst hundreds of runs do it at once.
 */
const FIRST_POLL_MS = 400;
const MAX_POLL_MS = 1500;
/** Longer than a crashed holder's lease (30 s): past it the trigger fails, left to the platform's retry. */
const WAIT_LIMIT_MS = 45_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const receiptRef = (caseRef: DocumentReference, entryId: string) => deliveryRefFor(caseRef.collection(COLLECTIONS.timeline).doc(entryId));

interface Settings {
  prefix: string;
  receiptWanted: boolean;
  /** How long a receipt filed from the chat waits for its free reply (config receiptReplyWaitSeconds). */
  replyWaitMs: number;
}

/**
 * Numbers a new case, unique and gap-free per Buddhist year of its creation in Bangkok (2569 until
 * midnight of 31 Dec in Thailand, whatever the server's clock zone), and writes its first timeline
 * entry with its delivery record (the receipt). Rather than one transaction on the year's counter per
 * case (a hot document: about one write a second), the case waits in numbering/ and the run holding the
 * numbering lease numbers every waiting case, oldest first, a page per transaction, bumping the counter
 * once per page; the other runs of a burst only watch for their number (docs/decisions/013).
 *
 * Idempotent: a case is numbered once, whichever run numbers it, with its first entry's ID the event
 * ID it waited with; a run for a case already numbered changes nothing.
 */
export async function assignTrackingNumber(
  db: Firestore,
  caseRef: DocumentReference,
  entryId: string,
  prefix: string,
  receiptWanted: boolean,
  replyWaitMs: number,
): Promise<Assigned | null> {
  const snap = await caseRef.get();
  if (!snap.exists) return null;
  const existing = snap.get('trackingNo') as string | undefined;
  if (existing) return { trackingNo: existing, deliveryRef: receiptRef(caseRef, entryId), fresh: false, numbered: 0, counterWrites: 0 };

  const waiting: Waiting = { createdAt: (snap.get('createdAt') as Timestamp | undefined) ?? Timestamp.now(), entryId };
  await db.collection(COLLECTIONS.numbering).doc(caseRef.id).set(waiting);

  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (let delay = FIRST_POLL_MS; ; delay = Math.min(delay * 1.5, MAX_POLL_MS)) {
    const [current, lease] = await db.getAll(caseRef, leaseRefOf(db));
    if (!current!.exists) return null;
    const no = current!.get('trackingNo') as string | undefined;
    if (no) return { trackingNo: no, deliveryRef: receiptRef(caseRef, entryId), fresh: true, numbered: 0, counterWrites: 0 };
    const held = await takeLease(db, lease!);
    if (held) return numberAsLeaseHolder(db, held, caseRef, entryId, { prefix, receiptWanted, replyWaitMs });
    if (Date.now() > deadline) throw new Error(`case ${caseRef.id} waited ${WAIT_LIMIT_MS} ms for the numbering lease`);
    await sleep(delay * (0.5 + Math.random()));
  }
}

/**
 * Numbers this run's case with the oldest waiting ones, and goes on while a burst keeps others waiting
 * (each round took cases besides its own), within half the lease so it never outlives it.
 */
async function numberAsLeaseHolder(db: Firestore, lease: Lease, caseRef: DocumentReference, entryId: string, settings: Settings): Promise<Assigned | null> {
  let own = '';
  let numbered = 0;
  let counterWrites = 0;
  try {
    for (;;) {
      const round = await numberOldestWaiting(db, caseRef, entryId, settings);
      if (round.own === null) return null;
      own = round.own;
      numbered += round.numbered;
      if (round.numbered > 0) counterWrites++;
      if (round.others === 0 || Date.now() > lease.expiresAt - LEASE_MS / 2) break;
    }
  } finally {
    await releaseLease(lease);
  }
  if (numbered > 1) logger.info('waiting cases numbered', { cases: numbered, transactions: counterWrites });
  return { trackingNo: own, deliveryRef: receiptRef(caseRef, entryId), fresh: true, numbered, counterWrites };
}

interface Round {
  /** This run's case's number (numbered now or before); null if the case is gone. */
  own: string | null;
  /** Cases this transaction numbered, its own included. */
  numbered: number;
  /** Of which others' cases. */
  others: number;
}

interface Queued {
  caseSnap: DocumentSnapshot;
  entryId: string;
  waitingRef: DocumentReference;
  createdAt: Timestamp;
}

/**
 * One round: this run's case and the oldest waiting ones in one transaction, each re-read inside it so
 * that a case numbered meanwhile is skipped (its leftover waiting doc, written by a late second run of
 * its event, removed). The page is listed before the transaction: a query inside it would lock the
 * whole collection, holding up every new filing's waiting doc until the commit.
 */
async function numberOldestWaiting(db: Firestore, caseRef: DocumentReference, entryId: string, settings: Settings): Promise<Round> {
  const page = await db.collection(COLLECTIONS.numbering).orderBy('createdAt').limit(NUMBERING_PAGE).get();
  const ids = [caseRef.id, ...page.docs.map((w) => w.id).filter((id) => id !== caseRef.id)];
  const listedYears = page.docs.map((w) => trackingCounterId((w.get('createdAt') as Timestamp).toDate()));
  return db.runTransaction(async (tx) => {
    const n = ids.length;
    const snaps = await tx.getAll(
      ...ids.map((id) => db.collection(COLLECTIONS.complaints).doc(id)),
      ...ids.map((id) => db.collection(COLLECTIONS.numbering).doc(id)),
      ...[...new Set(listedYears)].map((id) => db.collection(COLLECTIONS.counters).doc(id)),
    );
    const counters = new Map(snaps.slice(2 * n).map((c) => [c.id, c]));
    const own = snaps[0]!;
    const ownNo = own.get('trackingNo') as string | undefined;
    const queue: Queued[] = [];
    ids.forEach((id, i) => {
      const caseSnap = snaps[i]!;
      const waiting = snaps[n + i]!;
      const isOwn = i === 0;
      // Not waiting any more: numbered (and its waiting doc deleted) since the page was listed.
      if (!isOwn && !waiting.exists) return;
      if (!caseSnap.exists || caseSnap.get('trackingNo')) {
        if (waiting.exists) tx.delete(waiting.ref);
        return;
      }
      const entry = isOwn ? entryId : (waiting.data() as Waiting).entryId;
      queue.push({ caseSnap, entryId: entry, waitingRef: waiting.ref, createdAt: createdAtOf(caseSnap, waiting) });
    });
    const ownQueued = queue[0]?.caseSnap.id === caseRef.id;
    const ownBefore = own.exists ? ownNo! : null;
    if (queue.length === 0) return { own: ownBefore, numbered: 0, others: 0 };
    queue.sort((a, b) => a.createdAt.toMillis() - b.createdAt.toMillis() || a.caseSnap.id.localeCompare(b.caseSnap.id));

    // All reads before any write: the counter of every year in the queue (two around New Year).
    const years = [...new Set(queue.map((q) => trackingCounterId(q.createdAt.toDate())))];
    const unread = years.filter((id) => !counters.has(id));
    if (unread.length) for (const c of await tx.getAll(...unread.map((id) => db.collection(COLLECTIONS.counters).doc(id)))) counters.set(c.id, c);
    const last = new Map(years.map((id) => [id, (counters.get(id)!.get('last') as number | undefined) ?? 0]));

    let assignedOwn: string | undefined;
    for (const q of queue) {
      const createdAt = q.createdAt.toDate();
      const counterId = trackingCounterId(createdAt);
      const next = last.get(counterId)! + 1;
      last.set(counterId, next);
      const trackingNo = formatTrackingNo(settings.prefix, buddhistYearInBangkok(createdAt), next);
      if (q.caseSnap.id === caseRef.id) assignedOwn = trackingNo;
      writeNumberedCase(tx, q, trackingNo, settings);
    }
    for (const id of years) tx.set(db.collection(COLLECTIONS.counters).doc(id), { last: last.get(id)!, updatedAt: FieldValue.serverTimestamp() });

    return { own: assignedOwn ?? ownBefore, numbered: queue.length, others: queue.length - (ownQueued ? 1 : 0) };
  });
}

/** The case's own createdAt (its year and place in line), else the waiting doc's copy. */
function createdAtOf(caseSnap: DocumentSnapshot, waiting: DocumentSnapshot): Timestamp {
  const stamp = caseSnap.get('createdAt') as unknown;
  if (stamp instanceof Timestamp) return stamp;
  return (waiting.get('createdAt') as Timestamp | undefined) ?? Timestamp.now();
}

/** The number on the case, its first timeline entry and that entry's delivery record (the receipt). */
function writeNumberedCase(tx: Transaction, q: Queued, trackingNo: string, { receiptWanted, replyWaitMs }: Settings): void {
  const caseRef = q.caseSnap.ref;
  const entryRef = caseRef.collection(COLLECTIONS.timeline).doc(q.entryId);
  const createdAtStamp = q.caseSnap.get('createdAt') as Timestamp | undefined;
  const entry: Omit<TimelineEntry, 'at'> & { at: Timestamp | FieldValue } = {
    status: INITIAL_STATUS,
    note: null,
    at: createdAtStamp ?? FieldValue.serverTimestamp(),
    by: 'system',
  };
  // Due for the sweeper once the trigger had its go; a receipt waiting for its free reply, once the wait is over (decision 014).
  const byReply = q.caseSnap.get('receiptByReply') === true;
  const hold = byReply ? replyWaitMs + RECEIPT_REPLY_HOLD_MS + DELIVERY_SCHEDULE.leaseMs : DELIVERY_SCHEDULE.leaseMs;
  const delivery: Delivery = receiptWanted
    ? { ...pendingDelivery(new Date(), hold), ...(byReply ? { replyWindow: 'open' as const } : {}) }
    : { state: 'skipped', attempts: 0, lastError: null, reason: 'disabled' };
  tx.update(caseRef, { trackingNo, updatedAt: FieldValue.serverTimestamp() });
  tx.create(entryRef, entry);
  tx.create(deliveryRefFor(entryRef), delivery);
  tx.delete(q.waitingRef);
}

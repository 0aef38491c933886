import { collection, doc, GeoPoint, getDoc, getDocs, limit, orderBy, query, serverTimestamp, where, writeBatch, type Timestamp } from 'firebase/firestore/lite';
import {
  COLLECTIONS,
  filingDocuments,
  nextFilingCounter,
  privateReporterPath,
  type ComplaintInput,
  type FilingCounter,
  type ReporterInput,
} from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { FilingLimitError, SubmitError, type SubmitFailure } from './filing-errors.ts';
import { config } from '../env.ts';

/** A new case's ID is made on the phone, so a retry after a lost connection cannot file it twice. */
export function newCaseId(): string {
  return doc(collection(db, COLLECTIONS.complaints)).id;
}

export { FilingLimitError, SubmitError, type SubmitFailure };

interface StoredCounter {
  counter: FilingCounter;
  /** The stored window starts: written back as they are, since a Date would drop their microseconds and the rules compare them exactly. */
  starts: { hourStart: Timestamp; dayStart: Timestamp };
}

async function readCounter(owner: string): Promise<StoredCounter | null> {
  const snap = await getDoc(doc(db, COLLECTIONS.filingCounters, owner));
  if (!snap.exists()) return null;
  const d = snap.data() as Omit<FilingCounter, 'hourStart' | 'dayStart'> & StoredCounter['starts'];
  return { counter: { ...d, hourStart: d.hourStart.toDate(), dayStart: d.dayStart.toDate() }, starts: { hourStart: d.hourStart, dayStart: d.dayStart } };
}

/** Whether the citizen may file now: the form says so on opening rather than after they typed everything. */
export async function filingLimitReached(owner: string): Promise<FilingLimitError | null> {
  const check = nextFilingCounter((await readCounter(owner))?.counter ?? null, new Date(), config.limits, 'check');
  return check.ok ? null : new FilingLimitError(check);
}

function failureOf(err: unknown): SubmitFailure {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'unavailable' || code === 'deadline-exceeded' || code === 'internal') return 'offline';
  if (code === 'permission-denied' || code === 'invalid-argument') return 'refused';
  // Firestore lite reports a failed fetch as code "unknown" with the browser's network message.
  const message = err instanceof Error ? err.message : '';
  if (err instanceof TypeError || /fetch|network/i.test(message) || !navigator.onLine) return 'offline';
  return 'unknown';
}

/**
 * Files the case under the rules (owner = the signed-in LINE user, initial status, createdAt = server
 * time): the case and its private reporter document in one batch, which the rules check as a pair.
 * If an earlier attempt reached Firestore but its answer was lost, the case already exists and
 * counts as filed: a create over it would be refused as an update.
 */
export async function fileComplaint(
  id: string,
  owner: string,
  input: ComplaintInput,
  privacyNoticeVersion: string,
  isRetry: boolean,
  receiptByReply: boolean,
): Promise<void> {
  const ref = doc(db, COLLECTIONS.complaints, id);
  const docs = filingDocuments(owner, input, privacyNoticeVersion, { receiptByReply });
  const { location, ...reporter } = docs.reporter;
  const batch = writeBatch(db);
  batch.set(ref, { ...docs.case, createdAt: serverTimestamp() });
  batch.set(doc(db, privateReporterPath(id)), {
    ...reporter,
    ...(location ? { location: { geo: new GeoPoint(location.lat, location.lng), accuracyM: location.accuracyM } } : {}),
  });
  try {
    if (isRetry && (await getDoc(ref).catch(() => null))?.exists()) return;
    // Counted in the same batch: the rules refuse a case whose counter did not go up (filing-limit.ts).
    const stored = await readCounter(owner);
    const check = nextFilingCounter(stored?.counter ?? null, new Date(), config.limits, id);
    if (!check.ok) throw new FilingLimitError(check);
    const { hourStart, dayStart, ...counts } = check.next;
    batch.set(doc(db, COLLECTIONS.filingCounters, owner), {
      ...counts,
      hourStart: hourStart === 'server-time' || !stored ? serverTimestamp() : stored.starts.hourStart,
      dayStart: dayStart === 'server-time' || !stored ? serverTimestamp() : stored.starts.dayStart,
    });
    await batch.commit();
  } catch (err) {
    if (err instanceof FilingLimitError) throw err;
    console.warn('filing the case failed:', (err as { code?: unknown }).code);
    throw new SubmitError(failureOf(err), err);
  }
}

export interface WatchTiming {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Stop looking this long after the page was last shown (the number then comes in LINE). */
  giveUpAfterMs: number;
}

const WATCH: WatchTiming = { firstDelayMs: 500, maxDelayMs: 5000, giveUpAfterMs: 10 * 60_000 };

/**
 * Watches a new case for its tracking number, which the server assigns a moment after filing, longer
 * in a rush of filings (docs/decisions/013): reads the case while the page is shown, backing off gently,
 * pauses while LINE hides the page and looks again at once when it comes back. Calls `onNumber` once;
 * returns a function that stops watching (the screen closed).
 */
export function watchTrackingNo(id: string, onNumber: (trackingNo: string) => void, timing: WatchTiming = WATCH): () => void {
  const hidden = () => document.visibilityState === 'hidden';
  let stopped = false;
  let reading = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = timing.firstDelayMs;
  let until = Date.now() + timing.giveUpAfterMs;

  async function look(): Promise<void> {
    timer = undefined;
    if (stopped || reading || hidden()) return;
    reading = true;
    const snap = await getDoc(doc(db, COLLECTIONS.complaints, id)).catch(() => null);
    reading = false;
    if (stopped) return;
    const no = snap?.get('trackingNo') as string | undefined;
    if (no) {
      stop();
      onNumber(no);
    } else if (Date.now() < until && !hidden()) {
      timer = setTimeout(() => void look(), delay);
      delay = Math.min(delay * 1.5, timing.maxDelayMs);
    }
  }
  function onVisibility(): void {
    if (hidden()) return;
    clearTimeout(timer);
    delay = timing.firstDelayMs;
    until = Date.now() + timing.giveUpAfterMs;
    void look();
  }
  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  }
  document.addEventListener('visibilitychange', onVisibility);
  void look();
  return stop;
}

/**
 * The reporter details of the citizen's latest case, to offer again: read from their own case's
 * private document under the rules, never kept in the browser (PDPA: no personal data in
 * localStorage on a shared phone).
 */
export async function latestReporter(owner: string): Promise<ReporterInput | null> {
  const q = query(collection(db, COLLECTIONS.complaints), where('owner', '==', owner), orderBy('createdAt', 'desc'), limit(1));
  const latest = (await getDocs(q)).docs[0];
  if (!latest) return null;
  const snap = await getDoc(doc(db, privateReporterPath(latest.id)));
  if (!snap.exists()) return null;
  const { name, nationalId, phone, email } = snap.data() as ReporterInput;
  return { name, nationalId, phone, ...(email ? { email } : {}) };
}

import { collection, doc, getDoc, serverTimestamp, writeBatch, type DocumentReference, type Firestore, type Timestamp } from 'firebase/firestore';
import { COLLECTIONS, nextFilingCounter, parseMunicipalityConfig, privateReporterPath, type FilingCounter } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { complaintFields, reporterFields } from './fixtures.ts';

const { limits } = parseMunicipalityConfig(rawConfig);

export interface FilingOverrides {
  case?: Record<string, unknown>;
  reporter?: Record<string, unknown>;
  /** A case ID of the caller's choosing (default: a new auto-ID). */
  id?: string;
}

type StoredCounter = Omit<FilingCounter, 'hourStart' | 'dayStart'> & Record<'hourStart' | 'dayStart', Timestamp>;

/**
 * Files a case the way the LIFF form does (web/src/liff/data/complaints.ts): the case, its private
 * reporter document and the filing counter in one batch under the rules. It is also what a script with
 * a citizen's account can do, so the abuse tests use it as the attacker's tool: past the limit it still
 * counts up and lets the rules answer.
 */
export async function fileCounted(db: Firestore, uid: string, over: FilingOverrides = {}): Promise<DocumentReference> {
  const ref = over.id ? doc(db, COLLECTIONS.complaints, over.id) : doc(collection(db, COLLECTIONS.complaints));
  const counterRef = doc(db, COLLECTIONS.filingCounters, uid);
  const stored = (await getDoc(counterRef)).data() as StoredCounter | undefined;
  const before = stored ? { ...stored, hourStart: stored.hourStart.toDate(), dayStart: stored.dayStart.toDate() } : null;
  const check = nextFilingCounter(before, new Date(), limits, ref.id);
  const next = check.ok
    ? check.next
    : { hourStart: before!.hourStart, hourCount: before!.hourCount + 1, dayStart: before!.dayStart, dayCount: before!.dayCount + 1, lastCaseId: ref.id };
  const start = (key: 'hourStart' | 'dayStart') => (next[key] === 'server-time' || !stored ? serverTimestamp() : stored[key]);
  const batch = writeBatch(db);
  batch.set(ref, { ...complaintFields(uid), createdAt: serverTimestamp(), ...over.case });
  batch.set(doc(db, privateReporterPath(ref.id)), reporterFields(uid, over.reporter));
  batch.set(counterRef, { ...next, hourStart: start('hourStart'), dayStart: start('dayStart') });
  await batch.commit();
  return ref;
}

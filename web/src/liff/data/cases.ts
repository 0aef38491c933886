import { collection, doc, getDoc, getDocs, limit, orderBy, query, where, type Timestamp } from 'firebase/firestore/lite';
import { COLLECTIONS, isStatus, privateReporterPath, type CaseRecord, type ReporterInput, type Status } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';

/** The citizen's view of a case, read under the rules (owner only). */
export interface MyCase extends Omit<CaseRecord, 'createdAt' | 'updatedAt' | 'status'> {
  id: string;
  status: Status | null;
  createdAt: Date;
}

/** The citizen's own personal data on a case (complaints/{id}/private/reporter), owner only. */
export interface MyReporter extends ReporterInput {
  locationAccuracyM: number | null;
}

export interface TimelineStep {
  id: string;
  status: Status | null;
  note: string | null;
  at: Date;
}

/** A page of the list: a citizen with more cases than this sees the newest. */
export const LIST_LIMIT = 50;

function toDate(value: unknown): Date {
  return (value as Timestamp | undefined)?.toDate?.() ?? new Date();
}

function toCase(id: string, d: Record<string, unknown>): MyCase {
  return {
    ...(d as unknown as CaseRecord),
    id,
    status: isStatus(d.status) ? d.status : null,
    createdAt: toDate(d.createdAt),
    hasLocation: d.hasLocation === true,
  };
}

/** One query, one read per case listed (README "Benchmarks"). */
export async function listMyCases(owner: string): Promise<MyCase[]> {
  const q = query(collection(db, COLLECTIONS.complaints), where('owner', '==', owner), orderBy('createdAt', 'desc'), limit(LIST_LIMIT));
  return (await getDocs(q)).docs.map((s) => toCase(s.id, s.data()));
}

/**
 * The case, or null when it does not exist or is someone else's: the rules refuse both the same way,
 * and the page shows the same polite not-found for both, revealing nothing.
 */
export async function getMyCase(id: string): Promise<MyCase | null> {
  try {
    const snap = await getDoc(doc(db, COLLECTIONS.complaints, id));
    return snap.exists() ? toCase(snap.id, snap.data()) : null;
  } catch (err) {
    if ((err as { code?: string }).code === 'permission-denied') return null;
    throw err;
  }
}

/** The citizen's personal data on their case, or null after retention removed it. */
export async function getMyReporter(caseId: string): Promise<MyReporter | null> {
  const snap = await getDoc(doc(db, privateReporterPath(caseId)));
  if (!snap.exists()) return null;
  const d = snap.data() as ReporterInput & { location?: { accuracyM?: number } };
  return { name: d.name, nationalId: d.nationalId, phone: d.phone, ...(d.email ? { email: d.email } : {}), locationAccuracyM: d.location?.accuracyM ?? null };
}

export async function getTimeline(caseId: string): Promise<TimelineStep[]> {
  const q = query(collection(db, COLLECTIONS.complaints, caseId, COLLECTIONS.timeline), orderBy('at', 'asc'));
  return (await getDocs(q)).docs.map((s) => {
    const d = s.data();
    return {
      id: s.id,
      status: isStatus(d.status) ? d.status : null,
      note: (d.note as string | null) ?? null,
      at: toDate(d.at),
    };
  });
}

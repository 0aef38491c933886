import { collection, doc, getDoc, getDocs, orderBy, query, type Timestamp } from 'firebase/firestore/lite';
import { COLLECTIONS, isStatus, type Delivery, type Status } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';
import { toDeskCase, type DeskCase } from './desk-case.ts';

/** One case for the detail page: the case, its timeline (each step's LINE delivery) and the internal notes. */
export interface TimelineStep {
  id: string;
  status: Status | null;
  note: string | null;
  at: Date;
  by: 'system' | 'staff' | 'console' | 'citizen' | null;
  delivery: Delivery | null;
  /** When the LINE message was sent (or refused, or skipped), for "ส่งแล้ว 26 พ.ย. 2569 11:04". */
  settledAt: Date | null;
}

export interface InternalNote {
  id: string;
  text: string;
  by: string;
  createdAt: Date;
}

const asDate = (v: unknown) => (v as Timestamp | undefined)?.toDate?.() ?? new Date(0);

export async function getCase(id: string): Promise<DeskCase | null> {
  const snap = await guarded(() => getDoc(doc(db, COLLECTIONS.complaints, id)));
  return snap.exists() ? toDeskCase(snap.id, snap.data()) : null;
}

/** The timeline the citizen sees, each step with its staff-only delivery record (deliveries/, same ID). */
export async function getTimeline(caseId: string): Promise<TimelineStep[]> {
  const q = query(collection(db, COLLECTIONS.complaints, caseId, COLLECTIONS.timeline), orderBy('at', 'asc'));
  const [steps, deliveries] = await guarded(() => Promise.all([getDocs(q), getDocs(collection(db, COLLECTIONS.complaints, caseId, COLLECTIONS.deliveries))]));
  const deliveryOf = new Map(deliveries.docs.map((s) => [s.id, s.data() as Delivery]));
  return steps.docs.map((s) => {
    const d = s.data();
    const delivery = deliveryOf.get(s.id) ?? null;
    return {
      id: s.id,
      status: isStatus(d.status) ? d.status : null,
      note: typeof d.note === 'string' ? d.note : null,
      at: asDate(d.at),
      by: (d.by as TimelineStep['by']) ?? null,
      delivery,
      settledAt: (delivery?.settledAt as Timestamp | undefined)?.toDate?.() ?? null,
    };
  });
}

export async function getNotes(caseId: string): Promise<InternalNote[]> {
  const q = query(collection(db, COLLECTIONS.complaints, caseId, COLLECTIONS.notes), orderBy('createdAt', 'asc'));
  const snap = await guarded(() => getDocs(q));
  return snap.docs.map((s) => {
    const d = s.data();
    return { id: s.id, text: String(d.text), by: String(d.by), createdAt: asDate(d.createdAt) };
  });
}

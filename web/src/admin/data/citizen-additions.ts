import { collection, getDocs, orderBy, query, type Timestamp } from 'firebase/firestore/lite';
import { ADDITIONS_COLLECTION, COLLECTIONS } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';

/** What the citizen added to their case (decision 018): on the case page, or as the reason typed in the chat. */
export interface CitizenAddition {
  id: string;
  text: string;
  at: Date;
  via: 'page' | 'chat';
}

export async function getAdditions(caseId: string): Promise<CitizenAddition[]> {
  const q = query(collection(db, COLLECTIONS.complaints, caseId, ADDITIONS_COLLECTION), orderBy('createdAt', 'asc'));
  const snap = await guarded(() => getDocs(q));
  return snap.docs.map((s) => {
    const d = s.data();
    return {
      id: s.id,
      text: String(d.text ?? ''),
      at: (d.createdAt as Timestamp | undefined)?.toDate?.() ?? new Date(0),
      via: d.via === 'chat' ? 'chat' : 'page',
    };
  });
}

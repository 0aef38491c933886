import { collection, doc, getDoc, getDocs, orderBy, query, serverTimestamp, setDoc, updateDoc, type Timestamp } from 'firebase/firestore/lite';
import { ADDITIONS_COLLECTION, CITIZEN_MOVES, COLLECTIONS, type CaseFeedback, type Rating } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';

/**
 * The owner's own moves on their case (decision 018), written under the rules: a cancel is the one
 * status change the rules let a citizen make (received → cancelled, with a reason); added information
 * is a new document under the case. The trigger writes the timeline step of a cancel; nothing is pushed.
 */
export async function cancelCase(caseId: string, reason: string): Promise<void> {
  await updateDoc(doc(db, COLLECTIONS.complaints, caseId), { status: CITIZEN_MOVES.cancel.to, cancelReason: reason, updatedAt: serverTimestamp() });
}

/** The ID the next addition will have, chosen on the phone: its photos are named after it (a-<id>-1..3). */
export function newAdditionId(caseId: string): string {
  return doc(collection(db, COLLECTIONS.complaints, caseId, ADDITIONS_COLLECTION)).id;
}

/**
 * Stores the text under the ID chosen beforehand. A retry after a lost answer lands on the same document:
 * the rules refuse it as an update, and the addition already being there counts as sent (never twice).
 */
export async function addInformation(caseId: string, additionId: string, owner: string, text: string): Promise<void> {
  const ref = doc(db, COLLECTIONS.complaints, caseId, ADDITIONS_COLLECTION, additionId);
  try {
    await setDoc(ref, { text, by: owner, createdAt: serverTimestamp(), via: 'page' });
  } catch (err) {
    if ((err as { code?: string }).code === 'permission-denied' && (await getDoc(ref).catch(() => null))?.exists()) return;
    throw err;
  }
}

export interface Addition {
  id: string;
  text: string;
  at: Date;
  via: 'page' | 'chat';
}

export async function getAdditions(caseId: string): Promise<Addition[]> {
  const q = query(collection(db, COLLECTIONS.complaints, caseId, ADDITIONS_COLLECTION), orderBy('createdAt', 'asc'));
  return (await getDocs(q)).docs.map((s) => {
    const d = s.data();
    return {
      id: s.id,
      text: String(d.text ?? ''),
      at: (d.createdAt as Timestamp | undefined)?.toDate?.() ?? new Date(),
      via: d.via === 'chat' ? 'chat' : 'page',
    };
  });
}

/** The stored answer on the case (functions write it), as the page shows it. */
export function feedbackOf(raw: unknown): Pick<CaseFeedback, 'answer' | 'rating' | 'confirmedBy'> | null {
  if (!raw || typeof raw !== 'object') return null;
  const f = raw as Record<string, unknown>;
  return {
    answer: (f.answer as CaseFeedback['answer']) ?? null,
    rating: (f.rating as Rating | null) ?? null,
    confirmedBy: (f.confirmedBy as CaseFeedback['confirmedBy']) ?? null,
  };
}

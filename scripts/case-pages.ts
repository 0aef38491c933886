import type { Firestore, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { COLLECTIONS } from '@banmae/domain';

/**
 * Every case, a page at a time in document-ID order: what each step of `npm run migrate` walks. A
 * step that stops half-way and runs again starts over from the first page and skips what it did.
 */
export async function* casePages(db: Firestore, size: number): AsyncGenerator<QueryDocumentSnapshot[]> {
  let last: string | undefined;
  for (;;) {
    let page = db.collection(COLLECTIONS.complaints).orderBy('__name__').limit(size);
    if (last) page = page.startAfter(last);
    const snap = await page.get();
    if (snap.empty) return;
    last = snap.docs[snap.docs.length - 1]!.id;
    yield snap.docs;
  }
}

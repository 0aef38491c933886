import { Timestamp } from 'firebase-admin/firestore';
import { adminDb } from './admin.ts';
import { complaintFields } from './fixtures.ts';
import { waitFor } from './stack.ts';

/** Files a case as the LIFF form would (through the Admin SDK for speed) and waits for its number. */
export async function fileCase(owner: string, over: Record<string, unknown> = {}): Promise<{ id: string; trackingNo: string }> {
  const ref = adminDb.collection('complaints').doc();
  await ref.set({ ...complaintFields(owner), createdAt: Timestamp.now(), ...over });
  const trackingNo = await waitFor(`tracking number of ${ref.id}`, async () => (await ref.get()).get('trackingNo') as string | undefined);
  return { id: ref.id, trackingNo };
}

/** A status change exactly as a clerk makes it in the Firebase console: the field alone, no helper. */
export async function setStatusByHand(caseId: string, status: string, extra: Record<string, unknown> = {}): Promise<void> {
  await adminDb.doc(`complaints/${caseId}`).update({ status, ...extra });
}

export async function timelineOf(caseId: string) {
  return (await adminDb.collection(`complaints/${caseId}/timeline`).orderBy('at').get()).docs;
}

import { Timestamp, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { deliveryPath, privateReporterPath, type Delivery } from '@banmae/domain';
import { adminDb } from './admin.ts';
import { complaintFields, reporterFields } from './fixtures.ts';
import { waitFor } from './stack.ts';

/**
 * Files a case as the LIFF form would (through the Admin SDK for speed): the case and its private
 * reporter document in one batch. Waits for its number.
 */
export async function fileCase(
  owner: string,
  over: Record<string, unknown> = {},
  reporterOver: Record<string, unknown> = {},
): Promise<{ id: string; trackingNo: string }> {
  const ref = adminDb.collection('complaints').doc();
  const batch = adminDb.batch();
  batch.set(ref, { ...complaintFields(owner), createdAt: Timestamp.now(), ...over });
  batch.set(adminDb.doc(privateReporterPath(ref.id)), reporterFields(owner, reporterOver));
  await batch.commit();
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

/** The staff-only delivery record of a timeline entry (deliveries/, same ID), if there is one yet. */
export async function deliveryOf(caseId: string, entryId: string): Promise<Delivery | undefined> {
  return (await adminDb.doc(deliveryPath(caseId, entryId)).get()).data() as Delivery | undefined;
}

/** A case's timeline in order, each entry with its delivery record. */
export async function stepsOf(caseId: string): Promise<{ entry: QueryDocumentSnapshot; delivery: Delivery | undefined }[]> {
  const entries = await timelineOf(caseId);
  return Promise.all(entries.map(async (entry) => ({ entry, delivery: await deliveryOf(caseId, entry.id) })));
}

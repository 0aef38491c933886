import { Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import { parseMunicipalityConfig } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { assignTrackingNumber, type Assigned } from '../../functions/src/complaints/assign-tracking-number.ts';
import { adminDb } from './admin.ts';
import { complaintFields } from './fixtures.ts';

const { trackingPrefix, notifications } = parseMunicipalityConfig(rawConfig);

/**
 * The numbering step of onComplaintCreated for one event, run from this process as the trigger would
 * run it (receipts on, the configured prefix). Pause the emulator's triggers around it
 * (pauseEmulatorTriggers) so that only these runs number the cases.
 */
export function numberAsTrigger(ref: DocumentReference, eventId: string): Promise<Assigned | null> {
  return assignTrackingNumber(adminDb, ref, eventId, trackingPrefix, true, notifications.receiptReplyWaitSeconds * 1000);
}

/** A new case as the form files it (Admin SDK, createdAt now); resolves when the create is committed. */
export async function createCase(owner: string, over: Record<string, unknown> = {}): Promise<DocumentReference> {
  const ref = adminDb.collection('complaints').doc();
  await ref.set({ ...complaintFields(owner), createdAt: Timestamp.now(), ...over });
  return ref;
}

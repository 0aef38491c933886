import type { Change, FirestoreEvent, QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import { canTransition, COLLECTIONS, isStatus, type Delivery, type Status } from '@banmae/domain';
import { db } from '../firebase-admin.js';
import { municipality } from '../municipality.js';
import { liffBaseUrl } from '../line/line-endpoint.js';
import { statusChangeMessage } from '../line/messages/status-change-message.js';
import { recordProblem } from '../problems/record-problem.js';
import { deliverTimelineMessage } from './deliver-timeline-message.js';

type UpdateEvent = FirestoreEvent<Change<QueryDocumentSnapshot> | undefined, { id: string }>;

/** A note or author is the change's only if it changed with the status; a stale one belongs to an older step. */
function changedWithStatus(before: QueryDocumentSnapshot, after: QueryDocumentSnapshot, field: string): string | null {
  const value: unknown = after.get(field);
  if (typeof value !== 'string' || value.trim() === '') return null;
  return before.get(field) === value ? null : value;
}

/**
 * Staff moved a case (admin page, script, or a clerk typing in the Firebase console): add a timeline
 * entry and push the citizen a LINE message. The entry's ID is the event ID, so a second run finds it
 * and only finishes a pending delivery; updates that leave `status` alone (our own writes included)
 * do nothing; an unknown status typed by hand is recorded for staff and never sent to the citizen.
 */
export async function onComplaintUpdated(event: UpdateEvent): Promise<void> {
  const before = event.data?.before;
  const after = event.data?.after;
  if (!before || !after) return;
  const from: unknown = before.get('status');
  const to: unknown = after.get('status');
  if (from === to) return;
  const firestore = await db();
  const caseId = event.params.id;

  if (!isStatus(to)) {
    await recordProblem(firestore, `status-${event.id}`, 'unknown_status', { caseId, value: String(to), previous: String(from) });
    return;
  }
  if (isStatus(from) && !canTransition(from, to)) {
    await recordProblem(firestore, `transition-${event.id}`, 'unusual_transition', { caseId, from, to });
  }

  const notify = municipality.notifications.statuses.includes(to);
  const note = changedWithStatus(before, after, 'statusNote');
  const entryRef = after.ref.collection(COLLECTIONS.timeline).doc(event.id);
  const delivery: Delivery = notify
    ? { state: 'pending', attempts: 0, lastError: null }
    : { state: 'skipped', attempts: 0, lastError: null, reason: 'not_notified_status' };
  await entryRef
    .create({
      status: to,
      note,
      at: after.updateTime,
      by: changedWithStatus(before, after, 'statusBy') ?? 'console',
      delivery,
      recordedAt: FieldValue.serverTimestamp(),
    })
    .catch((err: { code?: number }) => {
      if (err.code !== 6) throw err; // ALREADY_EXISTS: an earlier run of this event wrote it
    });
  if (!notify) return;

  const message = statusChangeMessage({
    trackingNo: String(after.get('trackingNo') ?? ''),
    subject: String(after.get('subject')),
    status: to satisfies Status,
    note,
    at: after.updateTime.toDate(),
    detailUrl: `${liffBaseUrl()}/cases/${caseId}`,
  });
  await deliverTimelineMessage(entryRef, String(after.get('owner')), [message]);
}

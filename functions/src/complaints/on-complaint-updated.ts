import type { Change, FirestoreEvent, QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import { FieldValue, type Firestore, type Timestamp } from 'firebase-admin/firestore';
import { COLLECTIONS, EDIT_ID_PATTERN, isClosed, isExpectedTransition, isStatus, type Delivery, type Status } from '@banmae/domain';
import { db } from '../firebase-admin.js';
import { syncCaseFigures } from '../reports/case-figures-sync.js';
import { municipality } from '../municipality.js';
import { recordProblem } from '../problems/record-problem.js';
import { deliverTimelineMessage } from '../delivery/deliver-timeline-message.js';
import { deliveryRefFor, pendingDelivery } from '../delivery/delivery-record.js';
import { messagingClient } from '../line/messaging-client.js';
import { TRIGGER_ATTEMPTS } from '../line/push-with-retry.js';
import { timelineMessage } from './timeline-message.js';
import { citizenAuthorship, feedbackOnDone } from '../feedback/feedback-on-done.js';

type UpdateEvent = FirestoreEvent<Change<QueryDocumentSnapshot> | undefined, { id: string }>;

interface Authorship {
  /** True when the change came from the desk (through the rules), false for a console or script edit. */
  desk: boolean;
  note: string | null;
}

/**
 * Who made this change and which note belongs to it. Every desk edit sets a new `editId`, the ID of its
 * staff-only audit entry naming the clerk, which the rules make the same write create; so a changed
 * `editId` with its audit entry means the desk, and `statusNote` is this change's. A console edit
 * touches `status` alone: its note is `statusNote` only if the clerk changed that too, so an old note
 * never rides along with a new status.
 */
async function authorship(before: QueryDocumentSnapshot, after: QueryDocumentSnapshot): Promise<Authorship> {
  const editId: unknown = after.get('editId');
  const newEdit = typeof editId === 'string' && EDIT_ID_PATTERN.test(editId) && editId !== before.get('editId');
  const desk = newEdit && (await after.ref.collection(COLLECTIONS.audit).doc(editId).get()).exists;
  const text = (field: string): string | null => {
    const value: unknown = after.get(field);
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  const noteChanged = before.get('statusNote') !== after.get('statusNote');
  return { desk, note: desk || noteChanged ? text('statusNote') : null };
}

/** Triggers are unordered: when the case has already moved on, the newer change's message speaks for it. */
async function superseded(firestore: Firestore, after: QueryDocumentSnapshot): Promise<boolean> {
  const now = await firestore.doc(after.ref.path).get();
  return now.exists && now.get('status') !== after.get('status');
}

/**
 * Staff moved a case (admin page, script, or a clerk typing in the Firebase console): add a timeline
 * entry and push the citizen a LINE message. The entry's ID is the event ID, so a second run finds it
 * and only finishes a pending delivery; updates that leave `status` alone (our own writes included)
 * do nothing; an unknown status typed by hand is recorded for staff and never sent to the citizen.
 * The desk wrote its own audit entry with the edit; a console edit gets one here. The message's
 * delivery record is a staff-only sibling of the entry (deliveries/, same ID): the citizen reads the
 * entry, not LINE's internals.
 */
export async function onComplaintUpdated(event: UpdateEvent): Promise<void> {
  const before = event.data?.before;
  const after = event.data?.after;
  if (!before || !after) return;
  if (before.get('status') === after.get('status')) {
    // A citizen's rating (decision 018) changes no status but counts on the dashboard.
    if (before.get('feedback.rating') !== after.get('feedback.rating')) await syncCaseFigures(await db(), event.params.id);
    return;
  }
  const firestore = await db();
  await recordStatusChange(firestore, event, before, after);
  // The dashboard's counters follow the case as it is now, after its message (decision 017).
  await syncCaseFigures(firestore, event.params.id); // throws: the trigger's retry catches up
}

async function recordStatusChange(firestore: Firestore, event: UpdateEvent, before: QueryDocumentSnapshot, after: QueryDocumentSnapshot): Promise<void> {
  const from: unknown = before.get('status');
  const to: unknown = after.get('status');
  const caseId = event.params.id;

  if (!isStatus(to)) {
    await recordProblem(firestore, `status-${event.id}`, 'unknown_status', { caseId, value: String(to), previous: String(from) });
    return;
  }
  if (isStatus(from) && !isExpectedTransition(from, to)) {
    await recordProblem(firestore, `transition-${event.id}`, 'unusual_transition', { caseId, from, to });
  }

  const citizen = citizenAuthorship(to, after);
  const { desk, note } = citizen ?? (await authorship(before, after));
  const by = citizen?.by ?? (desk ? 'staff' : 'console');
  const notify = municipality.notifications.statuses.includes(to);
  const entryRef = after.ref.collection(COLLECTIONS.timeline).doc(event.id);
  const deliveryRef = deliveryRefFor(entryRef);
  const delivery: Delivery = notify ? pendingDelivery(new Date()) : { state: 'skipped', attempts: 0, lastError: null, reason: 'not_notified_status' };
  const batch = firestore.batch();
  batch.create(entryRef, { status: to, note, at: after.updateTime, by });
  batch.create(deliveryRef, delivery);
  if (!desk) {
    batch.create(after.ref.collection(COLLECTIONS.audit).doc(event.id), {
      status: to,
      from: isStatus(from) ? from : String(from),
      by,
      at: after.updateTime,
      recordedAt: FieldValue.serverTimestamp(),
    });
  }
  // closedAt starts the retention period (PDPA notice): console edits do not stamp updatedAt, so the
  // trigger keeps it. Writing it leaves `status` alone, so it does not trigger another message.
  // A "done" opens the citizen's answer (decision 018): a new token kills the buttons of any earlier one.
  const feedback = to === 'done' ? feedbackOnDone(event.id, after.updateTime.toDate()) : null;
  // A citizen confirming a finished case (done → confirmed) keeps the time staff finished it: that is
  // what "received → done" measures on the dashboard.
  const closedAt = after.get('closedAt') as Timestamp | undefined;
  const stillClosed = isStatus(from) && isClosed(from) && isStatus(to) && isClosed(to) && closedAt;
  batch.update(after.ref, {
    closedAt: stillClosed ? closedAt : isClosed(to) ? after.updateTime : FieldValue.delete(),
    ...(feedback ? { feedback } : {}),
  });
  let feedbackToken = feedback?.token ?? null;
  await batch.commit().catch(async (err: { code?: number }) => {
    if (err.code !== 6) throw err; // ALREADY_EXISTS: an earlier run of this event wrote them all
    // That run stored its own token: the message must carry the one on the case.
    if (feedback) {
      const stored = await after.ref.get();
      feedbackToken = stored.get('feedback.entryId') === event.id ? ((stored.get('feedback.token') as string | undefined) ?? null) : null;
    }
  });
  if (!notify) return;
  if (await superseded(firestore, after)) {
    const skipped: Delivery = { state: 'skipped', attempts: 0, lastError: null, reason: 'superseded', settledAt: FieldValue.serverTimestamp() };
    await deliveryRef.set(skipped);
    return;
  }

  const message = timelineMessage({
    caseId,
    trackingNo: after.get('trackingNo') as string | undefined,
    subject: String(after.get('subject')),
    status: to satisfies Status,
    note,
    at: after.updateTime.toDate(),
    receipt: false,
    feedbackToken,
  });
  // Two quick attempts; what LINE leaves unsettled the sweeper carries on with (decision 014).
  await deliverTimelineMessage(deliveryRef, String(after.get('owner')), [message], {
    client: await messagingClient(),
    policy: TRIGGER_ATTEMPTS,
    mode: 'first',
  });
}

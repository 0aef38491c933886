import type { messagingApi } from '@line/bot-sdk';
import type { DocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import type { Status } from '@banmae/domain';
import { liffBaseUrl } from '../line/line-endpoint.js';
import { receiptMessage } from '../line/messages/receipt-message.js';
import { statusChangeMessage } from '../line/messages/status-change-message.js';
import { feedbackButtons } from '../line/messages/feedback-messages.js';

export interface TimelineMessageInput {
  caseId: string;
  trackingNo: string | undefined;
  subject: string;
  status: Status;
  note: string | null;
  at: Date;
  /** The first entry of a case ("system") is its receipt; every later one is a status change. */
  receipt: boolean;
  /** A "done" entry that is still the case's answerable one carries its feedback token (buttons, decision 018). */
  feedbackToken?: string | null;
}

/**
 * The LINE message a timeline entry stands for, built the same way by the triggers and by "ส่งอีกครั้ง"
 * on the desk, so that a resent message reads exactly like the one that failed.
 */
export function timelineMessage(m: TimelineMessageInput): messagingApi.FlexMessage {
  const card = {
    trackingNo: m.trackingNo ?? 'กำลังออกเลขที่',
    subject: m.subject,
    status: m.status,
    at: m.at,
    detailUrl: `${liffBaseUrl()}/cases/${encodeURIComponent(m.caseId)}`, // IDs made in the console are not rules-checked
  };
  if (m.receipt) return receiptMessage(card);
  const buttons = m.status === 'done' && m.feedbackToken ? feedbackButtons(m.caseId, m.feedbackToken) : undefined;
  return statusChangeMessage({ ...card, note: m.note, buttons });
}

/** The message of a stored timeline entry of a stored case, as the sweeper and "ส่งอีกครั้ง" rebuild it. */
export function timelineMessageOf(caseSnap: DocumentSnapshot, entrySnap: DocumentSnapshot): messagingApi.FlexMessage {
  return timelineMessage({
    caseId: caseSnap.id,
    trackingNo: caseSnap.get('trackingNo') as string | undefined,
    subject: String(caseSnap.get('subject')),
    status: entrySnap.get('status') as Status,
    note: (entrySnap.get('note') as string | null | undefined) ?? null,
    at: (entrySnap.get('at') as Timestamp).toDate(),
    receipt: entrySnap.get('by') === 'system',
    feedbackToken: caseSnap.get('feedback.entryId') === entrySnap.id ? (caseSnap.get('feedback.token') as string | undefined) : null,
  });
}

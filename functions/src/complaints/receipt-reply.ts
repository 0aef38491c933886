import { FieldValue, type DocumentReference, type Firestore, type Timestamp, type UpdateData } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import { COLLECTIONS, INITIAL_STATUS, type Delivery } from '@banmae/domain';
import { deliveryRefFor } from '../delivery/delivery-record.js';
import { timelineMessage } from './timeline-message.js';
import { readForDelivered, syncCaseFiguresLogged } from '../reports/case-figures-sync.js';

/**
 * The receipt as a free reply (docs/decisions/012). A case filed from the OA's chat has a receipt
 * delivery with `replyWindow: 'open'`; the citizen's phone then says "ส่งเรื่อง <number>" in the chat.
 * The webhook claims the receipt ('claimed') and answers with it; the trigger waits, and if nobody
 * claimed it in time closes the window ('closed') and pushes. Each move is a transaction on the one
 * delivery record, so the receipt is sent once, by one of them.
 */

const POLL_MS = 500;
/** A claimed reply is one LINE call: if it has not settled this long after the wait, the webhook died. */
export const RECEIPT_REPLY_HOLD_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function closeWindow(ref: DocumentReference): Promise<boolean> {
  return ref.firestore.runTransaction(async (tx) => {
    const d = (await tx.get(ref)).data() as Delivery | undefined;
    if (d?.state !== 'pending') return false;
    if (d.replyWindow !== 'closed') tx.update(ref, { replyWindow: 'closed' });
    return true;
  });
}

/**
 * The trigger's side: waits up to `waitMs` for the reply to take the receipt. True when the trigger
 * must push it (nobody replied in time, and the window is now closed to the webhook).
 */
export async function receiptStillToPush(ref: DocumentReference, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const d = (await ref.get()).data() as Delivery | undefined;
    if (d?.state !== 'pending') return false; // replied (or settled by an earlier run)
    if (d.replyWindow === 'closed') return true; // an earlier run of this trigger closed it
    const until = d.replyWindow === 'claimed' ? deadline + RECEIPT_REPLY_HOLD_MS : deadline;
    if (Date.now() >= until) return closeWindow(ref);
    await sleep(POLL_MS);
  }
}

export interface ReceiptReply {
  messages: messagingApi.Message[];
  /** Records how the reply went: sent, or back to 'open' so the trigger pushes it. */
  settle: (replied: boolean) => Promise<void>;
}

/**
 * The webhook's side: the citizen said "ส่งเรื่อง <trackingNo>". Claims that case's receipt for the reply
 * if it is the sender's case, filed from the chat, and its receipt still waits; null otherwise (the
 * text is then answered like any tracking number, with the case's status).
 */
export async function claimReceiptForReply(db: Firestore, userId: string, trackingNo: string): Promise<ReceiptReply | null> {
  const found = await db.collection(COLLECTIONS.complaints).where('owner', '==', userId).where('trackingNo', '==', trackingNo).limit(1).get();
  const caseDoc = found.docs[0];
  if (!caseDoc || caseDoc.get('receiptByReply') !== true) return null;
  const first = await caseDoc.ref.collection(COLLECTIONS.timeline).where('by', '==', 'system').limit(1).get();
  const entry = first.docs[0];
  if (!entry) return null;
  const ref = deliveryRefFor(entry.ref);
  const claimed = await db.runTransaction(async (tx) => {
    const d = (await tx.get(ref)).data() as Delivery | undefined;
    if (d?.state !== 'pending' || d.replyWindow !== 'open') return false;
    tx.update(ref, { replyWindow: 'claimed' });
    return true;
  });
  if (!claimed) return null;

  const message = timelineMessage({
    caseId: caseDoc.id,
    trackingNo,
    subject: String(caseDoc.get('subject')),
    status: INITIAL_STATUS,
    note: null,
    at: (caseDoc.get('createdAt') as Timestamp | undefined)?.toDate() ?? new Date(),
    receipt: true,
  });
  return {
    messages: [message],
    settle: async (replied) => {
      const sent: UpdateData<Delivery> = {
        state: 'sent',
        via: 'reply',
        attempts: 1,
        lastError: null,
        replyWindow: 'closed',
        settledAt: FieldValue.serverTimestamp(),
        nextAttemptAt: FieldValue.delete(),
      };
      if (!replied) return void (await ref.update({ replyWindow: 'open' }));
      await db.runTransaction(async (tx) => {
        const delivered = await readForDelivered(tx, ref, 'reply', new Date());
        delivered.apply();
        tx.update(ref, sent);
      });
      await syncCaseFiguresLogged(db, caseDoc.id);
    },
  };
}

import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { messagingApi, webhook } from '@line/bot-sdk';
import {
  ADDITIONS_COLLECTION,
  CITIZEN_MOVES,
  CITIZEN_TEXT_LIMITS,
  COLLECTIONS,
  normaliseText,
  REOPEN_REASON_WAIT_HOURS,
  truncateGraphemes,
  visibleLength,
} from '@banmae/domain';
import { municipality } from '../../municipality.js';
import { liffBaseUrl } from '../line-endpoint.js';
import { parseFeedbackPostback, sameToken } from '../feedback-postback.js';
import { fixedReply, lateNotFixedReply, ratedReply, reasonReceivedReply, reopenedReply, staleButtonReply } from '../messages/feedback-messages.js';
import type { EventContext } from './handle-event.js';
import type { TextAnswer } from './text-commands.js';

/**
 * The citizen's answer to a "done" message (decision 018), always answered by reply (free). Every check
 * that fails — data this desk did not write, an unknown case, someone else's case, a token of an earlier
 * "done", a second answer — gets the same reply naming no case and changes nothing.
 */
export async function answerFeedbackPostback(db: Firestore, userId: string, data: unknown, now = new Date()): Promise<messagingApi.Message[]> {
  const postback = parseFeedbackPostback(data);
  if (!postback) return staleButtonReply();
  const caseRef = db.collection(COLLECTIONS.complaints).doc(postback.caseId);
  const userRef = db.collection(COLLECTIONS.lineUsers).doc(userId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(caseRef);
    if (!snap.exists || snap.get('owner') !== userId || !sameToken(snap.get('feedback.token'), postback.token)) return staleButtonReply();
    const status: unknown = snap.get('status');
    const answer: unknown = snap.get('feedback.answer') ?? null;
    const trackingNo = String(snap.get('trackingNo') ?? '');
    const answeredAt = Timestamp.fromDate(now);
    const { action } = postback;
    switch (action.kind) {
      case 'fixed': {
        // Confirmed by silence already (the sweep ran first): the citizen's own word still counts.
        const open = status === 'done' || (status === 'confirmed' && snap.get('feedback.confirmedBy') === 'window');
        if (answer !== null || !open) return staleButtonReply();
        tx.update(caseRef, {
          ...(status === 'done' ? { status: CITIZEN_MOVES.confirm.to } : {}),
          'feedback.answer': 'fixed',
          'feedback.answeredAt': answeredAt,
          'feedback.confirmedBy': 'citizen',
        });
        return fixedReply(trackingNo, postback.caseId, postback.token);
      }
      case 'not_fixed': {
        if (answer !== null || (status !== 'done' && status !== 'confirmed')) return staleButtonReply();
        const windowEndsAt = (snap.get('feedback.windowEndsAt') as Timestamp | undefined)?.toMillis() ?? 0;
        if (status === 'done' && now.getTime() <= windowEndsAt) {
          tx.update(caseRef, { status: CITIZEN_MOVES.reopen.to, 'feedback.answer': 'not_fixed', 'feedback.answeredAt': answeredAt });
          const until = Timestamp.fromMillis(now.getTime() + REOPEN_REASON_WAIT_HOURS * 3_600_000);
          tx.set(userRef, { pendingReason: { caseId: postback.caseId, until } }, { merge: true });
          return reopenedReply(trackingNo, `${liffBaseUrl()}/cases/${encodeURIComponent(postback.caseId)}`);
        }
        tx.update(caseRef, { 'feedback.answer': 'late_not_fixed', 'feedback.answeredAt': answeredAt });
        return lateNotFixedReply(trackingNo, municipality.feedback.reopenWindowDays, `${liffBaseUrl()}/`);
      }
      case 'rate': {
        if (answer !== 'fixed' || (snap.get('feedback.rating') ?? null) !== null) return staleButtonReply();
        tx.update(caseRef, { 'feedback.rating': action.rating, 'feedback.ratedAt': answeredAt });
        return ratedReply(action.rating);
      }
    }
  });
}

/**
 * The chat text right after "ยังไม่ได้แก้ไข" is the reason: added to the reopened case as information
 * from the chat (one addition, no status step), then the wait ends. null when no reason is awaited, the
 * wait is over, the case moved on, or the text has nothing in it: the text then gets no answer, as before.
 */
export async function answerReopenReason(db: Firestore, userId: string, text: string, now = new Date()): Promise<TextAnswer | null> {
  const userRef = db.collection(COLLECTIONS.lineUsers).doc(userId);
  const pending = (await userRef.get()).get('pendingReason') as { caseId?: unknown; until?: Timestamp } | undefined;
  if (!pending || typeof pending.caseId !== 'string' || !pending.until || pending.until.toMillis() < now.getTime()) return null;
  const reason = truncateGraphemes(normaliseText(text, 'multiline'), CITIZEN_TEXT_LIMITS.reopenReason.max);
  if (visibleLength(reason) < CITIZEN_TEXT_LIMITS.reopenReason.min) return null;
  const caseRef = db.collection(COLLECTIONS.complaints).doc(pending.caseId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(caseRef);
    tx.update(userRef, { pendingReason: FieldValue.delete() });
    if (!snap.exists || snap.get('owner') !== userId || snap.get('status') !== CITIZEN_MOVES.reopen.to) return null;
    tx.create(caseRef.collection(ADDITIONS_COLLECTION).doc(), { text: reason, by: userId, createdAt: Timestamp.fromDate(now), via: 'chat' });
    return { messages: reasonReceivedReply(String(snap.get('trackingNo') ?? '')) };
  });
}

/** A postback event: the "done" message's buttons and the rating's quick replies are the only ones this desk sends. */
export async function handlePostback(event: webhook.PostbackEvent, userId: string, ctx: EventContext): Promise<boolean> {
  if (!event.replyToken) return false;
  await ctx.reply(event.replyToken, await answerFeedbackPostback(ctx.db, userId, event.postback?.data));
  return true;
}

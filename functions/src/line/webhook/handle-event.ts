import type { Firestore } from 'firebase-admin/firestore';
import type { messagingApi, webhook } from '@line/bot-sdk';
import { municipality } from '../../municipality.js';
import { liffBaseUrl } from '../line-endpoint.js';
import { greetingMessage } from '../messages/greeting-message.js';
import { recordFollowState } from './follow-state.js';
import { handleGroupEvent, isGroupChatEvent } from './group-events.js';
import { answerText } from './text-commands.js';
import { answerReopenReason, handlePostback } from './case-feedback.js';

export interface EventContext {
  db: Firestore;
  reply: (replyToken: string, messages: messagingApi.Message[]) => Promise<unknown>;
}

function userIdOf(event: webhook.Event): string | null {
  const source = event.source;
  return source?.type === 'user' && source.userId ? source.userId : null;
}

/** Handles one webhook event; returns false for events this desk has nothing to do with. */
export async function handleEvent(event: webhook.Event, ctx: EventContext): Promise<boolean> {
  if (isGroupChatEvent(event)) return handleGroupEvent(event, ctx.db); // staff's groups: never a citizen's chat
  const userId = userIdOf(event);
  if (!userId) return false;
  switch (event.type) {
    case 'follow': {
      // A first follow and an unblock (follow.isUnblocked) are greeted alike. A follow older than the
      // newest unfollow on record is stale: the citizen has blocked the OA since, so nothing is sent.
      const applied = await recordFollowState(ctx.db, userId, true, event.timestamp);
      if (applied) await ctx.reply(event.replyToken, [greetingMessage(municipality, liffBaseUrl())]);
      return true;
    }
    case 'unfollow':
      await recordFollowState(ctx.db, userId, false, event.timestamp);
      return true;
    case 'message': {
      if (event.message.type !== 'text' || !event.replyToken) return false;
      // A command first; free text may be the reason awaited after "ยังไม่ได้แก้ไข" (case-feedback.ts).
      const answer = (await answerText(ctx.db, userId, event.message.text)) ?? (await answerReopenReason(ctx.db, userId, event.message.text));
      if (!answer) return false;
      try {
        await ctx.reply(event.replyToken, answer.messages);
      } catch (err) {
        await answer.settle?.(false);
        throw err;
      }
      await answer.settle?.(true);
      return true;
    }
    case 'postback':
      return handlePostback(event, userId, ctx);
    default:
      return false;
  }
}

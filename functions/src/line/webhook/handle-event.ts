import type { Firestore } from 'firebase-admin/firestore';
import type { messagingApi, webhook } from '@line/bot-sdk';
import { recordFollowState } from './follow-state.js';
import { answerText } from './text-commands.js';

export interface EventContext {
  db: Firestore;
  reply: (replyToken: string, messages: messagingApi.Message[]) => Promise<unknown>;
}

const WELCOME = 'ขอบคุณที่เพิ่มเทศบาลเป็นเพื่อน แจ้งเรื่องร้องเรียน ร้องทุกข์ ขอรับบริการ และติดตามสถานะได้จากเมนูด้านล่าง';

function userIdOf(event: webhook.Event): string | null {
  const source = event.source;
  return source?.type === 'user' && source.userId ? source.userId : null;
}

/** Handles one webhook event; returns false for events this desk has nothing to do with. */
export async function handleEvent(event: webhook.Event, ctx: EventContext): Promise<boolean> {
  const userId = userIdOf(event);
  if (!userId) return false; // group and room chats are not part of the service desk
  switch (event.type) {
    case 'follow': {
      const applied = await recordFollowState(ctx.db, userId, true, event.timestamp);
      if (applied) await ctx.reply(event.replyToken, [{ type: 'text', text: WELCOME }]);
      return true;
    }
    case 'unfollow':
      await recordFollowState(ctx.db, userId, false, event.timestamp);
      return true;
    case 'message': {
      if (event.message.type !== 'text' || !event.replyToken) return false;
      const answer = await answerText(ctx.db, userId, event.message.text);
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
    default:
      return false;
  }
}

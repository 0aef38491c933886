import type { Firestore } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import { findTrackingNos, mentionsTrackingNo } from '@banmae/domain';
import { casesByTrackingNo, newestCases } from '../../complaints/citizen-cases.js';
import { municipality } from '../../municipality.js';
import { liffBaseUrl } from '../line-endpoint.js';
import { CAROUSEL_MAX, malformedTrackingNoReply, statusReply, TRACKING_NOS_PER_MESSAGE, trackingNoReply } from '../messages/status-reply.js';

/** The rich-menu entry ติดตามสถานะ sends exactly this text (manual, menu 2.6). */
export const TRACK_STATUS_TEXT = 'ติดตามสถานะ';

/** What a chat text asks for. Whatever the text, a command holds a bounded amount of it. */
export type TextCommand = { kind: 'track_status' } | { kind: 'tracking_nos'; trackingNos: string[]; capped: boolean } | { kind: 'malformed_tracking_no' };

/**
 * Recognises the commands of a chat text; null for anything else, which gets no automatic answer, so
 * staff can chat with the citizen in LINE OA Manager without a bot talking over them.
 */
export function recogniseCommand(text: string): TextCommand | null {
  if (text.trim() === TRACK_STATUS_TEXT) return { kind: 'track_status' };
  const prefix = municipality.trackingPrefix;
  const typed = findTrackingNos(text, prefix);
  if (typed.length > 0) {
    return { kind: 'tracking_nos', trackingNos: typed.slice(0, TRACKING_NOS_PER_MESSAGE), capped: typed.length > TRACKING_NOS_PER_MESSAGE };
  }
  if (mentionsTrackingNo(text, prefix)) return { kind: 'malformed_tracking_no' };
  return null;
}

/** The (free) reply to a citizen's chat text: exactly one reply of valid messages, or null for none. */
export async function answerText(db: Firestore, userId: string, text: string): Promise<messagingApi.Message[] | null> {
  const command = recogniseCommand(text);
  if (!command) return null;
  const liffBase = liffBaseUrl();
  switch (command.kind) {
    case 'track_status': {
      const { cases, total } = await newestCases(db, userId, CAROUSEL_MAX);
      return statusReply(cases, total, liffBase);
    }
    case 'tracking_nos': {
      const found = await casesByTrackingNo(db, userId, command.trackingNos);
      return trackingNoReply(found, command.trackingNos, command.capped, liffBase);
    }
    case 'malformed_tracking_no':
      return malformedTrackingNoReply(municipality.trackingPrefix);
  }
}

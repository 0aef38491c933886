import type { Firestore } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import { findTrackingNos, mentionsTrackingNo, parseReceiptRequest } from '@banmae/domain';
import { casesByTrackingNo, newestCases } from '../../complaints/citizen-cases.js';
import { claimReceiptForReply } from '../../complaints/receipt-reply.js';
import { municipality } from '../../municipality.js';
import { liffBaseUrl } from '../line-endpoint.js';
import { CAROUSEL_MAX, malformedTrackingNoReply, statusReply, TRACKING_NOS_PER_MESSAGE, trackingNoReply } from '../messages/status-reply.js';

/** The rich-menu entry ติดตามสถานะ sends exactly this text (manual, menu 2.6). */
export const TRACK_STATUS_TEXT = 'ติดตามสถานะ';

/** What a chat text asks for. Whatever the text, a command holds a bounded amount of it. */
export type TextCommand =
  | { kind: 'track_status' }
  /** "ส่งเรื่อง BM-…", said by the form for the citizen right after filing from the OA's chat (decision 012). */
  | { kind: 'receipt_request'; trackingNo: string }
  | { kind: 'tracking_nos'; trackingNos: string[]; capped: boolean }
  | { kind: 'malformed_tracking_no' };

/**
 * Recognises the commands of a chat text; null for anything else, which gets no automatic answer, so
 * staff can chat with the citizen in LINE OA Manager without a bot talking over them.
 */
export function recogniseCommand(text: string): TextCommand | null {
  if (text.trim() === TRACK_STATUS_TEXT) return { kind: 'track_status' };
  const prefix = municipality.trackingPrefix;
  const receiptFor = parseReceiptRequest(text, prefix);
  if (receiptFor) return { kind: 'receipt_request', trackingNo: receiptFor };
  const typed = findTrackingNos(text, prefix);
  if (typed.length > 0) {
    return { kind: 'tracking_nos', trackingNos: typed.slice(0, TRACKING_NOS_PER_MESSAGE), capped: typed.length > TRACKING_NOS_PER_MESSAGE };
  }
  if (mentionsTrackingNo(text, prefix)) return { kind: 'malformed_tracking_no' };
  return null;
}

export interface TextAnswer {
  messages: messagingApi.Message[];
  /** Called with whether the reply went out, when the answer is a receipt that must be recorded (receipt-reply.ts). */
  settle?: (replied: boolean) => Promise<void>;
}

/** The (free) reply to a citizen's chat text: exactly one reply of valid messages, or null for none. */
export async function answerText(db: Firestore, userId: string, text: string): Promise<TextAnswer | null> {
  const command = recogniseCommand(text);
  if (!command) return null;
  if (command.kind === 'receipt_request') {
    const receipt = await claimReceiptForReply(db, userId, command.trackingNo);
    // Already pushed, not the sender's, or said by hand later: answered like the number typed alone.
    if (receipt) return receipt;
    return { messages: await commandReply(db, userId, { kind: 'tracking_nos', trackingNos: [command.trackingNo], capped: false }) };
  }
  return { messages: await commandReply(db, userId, command) };
}

async function commandReply(db: Firestore, userId: string, command: Exclude<TextCommand, { kind: 'receipt_request' }>): Promise<messagingApi.Message[]> {
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

import type { Firestore } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import { findTrackingNos } from '@banmae/domain';
import { casesByTrackingNo, newestCases } from '../../complaints/citizen-cases.js';
import { municipality } from '../../municipality.js';
import { liffBaseUrl } from '../line-endpoint.js';
import { CAROUSEL_MAX, notFoundReply, statusReply } from '../messages/status-reply.js';

/** The rich-menu entry ติดตามสถานะ sends exactly this text (manual, menu 2.6). */
export const TRACK_STATUS_TEXT = 'ติดตามสถานะ';

/**
 * What a citizen's chat text asks for, answered as a (free) reply. Anything else gets no automatic
 * answer, so staff can chat with the citizen in LINE OA Manager without a bot talking over them.
 */
export async function answerText(db: Firestore, userId: string, text: string): Promise<messagingApi.Message[] | null> {
  const liffBase = liffBaseUrl();
  if (text.trim() === TRACK_STATUS_TEXT) {
    const { cases, total } = await newestCases(db, userId, CAROUSEL_MAX);
    return statusReply(cases, total, liffBase);
  }
  const asked = findTrackingNos(text, municipality.trackingPrefix);
  if (asked.length === 0) return null;
  const found = await casesByTrackingNo(db, userId, asked);
  if (found.length === 0) return notFoundReply(asked);
  return statusReply(found, found.length, liffBase);
}

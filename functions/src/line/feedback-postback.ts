import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isRating, type Rating } from '@banmae/domain';

/**
 * The data of the "done" message's postback buttons (decision 018): `fb1|<answer>|<caseId>|<token>`,
 * where the answer is `f` (แก้ไขแล้ว), `n` (ยังไม่ได้แก้ไข) or `r1`…`r5` (the rating), and the token is
 * 128 random bits the trigger stores on the case each time it becomes done (feedback.token). Only the
 * owner's chat ever holds it, a new "done" kills the old buttons, and the webhook still checks the
 * event's userId against the case's owner: the token keeps guessed or copied data useless, the owner
 * check keeps a leaked one useless to anybody else.
 */
export const POSTBACK_VERSION = 'fb1';
const TOKEN_BYTES = 16;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const CASE_ID_PATTERN = /^[A-Za-z0-9]{1,40}$/;

export type FeedbackAction = { kind: 'fixed' } | { kind: 'not_fixed' } | { kind: 'rate'; rating: Rating };

export interface FeedbackPostback {
  action: FeedbackAction;
  caseId: string;
  token: string;
}

export function newFeedbackToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

function actionCode(a: FeedbackAction): string {
  return a.kind === 'fixed' ? 'f' : a.kind === 'not_fixed' ? 'n' : `r${a.rating}`;
}

export function feedbackPostbackData(p: FeedbackPostback): string {
  return [POSTBACK_VERSION, actionCode(p.action), p.caseId, p.token].join('|');
}

/** The postback's meaning, or null for anything this desk did not write (any length, any bytes). */
export function parseFeedbackPostback(data: unknown): FeedbackPostback | null {
  if (typeof data !== 'string' || data.length > 300) return null;
  const parts = data.split('|');
  if (parts.length !== 4 || parts[0] !== POSTBACK_VERSION) return null;
  const [, code, caseId, token] = parts as [string, string, string, string];
  if (!CASE_ID_PATTERN.test(caseId) || !TOKEN_PATTERN.test(token)) return null;
  let action: FeedbackAction | null = null;
  if (code === 'f') action = { kind: 'fixed' };
  else if (code === 'n') action = { kind: 'not_fixed' };
  else if (/^r\d$/.test(code)) {
    const rating = Number(code.slice(1));
    if (isRating(rating)) action = { kind: 'rate', rating };
  }
  return action ? { action, caseId, token } : null;
}

/** Constant-time token comparison: the stored token is a secret of the owner's chat. */
export function sameToken(stored: unknown, given: string): boolean {
  if (typeof stored !== 'string' || stored.length !== given.length) return false;
  return timingSafeEqual(Buffer.from(stored), Buffer.from(given));
}

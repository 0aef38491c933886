import { createHmac, randomBytes } from 'node:crypto';

/** A ULID-shaped ID like LINE's webhookEventId (26 Crockford base-32 characters, time first). */
export function webhookEventId(now = Date.now()): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = alphabet[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const rand = [...randomBytes(16)].map((b) => alphabet[b % 32]).join('');
  return time + rand;
}

export function signBody(body: string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body, 'utf8').digest('base64');
}

export interface SendOptions {
  url: string;
  body: string;
  /** Overrides the signature header; null leaves it out. */
  signature?: string | null;
  channelSecret: string;
}

export async function postWebhook(opts: SendOptions): Promise<{ status: number; body: string; ms: number }> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'LineBotWebhook/2.0' };
  const signature = opts.signature === undefined ? signBody(opts.body, opts.channelSecret) : opts.signature;
  if (signature !== null) headers['x-line-signature'] = signature;
  const started = performance.now();
  const res = await fetch(opts.url, { method: 'POST', headers, body: opts.body });
  return { status: res.status, body: await res.text(), ms: performance.now() - started };
}

/** A LINE group ID ("C" and 32 hex digits), random: a staff group for a test or for `npm run line:say -- --join-group`. */
export function lineGroupId(): string {
  return 'C' + [...randomBytes(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The OA was added to a group (join) or removed from it (leave), as LINE sends them: the source is the group. */
export const groupJoinEvent = (groupId: string, timestamp = Date.now()) => ({ type: 'join', source: { type: 'group', groupId }, timestamp });
export const groupLeaveEvent = (groupId: string, timestamp = Date.now()) => ({ type: 'leave', source: { type: 'group', groupId }, timestamp });

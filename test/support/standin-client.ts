import type { RecordedRequest as StandinRecord } from '../line-standin/server.ts';
import { STANDIN_URL } from './stack.ts';

/** Talks to the LINE stand-in's control endpoints (test/line-standin/server.ts). */
export interface RecordedRequest extends Omit<StandinRecord, 'body'> {
  body: { to?: string; replyToken?: string; messages?: { type: string; altText?: string; text?: string; contents?: unknown }[] };
}

async function control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${STANDIN_URL}/__standin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`stand-in ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const standin = {
  reset: () => control('POST', '/reset'),
  requests: (path?: string) => control<RecordedRequest[]>('GET', `/requests${path ? `?path=${encodeURIComponent(path)}` : ''}`),
  /** Pushes LINE accepted (2xx) for one user. */
  async deliveredPushes(to?: string): Promise<RecordedRequest[]> {
    const all = await this.requests('/v2/bot/message/push');
    return all.filter((r) => r.status === 200 && (to === undefined || r.body.to === to));
  },
  fault: (f: { path: string; status?: number; body?: unknown; delayMs?: number; times?: number; probability?: number }) => control('POST', '/faults', f),
  /** Ends every injected fault (an outage) and keeps the record of what arrived. */
  clearFaults: () => control('POST', '/faults/clear'),
  quota: (q: { monthlyQuota?: number; totalUsage?: number }) => control('POST', '/quota', q),
  async idToken(sub: string, opts: { aud?: string; expiresIn?: number } = {}): Promise<string> {
    const q = new URLSearchParams({ sub });
    if (opts.aud) q.set('aud', opts.aud);
    if (opts.expiresIn !== undefined) q.set('expiresIn', String(opts.expiresIn));
    return (await control<{ idToken: string }>('GET', `/id-token?${q}`)).idToken;
  },
  webhook: (w: { events: Record<string, unknown>[]; signature?: string | null; tamper?: boolean; url?: string }) =>
    control<{ status: number; body: string; ms: number; events: Record<string, unknown>[] }>('POST', '/webhook', w),
};

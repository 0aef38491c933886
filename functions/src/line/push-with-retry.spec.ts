import { describe, expect, it } from 'vitest';
import { backoffMs, pushWithRetry, TRIGGER_ATTEMPTS } from './push-with-retry.ts';
import { retryKeyFor } from './retry-key.ts';

describe('backoffMs', () => {
  it('doubles from the base delay and stays within [cap/2, cap]', () => {
    const policy = { ...TRIGGER_ATTEMPTS, maxDelayMs: 4000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 0))).toEqual([200, 400, 800, 1600, 2000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 1))).toEqual([400, 800, 1600, 3200, 4000]);
  });
  it("keeps a trigger's own go short: two attempts, under a second of waiting between them", () => {
    expect(TRIGGER_ATTEMPTS.maxAttempts).toBe(2);
    expect(backoffMs(1, TRIGGER_ATTEMPTS, () => 1)).toBeLessThanOrEqual(1000);
  });
});

/** LINE's answers as the SDK reports them: HTTPFetchError-like objects, or a plain error for the network. */
const http = (status: number, message = '') =>
  Object.assign(new Error(`${status}`), { status, headers: new Headers({ 'x-line-accepted-request-id': 'req-1' }), body: JSON.stringify({ message }) });
const ok = { httpResponse: { headers: new Headers({ 'x-line-request-id': 'req-2' }) }, body: {} };
const hangs = () => new Promise<never>(() => {});

function client(...answers: (Error | 'ok' | 'hang')[]) {
  let i = 0;
  return {
    calls: () => i,
    pushMessageWithHttpInfo: async () => {
      const a = answers[i++];
      if (a === 'ok') return ok as never;
      if (a === 'hang') return hangs();
      throw a as Error;
    },
  };
}

const policy = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, attemptTimeoutMs: 20 };
const push = (c: ReturnType<typeof client>) => pushWithRetry(c, { to: 'U1', messages: [] }, 'key', policy, async () => {});

describe('what the attempts of one push establish', () => {
  it('an answer that never came, then a 500: unknown, not failed (LINE may have taken the first)', async () => {
    expect(await push(client('hang', http(500)))).toMatchObject({ state: 'unknown', attempts: 2, status: 500 });
  });
  it('a network error: unknown', async () => {
    expect(await push(client(new TypeError('fetch failed'), new TypeError('fetch failed')))).toMatchObject({ state: 'unknown' });
  });
  it('only 429s ("not now"): pending, LINE took nothing', async () => {
    expect(await push(client(http(429, 'The API rate limit has been exceeded.'), http(429, 'The API rate limit has been exceeded.')))).toMatchObject({
      state: 'pending',
      status: 429,
    });
  });
  it('a 409 on the same retry key after a lost answer: sent, as a duplicate of what LINE had accepted', async () => {
    expect(await push(client('hang', http(409)))).toEqual({ state: 'sent', attempts: 2, requestId: 'req-1', duplicate: true });
  });
  it('a definite refusal stops at once: failed', async () => {
    const c = client(http(400, 'The request body has 1 error(s)'), 'ok');
    expect(await push(c)).toMatchObject({ state: 'failed', attempts: 1, status: 400 });
    expect(c.calls()).toBe(1);
  });
  it('the monthly limit is a refusal no retry fixes: failed', async () => {
    expect(await push(client(http(429, 'You have reached your monthly limit.')))).toMatchObject({ state: 'failed', attempts: 1, status: 429 });
  });
});

describe('retryKeyFor', () => {
  it('is a UUID, the same for the same message and different for another', () => {
    const a = retryKeyFor('complaints/x/timeline/e1');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retryKeyFor('complaints/x/timeline/e1')).toBe(a);
    expect(retryKeyFor('complaints/x/timeline/e2')).not.toBe(a);
  });
});

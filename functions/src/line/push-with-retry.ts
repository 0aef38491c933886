import type { messagingApi } from '@line/bot-sdk';

/**
 * What the attempts established. `failed`: LINE refused the message for good. `pending`: LINE said "not
 * now" (429) and nothing else. `unknown`: some attempt may have reached LINE (no answer, network error,
 * 5xx), so only another attempt with the same retry key can tell (409 = it arrived).
 */
export type PushOutcome =
  | { state: 'sent'; attempts: number; requestId: string | null; duplicate: boolean }
  | { state: 'failed' | 'pending' | 'unknown'; attempts: number; error: string; status: number | null };

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The SDK's fetch has no timeout of its own (PLATFORM-FACTS.md); a stalled attempt counts as a network error. */
  attemptTimeoutMs: number;
}

/**
 * A trigger's go: two quick attempts (LINE answers a push in well under a second), then it leaves the
 * message to the delivery sweeper instead of sleeping through backoff while holding the event.
 */
export const TRIGGER_ATTEMPTS: RetryPolicy = { maxAttempts: 2, baseDelayMs: 400, maxDelayMs: 1000, attemptTimeoutMs: 5_000 };

/** A sweeper run tries each due message once; its backoff is between runs (delivery-schedule.ts). */
export const SWEEP_ATTEMPT: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, attemptTimeoutMs: 10_000 };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from LINE within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface HttpErrorLike {
  status: number;
  headers?: Headers;
  body?: string;
}

function asHttpError(err: unknown): HttpErrorLike | null {
  if (err && typeof err === 'object' && 'status' in err && typeof (err as HttpErrorLike).status === 'number') return err as HttpErrorLike;
  return null;
}

function lineMessage(body: string | undefined): string {
  try {
    const message = (JSON.parse(body ?? '{}') as { message?: unknown }).message;
    return typeof message === 'string' ? message : '';
  } catch {
    return body ?? '';
  }
}

/** Capped exponential backoff with full jitter, so retries from many triggers don't arrive together. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

type Verdict = { retry: true; error: string; mayHaveArrived: boolean } | { retry: false; outcome: PushOutcome };

/**
 * LINE's answers (PLATFORM-FACTS.md): 409 on a repeated retry key means it was already accepted;
 * 429 is retried unless it is the monthly limit, which no retry fixes; 5xx, network errors and
 * timeouts are retried and do not prove the message was not sent (the retry key covers that); other
 * 4xx stop.
 */
function judge(err: unknown, attempts: number): Verdict {
  const http = asHttpError(err);
  if (!http) return { retry: true, error: `network: ${String(err)}`, mayHaveArrived: true };
  const message = lineMessage(http.body);
  if (http.status === 409) {
    return { retry: false, outcome: { state: 'sent', attempts, requestId: http.headers?.get('x-line-accepted-request-id') ?? null, duplicate: true } };
  }
  if (http.status === 429 && /monthly limit/i.test(message)) {
    return { retry: false, outcome: { state: 'failed', attempts, status: 429, error: `429 ${message}` } };
  }
  if (http.status === 429 || http.status >= 500) return { retry: true, error: `${http.status} ${message}`.trim(), mayHaveArrived: http.status >= 500 };
  return { retry: false, outcome: { state: 'failed', attempts, status: http.status, error: `${http.status} ${message}`.trim() } };
}

/**
 * Pushes with the message's retry key, retrying what LINE may still accept. An answer that never came
 * is not a failure: the outcome is then `unknown`, and stays so after later 5xx/429, until a 409 or a
 * 200 settles it.
 */
export async function pushWithRetry(
  client: Pick<messagingApi.MessagingApiClient, 'pushMessageWithHttpInfo'>,
  request: messagingApi.PushMessageRequest,
  retryKey: string,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<PushOutcome> {
  let lastError = '';
  let lastStatus: number | null = null;
  let mayHaveArrived = false;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    try {
      const { httpResponse } = await withTimeout(client.pushMessageWithHttpInfo(request, retryKey), policy.attemptTimeoutMs);
      return { state: 'sent', attempts: attempt, requestId: httpResponse.headers.get('x-line-request-id'), duplicate: false };
    } catch (err) {
      const verdict = judge(err, attempt);
      if (!verdict.retry) return verdict.outcome;
      lastError = verdict.error;
      lastStatus = asHttpError(err)?.status ?? null;
      mayHaveArrived ||= verdict.mayHaveArrived;
      if (attempt < policy.maxAttempts) await sleep(backoffMs(attempt, policy));
    }
  }
  return { state: mayHaveArrived ? 'unknown' : 'pending', attempts: policy.maxAttempts, status: lastStatus, error: lastError };
}

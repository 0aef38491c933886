/**
 * When an undelivered LINE message is tried again (docs/decisions/014). LINE keeps a retry key for 24 h
 * (PLATFORM-FACTS.md): within that time another attempt with the same key either delivers the message
 * or proves it was delivered (409), never twice. Past it, a retry could deliver a second copy, so the
 * sweeper stops a margin before and hands the message to staff.
 */
export const DELIVERY_SCHEDULE = {
  /** How often the sweeper runs (entry-points/delivery-sweeper.ts says the same in its schedule). */
  sweepEveryMinutes: 1,
  /** Messages one run takes, oldest due first: after an outage the backlog drains at this rate, not at once. */
  perRun: 100,
  /** Pushes one run has in flight at a time. */
  concurrency: 10,
  /** A run that takes a message owns it this long (its attempt has a 10 s timeout); then it is due again. */
  leaseMs: 2 * 60_000,
  firstRetryMs: 60_000,
  maxRetryMs: 15 * 60_000,
  /** LINE's 24 h less a margin for the difference between our clock and LINE's. */
  retryForMs: 24 * 60 * 60_000 - 15 * 60_000,
} as const;

/**
 * The wait before the next attempt once `attempts` attempts have gone unsettled: a minute, doubling up to
 * 15 minutes, with jitter so that messages held up by one outage do not all come due in the same run.
 */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const { firstRetryMs, maxRetryMs } = DELIVERY_SCHEDULE;
  const cap = Math.min(maxRetryMs, firstRetryMs * 2 ** Math.max(0, attempts - 2));
  return Math.round(cap * (0.75 + random() * 0.25));
}

/** The last moment a message first tried at `firstAttemptAt` may be sent again with its retry key. */
export function retryDeadline(firstAttemptAt: Date): Date {
  return new Date(firstAttemptAt.getTime() + DELIVERY_SCHEDULE.retryForMs);
}

/** When the next attempt is due: after the backoff, but never past the deadline (the run there gives up). */
export function nextAttemptAt(now: Date, attempts: number, firstAttemptAt: Date, random = Math.random): Date {
  return new Date(Math.min(now.getTime() + retryDelayMs(attempts, random), retryDeadline(firstAttemptAt).getTime()));
}

import { describe, expect, it } from 'vitest';
import { DELIVERY_SCHEDULE, nextAttemptAt, retryDeadline, retryDelayMs } from './delivery-schedule.ts';

const MIN = 60_000;

describe('when an undelivered message is tried again', () => {
  it('waits a minute after the trigger, doubling up to 15 minutes', () => {
    expect([2, 3, 4, 5, 6, 7, 20].map((n) => retryDelayMs(n, () => 1) / MIN)).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });
  it('spreads messages of one outage over a quarter of the wait', () => {
    expect(retryDelayMs(4, () => 0)).toBe(3 * MIN);
  });
  it('stops before LINE forgets the retry key (24 h), so a late retry cannot deliver a second copy', () => {
    const first = new Date('2026-11-26T00:00:00Z');
    expect(retryDeadline(first).getTime() - first.getTime()).toBeLessThan(24 * 60 * MIN);
    expect(retryDeadline(first).getTime() - first.getTime()).toBe(DELIVERY_SCHEDULE.retryForMs);
    const late = new Date(retryDeadline(first).getTime() - MIN);
    expect(nextAttemptAt(late, 30, first, () => 1)).toEqual(retryDeadline(first)); // the last try is at the deadline, not after
  });
  it('over 24 h of outage tries a message about a hundred times, not thousands', () => {
    const first = new Date(0);
    let at = first;
    let attempts = 2;
    while (at < retryDeadline(first)) {
      at = nextAttemptAt(at, attempts, first, () => 1);
      attempts += 1;
    }
    expect(attempts).toBeGreaterThan(90);
    expect(attempts).toBeLessThan(110);
  });
});

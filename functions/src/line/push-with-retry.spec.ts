import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY } from './push-with-retry.ts';
import { retryKeyFor } from './retry-key.ts';

describe('backoffMs', () => {
  it('doubles from the base delay and stays within [cap/2, cap]', () => {
    const lows = [1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, DEFAULT_RETRY, () => 0));
    const highs = [1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, DEFAULT_RETRY, () => 1));
    expect(lows).toEqual([200, 400, 800, 1600, 2000, 2000]);
    expect(highs).toEqual([400, 800, 1600, 3200, 4000, 4000]);
  });
  it('waits at most about 8 s in all before giving up', () => {
    const total = Array.from({ length: DEFAULT_RETRY.maxAttempts - 1 }, (_, i) => backoffMs(i + 1, DEFAULT_RETRY, () => 1)).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(8000);
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

import { describe, expect, it } from 'vitest';
import { overdueCutoff } from './overdue-cutoff.ts';
import { dueAt } from './working-days.ts';

describe('the overdue cut-off the dashboard counts with', () => {
  const holidays = new Set(['2026-12-07', '2026-12-10']);
  const nows = ['2026-12-08T03:00:00Z', '2026-12-12T10:00:00Z', '2026-12-14T16:59:59Z', '2026-12-14T17:00:00Z'].map((s) => new Date(s));

  for (const now of nows) {
    for (const allowed of [1, 3, 5, 15]) {
      it(`agrees with dueAt for every hour of the month before ${now.toISOString()} (${allowed} working days)`, () => {
        const cutoff = overdueCutoff(allowed, holidays, now);
        for (let t = now.getTime() - 40 * 86_400_000; t < now.getTime(); t += 3_600_000) {
          const overdue = dueAt(new Date(t), allowed, holidays).getTime() < now.getTime();
          expect(t < cutoff.getTime()).toBe(overdue);
        }
      });
    }
  }
});

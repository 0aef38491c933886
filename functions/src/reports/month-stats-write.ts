import { FieldValue } from 'firebase-admin/firestore';
import { monthStatsHeader } from '@banmae/domain';

/**
 * What a merge-set of stats/{month} writes to add `inc` to the month's counters:
 * { "byStatus.done": 1 } → { byStatus: { done: increment(1) } }, with the month's header so the
 * merge-set creates a complete month document if it is new. The figures sync and the history seed
 * (scripts/seed-history.ts) both write through it, so the dashboard reads one shape.
 */
export function monthStatsWrite(month: string, inc: Record<string, number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, n] of Object.entries(inc)) {
    const keys = path.split('.');
    let at = out;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[keys.at(-1)!] = FieldValue.increment(n);
  }
  return { ...monthStatsHeader(month), ...out };
}

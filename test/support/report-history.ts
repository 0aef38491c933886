import type { Firestore } from 'firebase-admin/firestore';
import { writeCaseHistory, type HistoricCase } from '../../scripts/seed-history.ts';

/**
 * Cases across fiscal years 2569 and 2570 with answers worked out by hand, for the dashboard and CSV
 * tests. The pair that matters most: A filed at 23:30 on 30 September 2026 (Bangkok) is fiscal 2569,
 * B filed ten minutes into 1 October is fiscal 2570.
 */
const DAY = 86_400_000;
const t = (s: string) => new Date(s);
const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

function c(createdAt: string, category: string, status: string, closedAfterDays: number | null, deliveredAfterDays: number | null): HistoricCase {
  const at = t(createdAt);
  return {
    createdAt: at,
    category,
    kind: 'complaint',
    status,
    subject: `ทดสอบรายงาน ${createdAt}`,
    ...(closedAfterDays === null ? {} : { closedAt: plus(at, closedAfterDays) }),
    ...(deliveredAfterDays === null ? {} : { deliveredAt: plus(at, deliveredAfterDays) }),
  };
}

export const REPORT_CASES: HistoricCase[] = [
  c('2026-09-30T23:30:00+07:00', 'road', 'done', 2, 0.05), // A: fiscal 2569, round 2
  c('2026-10-01T00:10:00+07:00', 'road', 'done', 4, 0.05), // B: fiscal 2570
  c('2026-10-05T09:00:00+07:00', 'road', 'done', 6.5, 20), // C: told after 20 days
  c('2026-10-10T09:00:00+07:00', 'water', 'rejected', 1, null), // D: never told
  c('2026-11-02T09:00:00+07:00', 'water', 'in_progress', null, 0.1), // E: open, overdue (3 working days)
  c('2026-04-10T09:00:00+07:00', 'road', 'done', 10, 0.5), // F: fiscal 2569, round 2
  c('2025-11-15T09:00:00+07:00', 'waste', 'done', 3, 0.5), // G: fiscal 2569, round 1
  c('2025-09-30T10:00:00+07:00', 'road', 'done', 1, 0.5), // H: fiscal 2568, in neither year
];

/** What the dashboard and the CSV must both say. Days in tenths as shown ("4.0"). */
export const REPORT_ANSWERS = {
  2570: {
    filed: 4,
    byStatus: { done: 2, rejected: 1, in_progress: 1, received: 0 },
    road: { filed: 2, done: 2, median: '4.0', p90: '6.5' },
    water: { filed: 2, done: 0 },
    heard: '50.0%',
    period: { from: '2026-10-01', to: '2027-09-30' },
  },
  2569: {
    filed: 3,
    byStatus: { done: 3 },
    road: { filed: 2, done: 2, median: '2.0', p90: '10.0' },
    waste: { filed: 1, done: 1, median: '3.0', p90: '3.0' },
    heard: '100.0%',
    round1Filed: 1,
    round2Filed: 2,
    period: { from: '2025-10-01', to: '2026-09-30' },
  },
  /** Open cases past their due time now: E alone. */
  overdueNow: 1,
} as const;

export function seedReportCases(db: Firestore): Promise<string[]> {
  return writeCaseHistory(db, REPORT_CASES);
}

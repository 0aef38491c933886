import { STATUSES } from './statuses.ts';
import { fiscalRoundOfMonth, fiscalYearOfMonth, monthKeyOf } from './fiscal-year.ts';

/**
 * The dashboard's figures are counters the functions keep, never a read of every case (decision 017):
 * stats/{YYYY-MM} holds, for the cases filed in that Bangkok month, how many are in each status, each
 * category and kind, how long the finished ones took, and how many citizens heard back in LINE within
 * 15 days. caseFigures/{caseId} remembers what a case currently contributes, so bringing the counters up
 * to date is "remove the old contribution, add the new one": idempotent, and order does not matter.
 */

/** ITA's rule: the citizen hears back (a LINE message delivered) within 15 days of filing. */
export const HEARD_BACK_DAYS = 15;

const TENTH_DAY_MS = 8_640_000;

/** Durations are counted in tenths of a day, floored: the dashboard and the CSV show the same "3.5". */
export function durationTenths(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / TENTH_DAY_MS));
}

export function formatTenths(tenths: number): string {
  return (tenths / 10).toFixed(1);
}

/** What one case contributes to its filing month's stats document. */
export interface CaseFigures {
  month: string;
  status: string;
  category: string;
  kind: string;
  /** Received → done, for a finished case (done, or confirmed by its citizen); null otherwise (a reopened case drops out). */
  doneTenths: number | null;
  heardWithin15: boolean;
  /** The citizen's 1–5 rating, once given (decision 018); absent in figures counted before ratings. */
  rating?: number | null;
}

export interface CaseFacts {
  createdAt: Date;
  status: string;
  category: string;
  kind: string;
  /** When the case was last closed (the trigger stamps it with the status change). */
  closedAt: Date | null;
  /** When the first LINE message to the citizen was delivered, if any. */
  firstDeliveredAt: Date | null;
  rating: number | null;
}

/** Statuses whose case staff finished: "done", and "confirmed" when the citizen agreed (decision 018). */
export const FINISHED_STATUSES: readonly string[] = ['done', 'confirmed'];

export function caseFigures(c: CaseFacts): CaseFigures {
  return {
    month: monthKeyOf(c.createdAt),
    status: c.status,
    category: c.category,
    kind: c.kind,
    doneTenths: FINISHED_STATUSES.includes(c.status) && c.closedAt ? durationTenths(c.createdAt, c.closedAt) : null,
    heardWithin15: c.firstDeliveredAt !== null && c.firstDeliveredAt.getTime() - c.createdAt.getTime() <= HEARD_BACK_DAYS * 86_400_000,
    rating: c.rating,
  };
}

/** Increments per month document, as dotted field paths ("byStatus.done": -1). */
export type StatsIncrements = Map<string, Record<string, number>>;

function add(into: StatsIncrements, f: CaseFigures, sign: 1 | -1): void {
  const inc = into.get(f.month) ?? {};
  const bump = (path: string) => (inc[path] = (inc[path] ?? 0) + sign);
  bump('filed');
  bump(`byStatus.${f.status}`);
  bump(`byCategory.${f.category}`);
  bump(`byKind.${f.kind}`);
  if (f.doneTenths !== null) bump(`doneTenths.${f.category}.${f.doneTenths}`);
  if (f.heardWithin15) bump('heardWithin15');
  if (typeof f.rating === 'number') {
    bump('ratingCount');
    inc.ratingSum = (inc.ratingSum ?? 0) + sign * f.rating;
  }
  into.set(f.month, inc);
}

/** What must change in the month documents when a case's contribution goes from `before` to `after`. */
export function statsIncrements(before: CaseFigures | null, after: CaseFigures | null): StatsIncrements {
  const out: StatsIncrements = new Map();
  if (before) add(out, before, -1);
  if (after) add(out, after, 1);
  for (const [month, inc] of out) {
    for (const [k, v] of Object.entries(inc)) if (v === 0) delete inc[k];
    if (Object.keys(inc).length === 0) out.delete(month);
  }
  return out;
}

/** stats/{YYYY-MM}: readable by staff, written by the functions only. */
export interface MonthStats {
  month: string;
  fiscalYear: number;
  round: 1 | 2;
  filed: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  byKind: Record<string, number>;
  /** Per category, a histogram of received → done durations: tenths of a day → cases. */
  doneTenths: Record<string, Record<string, number>>;
  heardWithin15: number;
  /** Citizens' 1–5 ratings of the month's cases: how many, and their sum (the average is their ratio). */
  ratingCount: number;
  ratingSum: number;
}

/** The fixed fields a new month document starts with (the counters are added by increments). */
export function monthStatsHeader(month: string): Pick<MonthStats, 'month' | 'fiscalYear' | 'round'> {
  return { month, fiscalYear: fiscalYearOfMonth(month), round: fiscalRoundOfMonth(month) };
}

/**
 * Nearest-rank percentile of a histogram (value → count): the smallest value with at least p of the
 * cases at or below it. The CSV test applies the same definition to the exported rows.
 */
export function histogramPercentile(hist: Record<string, number>, p: number): number | null {
  const entries = Object.entries(hist)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [value, n] of entries) {
    seen += n;
    if (seen >= rank) return value;
  }
  return null;
}

export function valuesPercentile(values: readonly number[], p: number): number | null {
  const hist: Record<string, number> = {};
  for (const v of values) hist[v] = (hist[v] ?? 0) + 1;
  return histogramPercentile(hist, p);
}

export interface DashboardSummary {
  filed: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  byMonth: { month: string; filed: number }[];
  /** Per category: finished cases, median and 90th percentile received → done, in tenths of a day. */
  durations: Record<string, { done: number; medianTenths: number | null; p90Tenths: number | null }>;
  heardWithin15: number;
  /** Share of the period's cases whose citizen heard back within 15 days, 0..1 (null with no case). */
  heardWithin15Share: number | null;
  /** Finished cases: done, or confirmed by the citizen. */
  finished: number;
  ratingCount: number;
  /** Mean of the citizens' 1–5 ratings, null with none. */
  ratingAverage: number | null;
}

/** Adds up the month documents of a period; `months` lists every month of it, present or not. */
export function summariseMonths(months: readonly string[], docs: readonly Partial<MonthStats>[]): DashboardSummary {
  const byMonthDoc = new Map(docs.map((d) => [d.month, d]));
  const byStatus: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const byCategory: Record<string, number> = {};
  const hist: Record<string, Record<string, number>> = {};
  let filed = 0;
  let heard = 0;
  let ratingCount = 0;
  let ratingSum = 0;
  const byMonth = months.map((month) => {
    const d = byMonthDoc.get(month);
    filed += d?.filed ?? 0;
    heard += d?.heardWithin15 ?? 0;
    ratingCount += d?.ratingCount ?? 0;
    ratingSum += d?.ratingSum ?? 0;
    for (const [k, n] of Object.entries(d?.byStatus ?? {})) byStatus[k] = (byStatus[k] ?? 0) + n;
    for (const [k, n] of Object.entries(d?.byCategory ?? {})) byCategory[k] = (byCategory[k] ?? 0) + n;
    for (const [cat, h] of Object.entries(d?.doneTenths ?? {})) {
      const into = (hist[cat] ??= {});
      for (const [t, n] of Object.entries(h)) into[t] = (into[t] ?? 0) + n;
    }
    return { month, filed: d?.filed ?? 0 };
  });
  const durations: DashboardSummary['durations'] = {};
  for (const [cat, h] of Object.entries(hist)) {
    const done = Object.values(h).reduce((s, n) => s + n, 0);
    if (done > 0) durations[cat] = { done, medianTenths: histogramPercentile(h, 0.5), p90Tenths: histogramPercentile(h, 0.9) };
  }
  return {
    filed,
    byStatus,
    byCategory,
    byMonth,
    durations,
    heardWithin15: heard,
    heardWithin15Share: filed ? heard / filed : null,
    finished: FINISHED_STATUSES.reduce((n, st) => n + (byStatus[st] ?? 0), 0),
    ratingCount,
    ratingAverage: ratingCount ? ratingSum / ratingCount : null,
  };
}

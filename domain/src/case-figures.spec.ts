import { describe, expect, it } from 'vitest';
import { caseFigures, histogramPercentile, statsIncrements, summariseMonths, valuesPercentile, type MonthStats } from './case-figures.ts';

const at = (s: string) => new Date(s);

describe('a case in the month counters', () => {
  const filed = {
    createdAt: at('2026-09-30T16:30:00Z'),
    status: 'received',
    category: 'road',
    kind: 'complaint',
    closedAt: null,
    firstDeliveredAt: null,
    rating: null,
  };

  it('counts a case filed at 23:30 on 30 September (Bangkok) in September, fiscal 2569', () => {
    expect(caseFigures(filed).month).toBe('2026-09');
    expect(caseFigures({ ...filed, createdAt: at('2026-09-30T17:00:00Z') }).month).toBe('2026-10');
  });

  it('moves a case from one status to another without counting it twice', () => {
    const before = caseFigures(filed);
    const after = caseFigures({ ...filed, status: 'done', closedAt: at('2026-10-03T16:30:00Z') });
    const inc = statsIncrements(before, after).get('2026-09');
    expect(inc).toEqual({ 'byStatus.received': -1, 'byStatus.done': 1, 'doneTenths.road.30': 1 });
  });

  it('changes nothing when the case is as counted (a trigger run twice)', () => {
    expect(statsIncrements(caseFigures(filed), caseFigures(filed)).size).toBe(0);
  });

  it('drops the duration of a reopened case', () => {
    const done = caseFigures({ ...filed, status: 'done', closedAt: at('2026-10-01T16:30:00Z') });
    const reopened = caseFigures({ ...filed, status: 'in_progress', closedAt: at('2026-10-01T16:30:00Z') });
    expect(statsIncrements(done, reopened).get('2026-09')).toEqual({ 'byStatus.done': -1, 'byStatus.in_progress': 1, 'doneTenths.road.10': -1 });
  });

  it('keeps the duration when the citizen confirms a finished case, and counts a rating once given', () => {
    const done = caseFigures({ ...filed, status: 'done', closedAt: at('2026-10-01T16:30:00Z') });
    const confirmed = caseFigures({ ...filed, status: 'confirmed', closedAt: at('2026-10-01T16:30:00Z') });
    expect(statsIncrements(done, confirmed).get('2026-09')).toEqual({ 'byStatus.done': -1, 'byStatus.confirmed': 1 });
    const rated = caseFigures({ ...filed, status: 'confirmed', closedAt: at('2026-10-01T16:30:00Z'), rating: 4 });
    expect(statsIncrements(confirmed, rated).get('2026-09')).toEqual({ ratingCount: 1, ratingSum: 4 });
    expect(statsIncrements(rated, rated).size).toBe(0);
  });

  it('counts "heard back" only within 15 days of filing', () => {
    expect(caseFigures({ ...filed, firstDeliveredAt: at('2026-10-15T16:30:00Z') }).heardWithin15).toBe(true);
    expect(caseFigures({ ...filed, firstDeliveredAt: at('2026-10-15T16:30:01Z') }).heardWithin15).toBe(false);
  });
});

describe('ratings in a period', () => {
  it("averages the citizens' ratings over the months, and counts confirmed cases as finished", () => {
    const s = summariseMonths(
      ['2026-10', '2026-11'],
      [
        { month: '2026-10', filed: 2, byStatus: { confirmed: 2 }, ratingCount: 2, ratingSum: 9 },
        { month: '2026-11', filed: 1, byStatus: { done: 1 }, ratingCount: 1, ratingSum: 3 },
      ],
    );
    expect(s.ratingCount).toBe(3);
    expect(s.ratingAverage).toBe(4);
    expect(s.finished).toBe(3);
  });
});

describe('percentiles (nearest rank)', () => {
  it.each([
    { values: [10, 20, 30, 40], p: 0.5, want: 20 },
    { values: [10, 20, 30, 40, 50], p: 0.5, want: 30 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 0.9, want: 9 },
    { values: [5], p: 0.9, want: 5 },
    { values: [], p: 0.5, want: null },
  ])('p$p of $values is $want', ({ values, p, want }) => {
    expect(valuesPercentile(values, p)).toBe(want);
  });

  it('reads a histogram the same way', () => {
    expect(histogramPercentile({ '10': 2, '30': 1, '5': 1 }, 0.5)).toBe(10);
  });
});

describe('a period summed from its month documents', () => {
  it('adds the months, merges the duration histograms and computes the 15-day share', () => {
    const docs: Partial<MonthStats>[] = [
      { month: '2026-10', filed: 3, byStatus: { done: 2, received: 1 }, byCategory: { road: 3 }, doneTenths: { road: { '10': 1, '50': 1 } }, heardWithin15: 2 },
      { month: '2026-11', filed: 1, byStatus: { done: 1 }, byCategory: { water: 1 }, doneTenths: { road: { '20': 1 } }, heardWithin15: 1 },
      { month: '2025-10', filed: 100 }, // another year: not in the months asked for
    ];
    const s = summariseMonths(['2026-10', '2026-11', '2026-12'], docs);
    expect(s.finished).toBe(3);
    expect(s.ratingAverage).toBeNull();
    expect(s.filed).toBe(4);
    expect(s.byStatus).toMatchObject({ done: 3, received: 1, rejected: 0 });
    expect(s.durations.road).toEqual({ done: 3, medianTenths: 20, p90Tenths: 50 });
    expect(s.heardWithin15Share).toBe(0.75);
    expect(s.byMonth.map((m) => m.filed)).toEqual([3, 1, 0]);
  });
});

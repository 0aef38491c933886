import { describe, expect, it } from 'vitest';
import {
  fiscalMonths,
  fiscalPeriod,
  fiscalPeriodDates,
  fiscalRoundOfMonth,
  fiscalYearLabel,
  fiscalYearOf,
  formatBeDate,
  monthKeyOf,
  thaiMonthLabel,
} from './fiscal-year.ts';

describe('the Thai fiscal year in Bangkok time', () => {
  it.each([
    { description: '30 September 23:59 Bangkok ends fiscal 2569', at: '2026-09-30T16:59:59Z', want: 2569 },
    { description: '1 October 00:00 Bangkok starts fiscal 2570', at: '2026-09-30T17:00:00Z', want: 2570 },
    { description: '31 December belongs to the year ending next September', at: '2026-12-31T12:00:00Z', want: 2570 },
    { description: '1 January', at: '2027-01-01T00:00:00+07:00', want: 2570 },
    { description: '30 September 2027', at: '2027-09-30T12:00:00+07:00', want: 2570 },
  ])('$description', ({ at, want }) => {
    expect(fiscalYearOf(new Date(at))).toBe(want);
  });

  it('labels the year as Thai reports do', () => {
    expect(fiscalYearLabel(2570)).toBe('ปีงบประมาณ 2570');
  });

  it('lists the months October first and splits the rounds Oct–Mar, Apr–Sep', () => {
    expect(fiscalMonths(2570)).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
    ]);
    expect(fiscalMonths(2570, 1).at(-1)).toBe('2027-03');
    expect(fiscalMonths(2570, 2)[0]).toBe('2027-04');
    expect(fiscalRoundOfMonth('2027-03')).toBe(1);
    expect(fiscalRoundOfMonth('2027-04')).toBe(2);
    expect(fiscalRoundOfMonth('2026-10')).toBe(1);
  });

  it('gives periods as Bangkok instants and dates', () => {
    const p = fiscalPeriod(2570);
    expect(p.start.toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(p.end.toISOString()).toBe('2027-09-30T17:00:00.000Z');
    expect(fiscalPeriodDates(2570, 2)).toEqual({ from: '2027-04-01', to: '2027-09-30' });
    expect(monthKeyOf(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10');
  });

  it('writes dates in the Buddhist era, day first, in Bangkok', () => {
    expect(formatBeDate(new Date('2026-09-30T16:59:59Z'))).toBe('30/09/2569');
    expect(formatBeDate(new Date('2026-09-30T17:00:00Z'))).toBe('01/10/2569');
    expect(thaiMonthLabel('2026-10')).toBe('ต.ค. 69');
  });
});

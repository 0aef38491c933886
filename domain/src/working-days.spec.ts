import { describe, expect, it } from 'vitest';
import { bangkokDateKey, dueAt, workingDaysBetween } from './working-days.ts';

const none = new Set<string>();
// 2026-11-27 is a Friday.
const fridayEvening = new Date('2026-11-27T12:00:00Z'); // 19:00 in Bangkok

describe('working days in Bangkok', () => {
  const cases: { description: string; filed: Date; days: number; holidays: Set<string>; want: string }[] = [
    { description: 'skips the weekend', filed: fridayEvening, days: 2, holidays: none, want: '2026-12-01T17:00:00.000Z' },
    { description: 'counts from the next day', filed: new Date('2026-11-23T02:00:00Z'), days: 1, holidays: none, want: '2026-11-24T17:00:00.000Z' },
    {
      description: 'skips a listed holiday',
      filed: new Date('2026-12-03T02:00:00Z'),
      days: 2,
      holidays: new Set(['2026-12-07']),
      want: '2026-12-08T17:00:00.000Z',
    },
    // 23:30 UTC on Sunday is Monday 06:30 in Bangkok: the filing day is Monday.
    { description: 'uses the Bangkok date, not UTC', filed: new Date('2026-11-29T23:30:00Z'), days: 1, holidays: none, want: '2026-12-01T17:00:00.000Z' },
    { description: 'zero days means the end of the filing day', filed: fridayEvening, days: 0, holidays: none, want: '2026-11-27T17:00:00.000Z' },
  ];
  for (const c of cases) {
    it(`dueAt ${c.description}`, () => {
      expect(dueAt(c.filed, c.days, c.holidays).toISOString()).toBe(c.want);
    });
  }

  it('gives the Bangkok calendar date', () => {
    expect(bangkokDateKey(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(bangkokDateKey(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
  });

  it('counts working days between two instants, skipping weekends and holidays', () => {
    expect(workingDaysBetween(fridayEvening, new Date('2026-12-02T05:00:00Z'), none)).toBe(3); // Mon, Tue, Wed
    expect(workingDaysBetween(fridayEvening, new Date('2026-12-02T05:00:00Z'), new Set(['2026-12-01']))).toBe(2);
    expect(workingDaysBetween(new Date('2026-12-02T05:00:00Z'), fridayEvening, none)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { buddhistYearInBangkok } from './bangkok-time.ts';
import { findTrackingNos, formatTrackingNo, parseTrackingNo, trackingCounterId } from './tracking-number.ts';

describe('tracking numbers', () => {
  it('formats prefix, Buddhist year and a 5-digit sequence', () => {
    expect(formatTrackingNo('BM', 2569, 42)).toBe('BM-2569-00042');
    expect(formatTrackingNo('BM', 2569, 123456)).toBe('BM-2569-123456');
  });
  it('refuses a sequence below 1', () => {
    expect(() => formatTrackingNo('BM', 2569, 0)).toThrow(RangeError);
    expect(() => formatTrackingNo('BM', 2569, 1.5)).toThrow(RangeError);
  });

  // Bangkok is UTC+7: 31 Dec 2026 23:59:59 in Bangkok is 16:59:59Z, midnight is 17:00:00Z.
  const cases = [
    { description: 'one second before midnight in Bangkok', at: '2026-12-31T16:59:59.999Z', year: 2569 },
    { description: 'midnight in Bangkok (still 31 Dec in UTC)', at: '2026-12-31T17:00:00.000Z', year: 2570 },
    { description: 'New Year in UTC, already 07:00 in Bangkok', at: '2027-01-01T00:00:00.000Z', year: 2570 },
  ];
  for (const c of cases) {
    it(`counts the year in Bangkok time: ${c.description}`, () => {
      expect(buddhistYearInBangkok(new Date(c.at))).toBe(c.year);
      expect(trackingCounterId(new Date(c.at))).toBe(`trackingNo-${c.year}`);
    });
  }

  it('parses what it formats and rejects other text', () => {
    expect(parseTrackingNo('bm-2569-00042')).toEqual({ prefix: 'BM', buddhistYear: 2569, sequence: 42 });
    expect(parseTrackingNo('BM-69-42')).toBeNull();
  });
  it('finds numbers typed into a chat message', () => {
    expect(findTrackingNos('เรื่อง bm-2569-00042 กับ BM-2569-00043 ถึงไหนแล้ว', 'BM')).toEqual(['BM-2569-00042', 'BM-2569-00043']);
    expect(findTrackingNos('XX-2569-00042', 'BM')).toEqual([]);
  });
});

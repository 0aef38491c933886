import { describe, expect, it } from 'vitest';
import { buddhistYearInBangkok } from './bangkok-time.ts';
import { findTrackingNos, formatTrackingNo, mentionsTrackingNo, parseTrackingNo, trackingCounterId } from './tracking-number.ts';

describe('tracking numbers', () => {
  it('formats prefix, Buddhist year and a 5-digit sequence', () => {
    expect(formatTrackingNo('BM', 2569, 42)).toBe('BM-2569-00042');
    expect(formatTrackingNo('BM', 2569, 123456)).toBe('BM-2569-123456');
  });
  it('refuses a sequence below 1 or longer than a tracking number holds', () => {
    expect(() => formatTrackingNo('BM', 2569, 0)).toThrow(RangeError);
    expect(() => formatTrackingNo('BM', 2569, 1.5)).toThrow(RangeError);
    expect(formatTrackingNo('BM', 2569, 9_999_999)).toBe('BM-2569-9999999');
    expect(() => formatTrackingNo('BM', 2569, 10_000_000)).toThrow(RangeError);
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
    expect(parseTrackingNo('BM-2569-1234567')).toEqual({ prefix: 'BM', buddhistYear: 2569, sequence: 1234567 });
    expect(parseTrackingNo('BM-69-42')).toBeNull();
    expect(parseTrackingNo('BM-2569-12345678')).toBeNull();
    expect(parseTrackingNo('BM-2569-' + '1'.repeat(4000))).toBeNull();
  });

  const typed = [
    { description: 'two numbers in a sentence', input: 'เรื่อง bm-2569-00042 กับ BM-2569-00043 ถึงไหนแล้ว', want: ['BM-2569-00042', 'BM-2569-00043'] },
    { description: 'the same number twice, once in lower case', input: 'BM-2569-00042 bm-2569-00042', want: ['BM-2569-00042'] },
    { description: 'Thai digits', input: 'เรื่อง BM-๒๕๖๙-๐๐๐๔๒ ค่ะ', want: ['BM-2569-00042'] },
    { description: 'a seven-digit sequence', input: 'BM-2569-1234567', want: ['BM-2569-1234567'] },
    { description: 'digits that run past seven', input: 'BM-2569-12345678', want: [] },
    { description: 'thousands of digits', input: 'BM-2569-' + '9'.repeat(5000), want: [] },
    { description: 'another municipality’s prefix', input: 'XX-2569-00042', want: [] },
    { description: 'the prefix inside a longer word', input: 'ABM-2569-00042', want: [] },
    { description: 'emoji and direction marks around it', input: '🙏\u202eBM-2569-00042\u202c🙏', want: ['BM-2569-00042'] },
  ];
  it.each(typed)('finds numbers typed into a chat message: $description', ({ input, want }) => {
    expect(findTrackingNos(input, 'BM')).toEqual(want);
  });

  it('tells a malformed attempt at a number from text that has none', () => {
    expect(mentionsTrackingNo('BM-2569-' + '1'.repeat(4000), 'BM')).toBe(true);
    expect(mentionsTrackingNo('bm-๒๕๖๙', 'BM')).toBe(true);
    expect(mentionsTrackingNo('สวัสดีค่ะ BM มาแล้ว', 'BM')).toBe(false);
  });
});

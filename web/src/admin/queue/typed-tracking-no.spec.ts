import { describe, expect, it } from 'vitest';
import { normalizeTrackingNo } from './typed-tracking-no.ts';

describe('a tracking number as a clerk types it', () => {
  const table = [
    { description: 'the stored form stays as it is', input: 'BM-2569-00042', want: 'BM-2569-00042' },
    { description: 'lower case and no leading zeros', input: 'bm-2569-42', want: 'BM-2569-00042' },
    { description: 'spaces instead of dashes', input: ' BM 2569 00042 ', want: 'BM-2569-00042' },
    { description: 'a sequence past 99999 keeps all its digits', input: 'BM-2569-123456', want: 'BM-2569-123456' },
    { description: 'another municipality’s prefix is not ours', input: 'XY-2569-00042', want: null },
    { description: 'a year with three digits', input: 'BM-256-00042', want: null },
    { description: 'a phone number', input: '0812345678', want: null },
  ];
  it.each(table)('$description', ({ input, want }) => {
    expect(normalizeTrackingNo(input, 'BM')).toBe(want);
  });
});

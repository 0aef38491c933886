import { describe, expect, it } from 'vitest';
import { graphemeCount, maskPersonName, truncateGraphemes } from './thai-text.ts';

describe('truncateGraphemes', () => {
  it('leaves short text alone', () => expect(truncateGraphemes('น้ำท่วม', 10)).toBe('น้ำท่วม'));
  it('never separates a Thai consonant from its vowel and tone marks', () => {
    // "น้ำ" is one grapheme of three code units: a cut at 2 units must drop it whole.
    const out = truncateGraphemes('น้ำน้ำน้ำ', 5);
    expect(out).toBe('น้ำ…');
    expect(out.length).toBeLessThanOrEqual(5);
  });
  it('respects the limit exactly', () => expect(truncateGraphemes('a'.repeat(10), 5)).toBe('aaaa…'));
});

describe('graphemeCount', () => {
  it('counts what a Thai reader counts, not code points', () => {
    expect(graphemeCount('ที่')).toBe(1); // consonant + vowel + tone mark: 3 code points
    expect(graphemeCount('น้ำท่วม')).toBe(4); // น้ำ ท่ ว ม
    expect([...'น้ำท่วม'].length).toBe(7);
    expect(graphemeCount('')).toBe(0);
  });
});

describe('maskPersonName', () => {
  it("keeps each word's first character whole and hides the rest", () => {
    expect(maskPersonName('สมหญิง รักถิ่น')).toBe('ส••• รั•••'); // รั is one character to a Thai reader
    expect(maskPersonName('  ที่ดี  ')).toBe('ที่•••');
    expect(maskPersonName('สมหญิง รักถิ่น')).not.toContain('หญิง');
  });
});

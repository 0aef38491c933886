import { describe, expect, it } from 'vitest';
import { truncateGraphemes } from './thai-text.ts';

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

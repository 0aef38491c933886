import { describe, expect, it } from 'vitest';
import { MEANINGFUL_TEXT_CASES } from './meaningful-text.cases.ts';
import { normaliseText, textProblem, visibleLength } from './meaningful-text.ts';

const LIMITS = { min: 3, max: 120 };

describe('textProblem: the one definition of meaningful text', () => {
  for (const c of MEANINGFUL_TEXT_CASES) {
    it(`${c.problem ?? 'accepts'}: ${c.name}`, () => expect(textProblem(c.text, LIMITS, c.shape)).toBe(c.problem));
  }

  it('counts the maximum in every code point, invisible ones included', () => {
    expect(textProblem('ก'.repeat(120), LIMITS, 'line')).toBeNull();
    expect(textProblem('ก'.repeat(119) + '\u200B\u200B', LIMITS, 'line')).toBe('long');
  });

  it('counts the minimum in visible code points only', () => {
    expect(visibleLength('ก\u200Bข\u00A0ค')).toBe(3);
    expect(textProblem('ก\u200Bข\u00A0ค', LIMITS, 'line')).toBeNull();
  });
});

describe('normaliseText: what the form does before validating', () => {
  it('drops the characters the rules refuse, so a pasted text with a hidden override still files', () => {
    const typed = ' ไฟถนน\u202Eดับ\u200E ';
    expect(textProblem(typed, LIMITS, 'line')).toBe('forbidden');
    const cleaned = normaliseText(typed, 'line');
    expect(cleaned).toBe('ไฟถนนดับ');
    expect(textProblem(cleaned, LIMITS, 'line')).toBeNull();
  });

  it('keeps line breaks in details and turns them into spaces in a one-line field', () => {
    expect(normaliseText('ไฟดับ\r\nหน้าบ้าน', 'multiline')).toBe('ไฟดับ\nหน้าบ้าน');
    expect(normaliseText('ไฟดับ\nหน้าบ้าน', 'line')).toBe('ไฟดับ หน้าบ้าน');
  });

  it('never turns an invisible-only text into an acceptable one', () => {
    for (const c of MEANINGFUL_TEXT_CASES.filter((x) => x.problem === 'short')) {
      expect(textProblem(normaliseText(c.text, c.shape), LIMITS, c.shape)).toBe('short');
    }
  });
});

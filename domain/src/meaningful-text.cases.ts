import type { TextProblem, TextShape } from './meaningful-text.ts';

/**
 * One table of texts, run by the domain's unit tests (textProblem) and by the rules tests (a filing
 * with this text as its subject or details), so the form and firestore.rules cannot disagree.
 */
export interface MeaningfulTextCase {
  name: string;
  text: string;
  shape: TextShape;
  /** null: accepted. */
  problem: TextProblem | null;
}

const ZWSP = '\u200B';
const NBSP = '\u00A0';

export const MEANINGFUL_TEXT_CASES: readonly MeaningfulTextCase[] = [
  { name: 'plain Thai', text: 'ไฟถนนดับ', shape: 'line', problem: null },
  { name: 'Thai with zero-width spaces between words (copied from the web)', text: `ไฟ${ZWSP}ถนน${ZWSP}ดับ`, shape: 'line', problem: null },
  { name: 'digits only', text: '123', shape: 'line', problem: null },
  { name: 'details with line breaks', text: 'ไฟดับ\nตั้งแต่เมื่อวาน\r\nหน้าบ้าน', shape: 'multiline', problem: null },
  { name: 'zero-width spaces only', text: ZWSP.repeat(12), shape: 'line', problem: 'short' },
  { name: 'non-breaking spaces only', text: NBSP.repeat(12), shape: 'line', problem: 'short' },
  { name: 'a mix of invisible characters', text: `${NBSP}\u200C\u200D\u2060\uFEFF\u3000\u3164${ZWSP}${NBSP}\u00AD`, shape: 'multiline', problem: 'short' },
  { name: 'two letters padded with zero-width spaces', text: `ก${ZWSP.repeat(5)}ข`, shape: 'line', problem: 'short' },
  { name: 'punctuation only', text: '.....!!!', shape: 'line', problem: 'short' },
  { name: 'Thai tone marks with no consonant', text: '\u0E48\u0E49\u0E4A\u0E4B', shape: 'line', problem: 'short' },
  { name: 'a right-to-left override', text: 'ไฟถนน\u202Eดับ', shape: 'line', problem: 'forbidden' },
  { name: 'a right-to-left isolate', text: 'ไฟถนน\u2067ดับ\u2069', shape: 'multiline', problem: 'forbidden' },
  { name: 'a left-to-right mark', text: 'ไฟถนน\u200Eดับ', shape: 'line', problem: 'forbidden' },
  { name: 'a NUL character', text: 'ไฟถนน\u0000ดับ', shape: 'multiline', problem: 'forbidden' },
  { name: 'an escape character', text: 'ไฟถนน\u001B[31mดับ', shape: 'line', problem: 'forbidden' },
  { name: 'a line break in a one-line field', text: 'ไฟถนน\nดับ', shape: 'line', problem: 'forbidden' },
  { name: 'a C1 control', text: 'ไฟถนน\u0085ดับ', shape: 'line', problem: 'forbidden' },
];

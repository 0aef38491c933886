/**
 * What counts as meaningful text in a citizen's subject, details and name: one definition, used by the
 * form (normalise, then validate), mirrored in firestore.rules (generated from these ranges by
 * `npm run rules:sync`) and tested from one table of cases (meaningful-text.cases.ts) on both sides.
 *
 * - Forbidden: bidirectional controls (they can reverse how a clerk or LINE shows the text) and control
 *   characters. A line break or tab is allowed in multi-line fields only.
 * - Invisible: white space of every kind, non-breaking and zero-width spaces, joiners, fillers. Allowed
 *   (Thai text copied from the web often carries zero-width spaces between words) but not counted
 *   towards a field's minimum length.
 * - And at least one letter or digit: a subject of punctuation or emoji only says nothing.
 */

type Range = readonly [number, number];

const BIDI_CONTROLS: readonly Range[] = [
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

/** C0 and C1 controls except tab (09), line feed (0A) and carriage return (0D). */
const CONTROLS_EXCEPT_LINE_BREAKS: readonly Range[] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
];
const LINE_BREAKS: readonly Range[] = [
  [0x09, 0x0a],
  [0x0d, 0x0d],
];

const INVISIBLE: readonly Range[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0xad, 0xad],
  [0x034f, 0x034f],
  [0x115f, 0x1160],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x200d],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x2064],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

export type TextShape = 'line' | 'multiline';

export interface CharClass {
  /** For JavaScript (`u` flag): a bracket expression such as `[\u{200B}-\u{200D}]`. */
  js: string;
  /** For RE2 in firestore.rules, before string escaping: `[\x{200B}-\x{200D}]`. */
  re2: string;
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

function charClass(ranges: readonly Range[]): CharClass {
  const part = (fmt: (n: number) => string) => ranges.map(([a, b]) => (a === b ? fmt(a) : `${fmt(a)}-${fmt(b)}`)).join('');
  return { js: `[${part((n) => `\\u{${hex(n)}}`)}]`, re2: `[${part((n) => `\\x{${hex(n)}}`)}]` };
}

/** The character classes, for the rules generator (scripts/rules-sync.ts) and this module. */
export const TEXT_CLASSES = {
  forbiddenInLine: charClass([...BIDI_CONTROLS, ...CONTROLS_EXCEPT_LINE_BREAKS, ...LINE_BREAKS]),
  forbiddenInMultiline: charClass([...BIDI_CONTROLS, ...CONTROLS_EXCEPT_LINE_BREAKS]),
  invisible: charClass(INVISIBLE),
  /** Unicode letters and digits (Thai consonants and vowels are letters; tone marks alone are not). */
  letterOrDigit: { js: '[\\p{L}\\p{N}]', re2: '[\\pL\\pN]' } satisfies CharClass,
} as const;

const re = (cls: CharClass, flags = 'u') => new RegExp(cls.js, flags);
const FORBIDDEN = { line: re(TEXT_CLASSES.forbiddenInLine), multiline: re(TEXT_CLASSES.forbiddenInMultiline) };
const FORBIDDEN_ALL = { line: re(TEXT_CLASSES.forbiddenInLine, 'gu'), multiline: re(TEXT_CLASSES.forbiddenInMultiline, 'gu') };
const INVISIBLE_ALL = re(TEXT_CLASSES.invisible, 'gu');
const LETTER_OR_DIGIT = re(TEXT_CLASSES.letterOrDigit);

/** Code points a citizen sees, not counting invisible ones. */
export function visibleLength(text: string): number {
  return [...text.replace(INVISIBLE_ALL, '')].length;
}

export type TextProblem = 'short' | 'long' | 'forbidden';

/**
 * Why a text is not acceptable for a field of `min`..`max` code points, or null. `max` counts every
 * code point (storage), `min` only visible ones (meaning).
 */
export function textProblem(text: string, limits: { min: number; max: number }, shape: TextShape): TextProblem | null {
  if (FORBIDDEN[shape].test(text)) return 'forbidden';
  if ([...text].length > limits.max) return 'long';
  if (visibleLength(text) < limits.min || (limits.min > 0 && !LETTER_OR_DIGIT.test(text))) return 'short';
  return null;
}

/**
 * What the form does to what was typed or pasted before validating it: drops the characters the rules
 * refuse (a citizen cannot see them and cannot remove them), turns tabs into spaces in one-line fields,
 * and trims. Never adds anything, so a valid text stays as typed.
 */
export function normaliseText(text: string, shape: TextShape): string {
  const cleaned = shape === 'line' ? text.replace(/[\t\r\n]+/g, ' ') : text.replace(/\r\n?/g, '\n');
  return cleaned.replace(FORBIDDEN_ALL[shape], '').trim();
}

import { buddhistYearInBangkok } from './bangkok-time.ts';
import { toArabicDigits } from './thai-digits.ts';

const SEQUENCE_DIGITS = 5;
/**
 * Room for a municipality past 99,999 cases a year. A longer run of digits is not a tracking number:
 * chat text is the citizen's to choose, and an unbounded number would reach Firestore as a query value.
 */
export const SEQUENCE_MAX_DIGITS = 7;
const SEQUENCE = `\\d{${SEQUENCE_DIGITS},${SEQUENCE_MAX_DIGITS}}`;

/** "BM-2569-00042": prefix from the municipality config, Buddhist year in Bangkok, gap-free sequence. */
export function formatTrackingNo(prefix: string, buddhistYear: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  if (String(sequence).length > SEQUENCE_MAX_DIGITS) throw new RangeError(`sequence must have at most ${SEQUENCE_MAX_DIGITS} digits, got ${sequence}`);
  return `${prefix}-${buddhistYear}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The counter document that numbers a year's cases: one per Buddhist year so numbers restart at 1. */
export function trackingCounterId(at: Date): string {
  return `trackingNo-${buddhistYearInBangkok(at)}`;
}

export interface ParsedTrackingNo {
  prefix: string;
  buddhistYear: number;
  sequence: number;
}

/** Any municipality's tracking number ("XX-2569-00042"), wherever it stands in a text. */
export const TRACKING_NO_SHAPE = `\\b[A-Za-z]{1,6}-\\d{4}-${SEQUENCE}(?!\\d)`;
const TRACKING_NO = new RegExp(`^([A-Z]{1,6})-(\\d{4})-(${SEQUENCE})$`);

export function parseTrackingNo(text: string): ParsedTrackingNo | null {
  const m = TRACKING_NO.exec(text.trim().toUpperCase());
  if (!m) return null;
  return { prefix: m[1]!, buddhistYear: Number(m[2]), sequence: Number(m[3]) };
}

/**
 * Finds tracking numbers a citizen typed into the chat, e.g. "เรื่อง bm-2569-00042 ถึงไหนแล้ว" or with
 * Thai digits, distinct and in the order typed. Digits run on past the longest sequence make no number.
 */
export function findTrackingNos(text: string, prefix: string): string[] {
  const pattern = new RegExp(`\\b${prefix}-\\d{4}-${SEQUENCE}(?!\\d)`, 'gi');
  return [...new Set((toArabicDigits(text).match(pattern) ?? []).map((t) => t.toUpperCase()))];
}

/** "BM-" and a digit: the citizen meant a tracking number, even when findTrackingNos finds none in it. */
export function mentionsTrackingNo(text: string, prefix: string): boolean {
  return new RegExp(`\\b${prefix}-\\d`, 'i').test(toArabicDigits(text));
}

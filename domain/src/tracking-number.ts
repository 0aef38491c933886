import { buddhistYearInBangkok } from './bangkok-time.ts';

const SEQUENCE_DIGITS = 5;

/** "BM-2569-00042": prefix from the municipality config, Buddhist year in Bangkok, gap-free sequence. */
export function formatTrackingNo(prefix: string, buddhistYear: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
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

const TRACKING_NO = /^([A-Z]{1,6})-(\d{4})-(\d{5,})$/;

export function parseTrackingNo(text: string): ParsedTrackingNo | null {
  const m = TRACKING_NO.exec(text.trim().toUpperCase());
  if (!m) return null;
  return { prefix: m[1]!, buddhistYear: Number(m[2]), sequence: Number(m[3]) };
}

/** Finds tracking numbers a citizen typed into the chat, e.g. "เรื่อง bm-2569-00042 ถึงไหนแล้ว". */
export function findTrackingNos(text: string, prefix: string): string[] {
  const pattern = new RegExp(`\\b${prefix}-\\d{4}-\\d{5,}\\b`, 'gi');
  return [...new Set((text.match(pattern) ?? []).map((t) => t.toUpperCase()))];
}

import { digitsOnly } from './thai-digits.ts';

export type PhoneProblem = 'empty' | 'format';

/** Accepts "+66 81 234 5678" as well as "081-234-5678"; stores the national form with a leading 0. */
export function normalizeThaiPhone(input: string): string {
  const trimmed = input.trim();
  const d = digitsOnly(trimmed);
  if (/^\+?\s*66/.test(trimmed) && d.startsWith('66')) return '0' + d.slice(2);
  return d;
}

/**
 * Thai numbers (NBTC numbering plan): mobiles are 10 digits starting 06, 08 or 09; landlines are 9
 * digits starting 02-05 or 07 (area code included).
 */
export function phoneProblem(input: string): PhoneProblem | null {
  if (input.trim() === '') return 'empty';
  if (/[^0-9๐-๙\s\-+().]/.test(input)) return 'format';
  const p = normalizeThaiPhone(input);
  if (/^0[689]\d{8}$/.test(p)) return null;
  if (/^0[2-57]\d{7}$/.test(p)) return null;
  return 'format';
}

export function isValidThaiPhone(input: string): boolean {
  return phoneProblem(input) === null;
}

export function formatThaiPhone(phone: string): string {
  const p = normalizeThaiPhone(phone);
  if (p.length === 10) return `${p.slice(0, 3)}-${p.slice(3, 6)}-${p.slice(6)}`;
  if (p.startsWith('02')) return `${p.slice(0, 2)}-${p.slice(2, 5)}-${p.slice(5)}`;
  return `${p.slice(0, 3)}-${p.slice(3, 6)}-${p.slice(6)}`;
}

/** Keeps the last 3 digits only (PDPA: masked on screen until revealed). */
export function maskThaiPhone(phone: string): string {
  const formatted = formatThaiPhone(phone);
  let digitsLeft = formatted.replace(/\D/g, '').length;
  return formatted.replace(/\d/g, (digit) => (digitsLeft-- > 3 ? '•' : digit));
}

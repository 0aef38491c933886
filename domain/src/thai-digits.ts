/** Thai digits (๐-๙) typed on a Thai keyboard are the same numbers as 0-9. */
export function toArabicDigits(input: string): string {
  return input.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Keeps only digits, after turning Thai digits into Arabic ones; spaces, dashes and dots vanish. */
export function digitsOnly(input: string): string {
  return toArabicDigits(input).replace(/\D/g, '');
}

import { digitsOnly } from './thai-digits.ts';

export const NATIONAL_ID_LENGTH = 13;

export type NationalIdProblem = 'empty' | 'length' | 'repeated' | 'checksum';

/** Strips spaces, dashes and Thai digits so "1-2345-67890-12-1" and "๑๒๓..." compare as typed. */
export function normalizeNationalId(input: string): string {
  return digitsOnly(input);
}

/** Check digit of a Thai national ID: weights 13..2 on the first 12 digits, (11 − sum mod 11) mod 10. */
export function nationalIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/**
 * Why a national ID is unacceptable, or null. The checksum is a typo filter, not proof of identity
 * (DESIGN.md, PDPA section); input that is not only digits and separators is a length problem.
 */
export function nationalIdProblem(input: string): NationalIdProblem | null {
  if (input.trim() === '') return 'empty';
  if (/[^0-9๐-๙\s-]/.test(input)) return 'length';
  const id = normalizeNationalId(input);
  if (id.length !== NATIONAL_ID_LENGTH) return 'length';
  if (/^(\d)\1+$/.test(id)) return 'repeated';
  if (nationalIdCheckDigit(id) !== Number(id[12])) return 'checksum';
  return null;
}

export function isValidNationalId(input: string): boolean {
  return nationalIdProblem(input) === null;
}

const CARD_GROUPS = [1, 4, 5, 2, 1];

function groupLikeCard(chars: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of CARD_GROUPS) {
    const part = chars.slice(at, at + size);
    if (part === '') break;
    parts.push(part);
    at += size;
  }
  return parts.join('-');
}

/** "1-2345-67890-12-1": the grouping printed on the Thai ID card, applied while the citizen types. */
export function formatNationalId(input: string): string {
  return groupLikeCard(normalizeNationalId(input).slice(0, NATIONAL_ID_LENGTH));
}

/** Shows only the last 4 digits: personal data is masked on screen until staff reveal it (PDPA). */
export function maskNationalId(id: string): string {
  const d = normalizeNationalId(id);
  const hidden = Math.max(0, d.length - 4);
  return groupLikeCard('•'.repeat(hidden) + d.slice(hidden));
}

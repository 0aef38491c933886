import { maskPersonalNumbers, truncateGraphemes } from '@banmae/domain';

/**
 * Text a citizen or a clerk wrote (a subject, a status note), made fit for a LINE message: national
 * IDs and phone numbers masked (PDPA), cut to `max` characters after masking so that a cut never
 * leaves digits of a number unmasked, and never empty (LINE refuses an empty Flex text).
 */
export function freeText(text: string, max: number): string {
  const masked = truncateGraphemes(maskPersonalNumbers(text), max).trim();
  return masked === '' ? '—' : masked;
}

import { maskNationalId, NATIONAL_ID_LENGTH } from './national-id.ts';
import { toArabicDigits } from './thai-digits.ts';
import { isValidThaiPhone, maskThaiPhone } from './thai-phone.ts';
import { TRACKING_NO_SHAPE } from './tracking-number.ts';

const DIGIT = '[0-9๐-๙]';
/**
 * A number as people write it: digit groups joined by one space, dash or dot ("081-234-5678",
 * "1 2345 67890 12 3", "+66 81 234 5678"). Commas and slashes end it, so "1,500" and "24/11/2569"
 * are never one number.
 */
const WRITTEN_NUMBER = new RegExp(`\\+?${DIGIT}+(?:[\\s.\\-\\u2010-\\u2015]${DIGIT}+)*`, 'g');
const DIGIT_GROUP = new RegExp(`${DIGIT}+`, 'g');
const TRACKING_NO = new RegExp(TRACKING_NO_SHAPE, 'g');

interface Group {
  start: number;
  end: number;
  digits: string;
}

/**
 * The phone number or national ID that starts at group `first`, as the groups it spans and its mask.
 * A phone wins over an ID: "081-234-5678 053" is a phone and a stray number, not a 13-digit ID.
 */
function personalNumberAt(written: string, groups: Group[], first: number): { last: number; masked: string } | null {
  const plus = first === 0 && written.startsWith('+') ? '+' : '';
  let digits = '';
  let id: { last: number; digits: string } | null = null;
  for (let last = first; last < groups.length; last++) {
    digits += groups[last]!.digits;
    if (digits.length > NATIONAL_ID_LENGTH) break;
    if (isValidThaiPhone(plus + digits)) return { last, masked: maskThaiPhone(plus + digits) };
    if (digits.length === NATIONAL_ID_LENGTH) id = { last, digits };
  }
  return id ? { last: id.last, masked: maskNationalId(id.digits) } : null;
}

function maskWrittenNumber(written: string): string {
  const groups = [...written.matchAll(DIGIT_GROUP)].map((m) => ({ start: m.index, end: m.index + m[0].length, digits: toArabicDigits(m[0]) }));
  let out = '';
  let copied = 0;
  for (let i = 0; i < groups.length; i++) {
    const found = personalNumberAt(written, groups, i);
    if (!found) continue;
    out += written.slice(copied, i === 0 ? 0 : groups[i]!.start) + found.masked;
    copied = groups[found.last]!.end;
    i = found.last;
  }
  return out + written.slice(copied);
}

function maskNumbersIn(text: string): string {
  return text.replace(WRITTEN_NUMBER, maskWrittenNumber);
}

/**
 * Masks Thai national IDs and phone numbers inside free text the way the case page masks them (last
 * digits only), for text that leaves for LINE: a citizen may type their ID or phone into the subject,
 * and a clerk into the status note (PDPA: no national ID or phone in LINE messages). Tracking numbers,
 * dates, times and amounts stay as written.
 */
export function maskPersonalNumbers(text: string): string {
  // Thai digits are one UTF-16 unit like Arabic ones, so positions found in the converted text hold in the original.
  const arabic = toArabicDigits(text);
  let out = '';
  let copied = 0;
  for (const m of arabic.matchAll(TRACKING_NO)) {
    out += maskNumbersIn(text.slice(copied, m.index)) + text.slice(m.index, m.index + m[0].length);
    copied = m.index + m[0].length;
  }
  return out + maskNumbersIn(text.slice(copied));
}

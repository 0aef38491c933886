/**
 * Made on first use, not on import: building a Thai segmenter costs tens of milliseconds on a phone,
 * inside the task that first draws the form, which counts only graphemes of empty fields.
 */
let thai: Intl.Segmenter | null = null;
const segmenter = () => (thai ??= new Intl.Segmenter('th', { granularity: 'grapheme' }));

/**
 * Cuts text to at most `max` UTF-16 units (LINE counts text limits in characters of a JS string)
 * without splitting a grapheme: a Thai consonant never loses its vowel or tone mark.
 */
export function truncateGraphemes(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const budget = max - ellipsis.length;
  let out = '';
  for (const { segment } of segmenter().segment(text)) {
    if (out.length + segment.length > budget) break;
    out += segment;
  }
  return out + ellipsis;
}

/** Characters as a Thai reader counts them: a consonant with its vowel and tone marks is one (ที่ = 1, not 3). */
export function graphemeCount(text: string): number {
  if (text === '') return 0;
  return Array.from(segmenter().segment(text)).length;
}

/** A name shown masked (the case page, on a shared phone): each word's first character, then dots. */
export function maskPersonName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const first = segmenter().segment(word)[Symbol.iterator]().next().value?.segment ?? '';
      return `${first}•••`;
    })
    .join(' ');
}

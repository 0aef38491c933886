const segmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * Cuts text to at most `max` UTF-16 units (LINE counts text limits in characters of a JS string)
 * without splitting a grapheme: a Thai consonant never loses its vowel or tone mark.
 */
export function truncateGraphemes(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const budget = max - ellipsis.length;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (out.length + segment.length > budget) break;
    out += segment;
  }
  return out + ellipsis;
}

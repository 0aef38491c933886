/** Photos are large: while an addition is this fresh, they are read again at most this often. */
const PHOTO_CATCH_UP_MS = 30_000;
const FRESH_ADDITION_MS = 3 * 60_000;

/**
 * When the desk reads a case's photos again (useCasePhotos' refresh key): when the case changes, when
 * information is added, and, while an addition is fresh, every 30 s. An addition's text is stored
 * before its photos, which take seconds on a slow phone; a clerk already looking at the case would
 * otherwise see the text without its photos until the next change.
 */
export function photosKey(version: unknown, additions: readonly { id: string; at: Date }[], now: number): string {
  const fresh = additions.some((a) => now - a.at.getTime() < FRESH_ADDITION_MS);
  return `${String(version)}|${additions.map((a) => a.id).join(',')}|${fresh ? Math.floor(now / PHOTO_CATCH_UP_MS) : ''}`;
}

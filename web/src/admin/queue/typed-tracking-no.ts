/**
 * "bm-2569-42", "BM 2569 00042" → "BM-2569-00042": clerks type what a citizen reads out over the phone.
 * The result is looked up exactly (one equality query), so it must be the stored form.
 */
export function normalizeTrackingNo(typed: string, prefix: string): string | null {
  const m = new RegExp(`^\\s*(${prefix})\\s*-?\\s*(\\d{4})\\s*-?\\s*(\\d{1,})\\s*$`, 'i').exec(typed);
  if (!m) return null;
  return `${m[1]!.toUpperCase()}-${m[2]}-${m[3]!.padStart(5, '0')}`;
}

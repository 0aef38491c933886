import { COLLECTIONS } from './case-record.ts';

/**
 * Photos of a case (docs/decisions/019): each one a JPEG re-encoded on the device (no EXIF, GPS or
 * device name survives), stored as a Firestore document complaints/{caseId}/photos/{photoId} under the
 * same rules as the case. The rules mirror these numbers (test/rules builds its edge cases from them).
 */
export const PHOTO_LIMITS = {
  /** Citizen photos per case. */
  perCase: 3,
  /** Longest side after resizing on the phone. */
  maxLongSidePx: 1600,
  /** What the phone aims for; it lowers the quality, then the size, until the photo fits. */
  targetBytes: 350_000,
  /** What the rules accept: a Firestore document holds at most 1 MiB, fields and names included. */
  maxBytes: 600 * 1024,
} as const;

export const PHOTO_CONTENT_TYPE = 'image/jpeg';

/** `reporter`: from the citizen (filing, later "add information"); `after`: staff's photo of the fixed place. */
export type PhotoKind = 'reporter' | 'after';

/**
 * The citizen's photos have fixed IDs, so a case holds at most `perCase` of them and a resend after a
 * lost answer lands on the same document instead of adding a fourth.
 */
export const REPORTER_PHOTO_IDS = Array.from({ length: PHOTO_LIMITS.perCase }, (_, i) => `r${i + 1}`);

/**
 * Photos the owner attaches to information added later (decision 018): `a-<additionId>-1..3` in the
 * same photos collection, so one reader serves the desk and the case page, and the rules find the
 * addition they belong to from the ID. The addition's ID is a Firestore auto-ID chosen on the phone.
 */
export const ADDITION_PHOTO_ID_PATTERN = /^a-([A-Za-z0-9]{20})-[1-3]$/;

export function additionPhotoIds(additionId: string): string[] {
  return REPORTER_PHOTO_IDS.map((_, i) => `a-${additionId}-${i + 1}`);
}

/** The addition a photo belongs to, or null for the filing's and staff's photos. */
export function additionOfPhoto(photoId: string): string | null {
  return ADDITION_PHOTO_ID_PATTERN.exec(photoId)?.[1] ?? null;
}

/** Staff's "after" photos: `after-` and a Firestore auto-ID (a case closed twice may get two). */
export const AFTER_PHOTO_ID_PATTERN = /^after-[A-Za-z0-9]{20}$/;

/** The stored document; `data` is the JPEG's bytes (a Firestore Bytes value). */
export interface PhotoFields<TBytes, TTime> {
  kind: PhotoKind;
  contentType: typeof PHOTO_CONTENT_TYPE;
  width: number;
  height: number;
  data: TBytes;
  createdAt: TTime;
}

export function photoPath(caseId: string, photoId: string): string {
  return `${COLLECTIONS.complaints}/${caseId}/${COLLECTIONS.photos}/${photoId}`;
}

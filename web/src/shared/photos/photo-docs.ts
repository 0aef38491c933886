import { Bytes, collection, doc, getDoc, getDocs, serverTimestamp, setDoc, type Firestore, type Timestamp, type Transaction } from 'firebase/firestore/lite';
import { additionOfPhoto, COLLECTIONS, PHOTO_CONTENT_TYPE, photoPath, type PhotoFields, type PhotoKind } from '@banmae/domain';
import type { CompressedPhoto } from './compress-photo.ts';

/** A stored photo as the pages show it: an object URL of its JPEG bytes (revoke it when done). */
export interface ShownPhoto {
  id: string;
  kind: PhotoKind;
  /** The added information it came with (decision 018), or null for the filing's and staff's photos. */
  additionId: string | null;
  url: string;
  width: number;
  height: number;
  createdAt: Date;
}

function fields(kind: PhotoKind, photo: CompressedPhoto): PhotoFields<Bytes, ReturnType<typeof serverTimestamp>> {
  return {
    kind,
    contentType: PHOTO_CONTENT_TYPE,
    width: photo.width,
    height: photo.height,
    data: Bytes.fromUint8Array(photo.bytes),
    createdAt: serverTimestamp(),
  };
}

/**
 * Stores a photo under complaints/{caseId}/photos/{photoId} (the rules check owner, case state, type
 * and size). Photos are never overwritten: when an earlier attempt landed but its answer was lost,
 * the write is refused as an update, and the photo already being there counts as sent.
 */
export async function savePhoto(db: Firestore, caseId: string, photoId: string, kind: PhotoKind, photo: CompressedPhoto): Promise<void> {
  const ref = doc(db, photoPath(caseId, photoId));
  try {
    await setDoc(ref, fields(kind, photo));
  } catch (err) {
    if ((err as { code?: string }).code === 'permission-denied' && (await getDoc(ref).catch(() => null))?.exists()) return;
    throw err;
  }
}

/** The same write inside a transaction (staff's "after" photo with the status change to done). */
export function savePhotoIn(tx: Transaction, db: Firestore, caseId: string, photoId: string, kind: PhotoKind, photo: CompressedPhoto): void {
  tx.set(doc(db, photoPath(caseId, photoId)), fields(kind, photo));
}

/** A new ID for staff's "after" photo (AFTER_PHOTO_ID_PATTERN). */
export function newAfterPhotoId(db: Firestore): string {
  return `after-${doc(collection(db, COLLECTIONS.complaints)).id}`;
}

/** Every photo of a case, the citizen's first, oldest first within each kind. */
export async function listPhotos(db: Firestore, caseId: string): Promise<ShownPhoto[]> {
  const snap = await getDocs(collection(db, COLLECTIONS.complaints, caseId, COLLECTIONS.photos));
  const photos = snap.docs.map((d) => {
    const p = d.data() as PhotoFields<Bytes, Timestamp>;
    const blob = new Blob([p.data.toUint8Array() as Uint8Array<ArrayBuffer>], { type: PHOTO_CONTENT_TYPE });
    return {
      id: d.id,
      kind: p.kind,
      additionId: additionOfPhoto(d.id),
      url: URL.createObjectURL(blob),
      width: p.width,
      height: p.height,
      createdAt: p.createdAt?.toDate?.() ?? new Date(0),
    };
  });
  const order = (k: PhotoKind) => (k === 'reporter' ? 0 : 1);
  return photos.sort((a, b) => order(a.kind) - order(b.kind) || a.createdAt.getTime() - b.createdAt.getTime());
}

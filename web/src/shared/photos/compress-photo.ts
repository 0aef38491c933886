import { jpegMetadata, PHOTO_LIMITS } from '@banmae/domain';

/** A photo ready to store: a fresh JPEG with nothing in it but the picture. */
export interface CompressedPhoto {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** The picture could not be read (a HEIC photo on a browser that cannot decode it, a broken file). */
export class PhotoReadError extends Error {
  readonly thaiMessage = 'เปิดรูปนี้ไม่ได้ กรุณาเลือกรูปอื่น หรือถ่ายใหม่ (รองรับรูปแบบ JPEG และ PNG)';
}

const QUALITIES = [0.82, 0.72, 0.62, 0.52];
/** Each further round shrinks the long side by this much (a photo of pure noise never gets small). */
const SHRINK = 0.8;

async function decode(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    // The browser turns the picture upright from its EXIF orientation while decoding (CSS
    // image-orientation: from-image is the default), so the re-encoded photo needs no orientation tag.
    await img.decode();
    return img;
  } catch (err) {
    throw new PhotoReadError(`cannot decode ${file.type || 'the file'}`, { cause: err });
  } finally {
    URL.revokeObjectURL(url);
  }
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/jpeg', quality));
}

/**
 * Resizes the photo to at most 1600 px on its long side and re-encodes it as JPEG, lowering the quality
 * and then the size until it is under the target. Drawing onto a canvas keeps only the pixels: EXIF
 * (GPS position, camera, time), XMP and comments of the original do not survive, and the result is
 * checked for any metadata segment before it is returned (decision 019).
 */
export async function compressPhoto(file: Blob, limits: { maxLongSidePx: number; targetBytes: number } = PHOTO_LIMITS): Promise<CompressedPhoto> {
  const img = await decode(file);
  let scale = Math.min(1, limits.maxLongSidePx / Math.max(img.naturalWidth, img.naturalHeight));
  const canvas = document.createElement('canvas');
  for (let round = 0; ; round++) {
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff'; // a transparent PNG would otherwise turn black
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    for (const q of QUALITIES) {
      const blob = await toJpeg(canvas, q);
      if (blob.size <= limits.targetBytes || (round >= 4 && q === QUALITIES.at(-1))) {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const left = jpegMetadata(bytes);
        if (left.length > 0) throw new Error(`the re-encoded photo still carries ${left.join(', ')}`);
        return { bytes, width: canvas.width, height: canvas.height };
      }
    }
    scale *= SHRINK;
  }
}

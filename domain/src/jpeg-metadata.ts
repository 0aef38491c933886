/**
 * What a JPEG carries besides the picture, read from its marker segments before the image data (SOS).
 * Used on the phone as a last check before a photo leaves it, and by the tests to prove that the
 * stored bytes hold no EXIF (GPS position, device) or other metadata (decision 019).
 */
export type JpegMetadataKind = 'exif' | 'xmp' | 'iptc' | 'comment' | 'other-app';

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;
const COM = 0xfe;

/** The identifier an APPn segment starts with (e.g. "JFIF", "Exif", "http://ns.adobe.com/xap/1.0/"). */
function identifier(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end && i < start + 40 && bytes[i] !== 0; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/**
 * Every metadata segment of a JPEG, in order. JFIF (APP0, resolution only) and the colour profile
 * (APP2 ICC_PROFILE) say nothing about the person or the place and are not listed. Throws on bytes that
 * are not a JPEG, so a caller cannot mistake "not parsed" for "clean".
 */
export function jpegMetadata(bytes: Uint8Array): JpegMetadataKind[] {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) throw new Error('not a JPEG (no SOI marker)');
  const found: JpegMetadataKind[] = [];
  let i = 2;
  for (;;) {
    if (i + 1 >= bytes.length) throw new Error('JPEG ends before its image data');
    if (bytes[i] !== 0xff) throw new Error(`corrupt JPEG: no marker at byte ${i}`);
    let marker = bytes[i + 1]!;
    while (marker === 0xff && i + 2 < bytes.length) marker = bytes[++i + 1]!; // fill bytes
    if (marker === SOS || marker === EOI) return found;
    if (i + 3 >= bytes.length) throw new Error('JPEG ends inside a segment header');
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const start = i + 4;
    const end = i + 2 + length;
    if (length < 2 || end > bytes.length) throw new Error(`corrupt JPEG: segment length ${length} at byte ${i}`);
    if (marker === COM) found.push('comment');
    else if (marker >= 0xe0 && marker <= 0xef) {
      const id = identifier(bytes, start, end);
      if (marker === 0xe1) found.push(id === 'Exif' ? 'exif' : id.startsWith('http://ns.adobe.com/xap') ? 'xmp' : 'other-app');
      else if (marker === 0xed) found.push('iptc');
      else if (!(marker === 0xe0 && id === 'JFIF') && !(marker === 0xe2 && id === 'ICC_PROFILE')) found.push('other-app');
    }
    i = end;
  }
}

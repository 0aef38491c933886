/**
 * A JPEG as a phone camera writes it: an EXIF APP1 segment with the device (Make, Model) and a GPS
 * position, put in front of any JPEG's segments. Built here, byte by byte (big-endian TIFF), so the
 * tests need no photo file and show exactly what they expect to be stripped.
 */
export const FIXTURE_DEVICE = { make: 'SpyPhone', model: 'SpyPhone 15 Pro' };
/** Ban Mae, 18°37'31.08" N, 98°53'30.12" E. */
export const FIXTURE_GPS = { lat: [18, 37, 31.08], lng: [98, 53, 30.12] } as const;

const u16 = (v: number) => [(v >> 8) & 255, v & 255];
const u32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const ascii = (s: string) => [...Buffer.from(`${s}\0`, 'latin1')];

/** Degrees, minutes, seconds as EXIF RATIONALs (hundredths), as they sit in the GPS IFD's data. */
const rationals = (dms: readonly number[]) => dms.flatMap((v) => [...u32(Math.round(v * 100)), ...u32(100)]);
/** The latitude's 24 bytes: a test finds them in the fixture and must not find them in a stored photo. */
export const FIXTURE_GPS_LATITUDE_BYTES = rationals(FIXTURE_GPS.lat);

const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;

/** The TIFF structure inside the APP1 segment: IFD0 (Make, Model, GPS IFD pointer), then the GPS IFD. */
function tiff(): number[] {
  const ifd0At = 8;
  const ifd0Size = 2 + 3 * 12 + 4;
  const gpsAt = ifd0At + ifd0Size;
  const gpsSize = 2 + 4 * 12 + 4;
  const dataAt = gpsAt + gpsSize;
  const data: number[] = [];
  const put = (bytes: number[]) => {
    const at = dataAt + data.length;
    data.push(...bytes);
    if (data.length % 2) data.push(0);
    return at;
  };
  const entry = (tag: number, type: number, count: number, value: number[]) => [...u16(tag), ...u16(type), ...u32(count), ...value];
  const inline = (bytes: number[]) => [...bytes, 0, 0, 0, 0].slice(0, 4);

  const make = ascii(FIXTURE_DEVICE.make);
  const model = ascii(FIXTURE_DEVICE.model);
  const ifd0 = [
    ...u16(3),
    ...entry(0x010f, ASCII, make.length, u32(put(make))),
    ...entry(0x0110, ASCII, model.length, u32(put(model))),
    ...entry(0x8825, LONG, 1, u32(gpsAt)), // GPSInfo
    ...u32(0),
  ];
  const gps = [
    ...u16(4),
    ...entry(0x0001, ASCII, 2, inline(ascii('N'))),
    ...entry(0x0002, RATIONAL, 3, u32(put(rationals(FIXTURE_GPS.lat)))),
    ...entry(0x0003, ASCII, 2, inline(ascii('E'))),
    ...entry(0x0004, RATIONAL, 3, u32(put(rationals(FIXTURE_GPS.lng)))),
    ...u32(0),
  ];
  return [...[0x4d, 0x4d], ...u16(42), ...u32(ifd0At), ...ifd0, ...gps, ...data];
}

/** The APP1 "Exif" segment, marker included. */
export function exifSegment(): Uint8Array {
  const body = [...ascii('Exif'), 0, ...tiff()];
  return new Uint8Array([0xff, 0xe1, ...u16(body.length + 2), ...body]);
}

/** `jpeg` with the EXIF segment right after its start-of-image marker, where cameras put it. */
export function withExif(jpeg: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const app1 = exifSegment();
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}

/** Whether `bytes` contain `needle` anywhere (the device name or the "Exif" tag, outside any parser). */
export function containsBytes(bytes: Uint8Array, needle: string | number[]): boolean {
  const n = typeof needle === 'string' ? [...Buffer.from(needle, 'latin1')] : needle;
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

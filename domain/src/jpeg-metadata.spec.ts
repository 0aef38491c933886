import { describe, expect, it } from 'vitest';
import { containsBytes, exifSegment, FIXTURE_DEVICE, withExif } from '../../test/support/exif-fixture.ts';
import { jpegMetadata } from './jpeg-metadata.ts';

const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
const text = (s: string) => [...Buffer.from(`${s}\0`, 'latin1')];
/** The head of a JPEG as Chromium's encoder writes it: SOI, APP0 JFIF, a quantisation table, then SOS and data. */
const CLEAN = new Uint8Array([
  0xff,
  0xd8,
  ...segment(0xe0, [...text('JFIF'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  ...segment(0xdb, new Array<number>(65).fill(1)),
  ...segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
  0x12,
  0x34,
  0xff,
  0xd9,
]);

describe('jpegMetadata', () => {
  it('finds nothing in a JPEG that has only JFIF and image data', () => {
    expect(jpegMetadata(CLEAN)).toEqual([]);
  });

  it('finds the EXIF segment of a camera photo, with GPS and the device in it', () => {
    const photo = withExif(CLEAN);
    expect(jpegMetadata(photo)).toEqual(['exif']);
    expect(containsBytes(photo, FIXTURE_DEVICE.model)).toBe(true);
    expect(containsBytes(exifSegment(), [0x88, 0x25])).toBe(true); // the GPSInfo tag
  });

  it('finds XMP, IPTC, comments and unknown APP segments, but not the colour profile', () => {
    const head = [0xff, 0xd8];
    const rest = [...CLEAN.subarray(2)];
    const build = (...segs: number[][]) => new Uint8Array([...head, ...segs.flat(), ...rest]);
    expect(jpegMetadata(build(segment(0xe1, text('http://ns.adobe.com/xap/1.0/'))))).toEqual(['xmp']);
    expect(jpegMetadata(build(segment(0xed, text('Photoshop 3.0'))))).toEqual(['iptc']);
    expect(jpegMetadata(build(segment(0xfe, text('taken at home'))))).toEqual(['comment']);
    expect(jpegMetadata(build(segment(0xeb, text('JP'))))).toEqual(['other-app']);
    expect(jpegMetadata(build(segment(0xe2, text('ICC_PROFILE'))))).toEqual([]);
  });

  it('refuses what is not a JPEG or is cut short, rather than calling it clean', () => {
    expect(() => jpegMetadata(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toThrow(/not a JPEG/);
    expect(() => jpegMetadata(CLEAN.subarray(0, 10))).toThrow();
    expect(() => jpegMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toThrow(/length/);
  });
});

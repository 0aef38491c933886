import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { parseMunicipalityConfig } from '@banmae/domain';
import raw from '../config/municipality.json' with { type: 'json' };
import { A4, renderPoster } from './poster-render.ts';
import { decomposeSaraAm } from './svg-render.ts';

const config = parseMunicipalityConfig(structuredClone(raw));

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

describe('the add-friend poster (npm run poster)', () => {
  it("is an A4 PNG and PDF whose QR code decodes to the OA's add-friend URL, with the Thai steps; saved to look at", async () => {
    const poster = await renderPoster(config);
    const dir = resolve(import.meta.dirname, '../test-results/poster');
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, 'poster.png'), poster.png);
    writeFileSync(resolve(dir, 'poster.pdf'), poster.pdf);

    expect(decodeQr(poster.png)).toBe('https://line.me/R/ti/p/@banmae');
    const image = PNG.sync.read(poster.png);
    expect([image.width, image.height]).toEqual([A4.width, A4.height]);

    const drawn = poster.svg
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/\s+/g, '');
    for (const text of [...config.poster.stepsTh, config.municipality.nameTh, config.line.oaBasicId]) {
      expect(drawn).toContain(decomposeSaraAm(text).replace(/\s+/g, ''));
    }

    const pdf = await PDFDocument.load(poster.pdf);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]); // A4 in points
    expect(pdf.getSubject()).toContain(config.poster.stepsTh[1]);
  }, 60_000);

  it('follows the configured OA ID', async () => {
    const poster = await renderPoster({ ...config, line: { ...config.line, oaBasicId: '@123abcde' } });
    expect(decodeQr(poster.png)).toBe('https://line.me/R/ti/p/@123abcde');
  }, 60_000);
});

import { build } from 'esbuild';
import { resolve } from 'node:path';
import { jpegMetadata, PHOTO_LIMITS } from '@banmae/domain';
import { launchBrowser } from '../test/support/browser.ts';
import { withExif } from '../test/support/exif-fixture.ts';
import { drawnImage } from '../test/support/photo-fixtures.ts';
import { round } from './stats.ts';

export interface PhotoCompression {
  inputBytes: number;
  storedBytes: number;
  width: number;
  height: number;
  p50Ms: number;
  maxMs: number;
}

/**
 * The form's own compressPhoto (web/src/shared/photos/compress-photo.ts, bundled as it is) on a
 * 12-megapixel camera JPEG (4000×3000, gradient with sensor-like noise, EXIF with GPS), in Chromium with
 * the CPU slowed 4× (DevTools' "mid-tier phone"): how long the citizen waits per photo, and what is stored.
 */
export async function measurePhotoCompression(runs = 3): Promise<PhotoCompression> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, '../web/src/shared/photos/compress-photo.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'photoBench',
    target: 'es2022',
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const input = Buffer.from(withExif(await drawnImage(page, { width: 4000, height: 3000, noise: 10, quality: 0.92 })));
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      (window as unknown as { photo: Blob }).photo = new Blob([bytes], { type: 'image/jpeg' });
    }, input.toString('base64'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const times: number[] = [];
    let last = { bytes: '', width: 0, height: 0 };
    for (let i = 0; i < runs; i++) {
      const r = await page.evaluate(async () => {
        const w = window as unknown as {
          photo: Blob;
          photoBench: { compressPhoto: (b: Blob) => Promise<{ bytes: Uint8Array; width: number; height: number }> };
        };
        const t0 = performance.now();
        const out = await w.photoBench.compressPhoto(w.photo);
        const ms = performance.now() - t0;
        let s = '';
        for (let j = 0; j < out.bytes.length; j += 0x8000) s += String.fromCharCode(...out.bytes.subarray(j, j + 0x8000));
        return { ms, bytes: btoa(s), width: out.width, height: out.height };
      });
      times.push(r.ms);
      last = r;
    }
    const stored = Buffer.from(last.bytes, 'base64');
    if (jpegMetadata(stored).length > 0) throw new Error('the compressed photo still has metadata');
    times.sort((a, b) => a - b);
    return {
      inputBytes: input.length,
      storedBytes: stored.length,
      width: last.width,
      height: last.height,
      p50Ms: times[Math.floor(times.length / 2)]!,
      maxMs: times.at(-1)!,
    };
  } finally {
    await browser.close();
  }
}

/** The bench rows of the photos section. */
export async function photoRows(formKb: number, photoChunkKb: number): Promise<[string, string, string][]> {
  const c = await measurePhotoCompression();
  return [
    [
      'Photo: bytes stored for a 12-megapixel camera photo (4000×3000 JPEG with EXIF GPS)',
      `${round(c.storedBytes / 1024, 1)} KB as ${c.width}×${c.height}, no metadata (from ${round(c.inputBytes / 1024 / 1024, 1)} MB)`,
      `≤ ${round(PHOTO_LIMITS.targetBytes / 1024)} KB (rules refuse > ${PHOTO_LIMITS.maxBytes / 1024} KiB)`,
    ],
    ['Photo: time to resize and re-encode it in Chromium, CPU throttled 4×, p50 of 3', `${round(c.p50Ms)} ms (max ${round(c.maxMs)})`, ''],
    ['Form: JS+CSS before usable, gzip (photo code lazy)', `${round(formKb, 1)} KB`, '≤ 110 KB'],
    ['Photo code (lazy chunk), gzip', `${round(photoChunkKb, 1)} KB`, ''],
  ];
}

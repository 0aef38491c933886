import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMunicipalityConfig } from '@banmae/domain';
import rawConfig from '../config/municipality.json' with { type: 'json' };
import { addFriendUrl, renderPoster } from './poster-render.ts';

/**
 * `npm run poster [-- <folder>]`: writes poster.pdf (A4, for printing) and poster.png (for LINE OA
 * posts) of the add-friend poster, by default into test-results/poster/. `npm start` writes them into
 * the local Hosting too (/poster/poster.pdf).
 */
export async function writePoster(dir: string): Promise<{ pdf: string; png: string; url: string }> {
  const config = parseMunicipalityConfig(rawConfig);
  const poster = await renderPoster(config);
  mkdirSync(dir, { recursive: true });
  const pdf = resolve(dir, 'poster.pdf');
  const png = resolve(dir, 'poster.png');
  writeFileSync(pdf, poster.pdf);
  writeFileSync(png, poster.png);
  return { pdf, png, url: addFriendUrl(config) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = resolve(import.meta.dirname, '..', process.argv[2] ?? 'test-results/poster');
  writePoster(dir)
    .then((r) => console.log(`wrote ${r.pdf} and ${r.png} (QR code: ${r.url})`))
    .catch((err: unknown) => {
      console.error(`poster: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    });
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * gzip bytes a page loads before it is usable, from a production build: the HTML's script, module
 * preloads and CSS (everything the entry imports statically), plus the lazy chunks of a page where it
 * applies. The citizen pages and the staff desk (/admin) are measured from their own builds.
 */
const WEB = resolve(import.meta.dirname, '../web');
const VITE = resolve(WEB, '../node_modules/.bin/vite');
const ENV = {
  ...process.env,
  VITE_FIREBASE_API_KEY: 'bench',
  VITE_FIREBASE_AUTH_DOMAIN: 'bench.firebaseapp.com',
  VITE_FIREBASE_PROJECT_ID: 'bench',
  VITE_FIREBASE_APP_ID: 'bench',
};

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

const sum = (files: string[]) => files.reduce((n, f) => n + gz(f), 0);

/** The JS and CSS files an HTML page names (script, modulepreload, stylesheet). */
function initialFiles(out: string, html: string): string[] {
  const page = readFileSync(join(out, html), 'utf8');
  return [...page.matchAll(/(?:src|href)="\/((?:admin\/)?assets\/[^"]+\.(?:js|css))"/g)].map((m) => join(out, m[1]!));
}

function chunks(dir: string, prefix: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && /\.(js|css)$/.test(f))
    .map((f) => join(dir, f));
}

export function measureBundle(): Record<string, number> {
  const out = mkdtempSync(join(tmpdir(), 'bench-web-'));
  execFileSync(VITE, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: WEB, env: ENV });
  const assets = join(out, 'assets');
  const form = sum(initialFiles(out, 'index.html'));
  const citizen = {
    formKb: form / 1024,
    caseListKb: (form + sum(chunks(assets, 'CaseList'))) / 1024,
    caseDetailKb: (form + sum(chunks(assets, 'CaseDetail')) + sum(chunks(assets, 'CaseList'))) / 1024,
    locationChunkKb: sum(chunks(assets, 'geolocate')) / 1024,
    photoChunkKb: (sum(chunks(assets, 'PhotoPicker')) + sum(chunks(assets, 'photo-'))) / 1024,
  };
  // The desk's own build, into the same folder without emptying it, as `npm run build` does.
  execFileSync(VITE, ['build', '-c', 'vite.admin.config.ts', '--outDir', out, '--logLevel', 'error'], { cwd: WEB, env: ENV });
  const deskAssets = join(out, 'admin', 'assets');
  const queue = sum(initialFiles(out, 'admin/index.html'));
  return {
    ...citizen,
    deskQueueKb: queue / 1024,
    deskCaseKb: (queue + sum(chunks(deskAssets, 'CaseView'))) / 1024,
    deskMapChunkKb: sum(chunks(deskAssets, 'LocationMap')) / 1024,
  };
}

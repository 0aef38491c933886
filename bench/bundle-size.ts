import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * gzip bytes a page loads before it is usable, from a production build: index.html's script and CSS
 * and everything they import statically, plus the lazy chunk of the status pages where it applies.
 */
const WEB = resolve(import.meta.dirname, '../web');

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

export function measureBundle(): Record<string, number> {
  const out = mkdtempSync(join(tmpdir(), 'bench-web-'));
  execFileSync(resolve(WEB, '../node_modules/.bin/vite'), ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: WEB,
    env: {
      ...process.env,
      VITE_FIREBASE_API_KEY: 'bench',
      VITE_FIREBASE_AUTH_DOMAIN: 'bench.firebaseapp.com',
      VITE_FIREBASE_PROJECT_ID: 'bench',
      VITE_FIREBASE_APP_ID: 'bench',
    },
  });
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => join(out, m[1]!));
  const assets = readdirSync(join(out, 'assets'));
  const chunk = (prefix: string) => assets.filter((f) => f.startsWith(prefix) && /\.(js|css)$/.test(f)).map((f) => join(out, 'assets', f));
  const sum = (files: string[]) => files.reduce((n, f) => n + gz(f), 0);
  const form = sum(initial);
  return {
    formKb: form / 1024,
    caseListKb: (form + sum(chunk('CaseList'))) / 1024,
    caseDetailKb: (form + sum(chunk('CaseDetail')) + sum(chunk('CaseList'))) / 1024,
    locationChunkKb: sum(chunk('geolocate')) / 1024,
  };
}

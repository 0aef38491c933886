import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * gzip bytes of JS and CSS a page loads before each moment, from a production build, following the
 * import graph in Vite's manifest: "usable" is the entry and everything it imports statically (what
 * the browser must run before the first render); the moments after it add the dynamic chunks that
 * page loads next and everything they import (a chunk already counted is counted once). HTML, fonts
 * (there are none: system Thai fonts) and API traffic are not included. The citizen pages and the
 * staff desk (/admin) are measured from their own builds.
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

interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/**
 * A module's manifest key: its source path when it is a chunk of its own, `_<name>-<hash>.js` when
 * Rolldown made it a shared chunk (imported from several places, dynamically from one of them).
 */
function keyOf(manifest: Manifest, src: string): string {
  if (manifest[src]) return src;
  const name = src.replace(/^.*\//, '').replace(/\.[a-z]+$/, '');
  const key = Object.keys(manifest).find((k) => manifest[k]!.src === src || new RegExp(`^_${name}-[\\w-]+\\.js$`).test(k));
  if (!key) throw new Error(`bench: "${src}" is not in the build's manifest (renamed?)`);
  return key;
}

/** The files of `keys` and of everything they import statically. */
function closure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`bench: "${key}" is not in the build's manifest (renamed?)`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.map((k) => keyOf(manifest, k)).forEach(visit);
  return files;
}

function build(args: string[], out: string): Manifest {
  execFileSync(VITE, ['build', ...args, '--outDir', out, '--manifest', '--logLevel', 'error'], { cwd: WEB, env: ENV });
  const path = [join(out, '.vite', 'manifest.json'), join(out, 'manifest.json')].find(existsSync);
  if (!path) throw new Error('bench: vite wrote no manifest');
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** What a lazy chunk adds to a page that already loaded `loaded`. */
const added = (m: Manifest, key: string, loaded: Set<string>) => new Set([...closure(m, [key])].filter((f) => !loaded.has(f)));

const kb = (out: string, files: Iterable<string>) => [...files].reduce((n, f) => n + gz(join(out, f)), 0) / 1024;

/** The modules the citizen pages load lazily, by source path (keys of the manifest). */
const LIFF = 'src/liff/boot/liff-client.ts';
const FIREBASE = 'src/liff/boot/firebase-client.ts';
const FILING = 'src/liff/data/complaints.ts';

export function measureCitizenBundle(): Record<string, number> {
  const out = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const m = build(['--emptyOutDir'], out);
  const usable = closure(m, ['index.html']);
  const withSignIn = new Set([...usable, ...closure(m, [LIFF, FIREBASE])]);
  const withFiling = new Set([...withSignIn, ...closure(m, [FILING])]);
  // The status pages have their own entry (cases.html, Hosting's /cases/**); each page is a chunk it
  // fetches at boot beside LIFF and Firebase. The figure is the heavier of the two pages.
  const statusEntry = [...closure(m, ['cases.html']), ...closure(m, [LIFF, FIREBASE])];
  const statusPage = (page: string) => kb(out, new Set([...statusEntry, ...closure(m, [page])]));
  return {
    formUsableKb: kb(out, usable),
    formReadyKb: kb(out, withFiling),
    liffAndFirebaseKb: kb(out, withSignIn) - kb(out, usable),
    statusListKb: statusPage('src/liff/cases/CaseList.tsx'),
    statusCaseKb: statusPage('src/liff/cases/CaseDetail.tsx'),
    statusPagesKb: Math.max(statusPage('src/liff/cases/CaseList.tsx'), statusPage('src/liff/cases/CaseDetail.tsx')),
    locationChunkKb: kb(out, added(m, 'src/liff/form/geolocate.ts', usable)),
    // Issue 13's photo field: the picker, resizing and sending, loaded after the form is on screen
    // (Firestore lite, which it shares with sign-in and filing, counted there).
    photoChunkKb: kb(out, added(m, 'src/liff/photos/PhotoPicker.tsx', withSignIn)),
  };
}

const DASHBOARD = 'src/admin/dashboard/DashboardPage.tsx';

/** The staff desk's build (the citizen pages: measureCitizenBundle). */
export function measureBundle(): Record<string, number> {
  const out = mkdtempSync(join(tmpdir(), 'bench-desk-'));
  const m = build(['-c', 'vite.admin.config.ts', '--emptyOutDir'], out);
  const queue = closure(m, ['admin/index.html']);
  return {
    deskQueueKb: kb(out, queue),
    deskCaseKb: kb(out, new Set([...queue, ...closure(m, ['src/admin/case/CaseView.tsx'])])),
    deskMapChunkKb: kb(out, added(m, 'src/admin/case/LocationMap.tsx', queue)),
    // The dashboard: the desk's entry plus its lazy chunk (its code, uPlot and their CSS).
    deskDashboardKb: kb(out, new Set([...queue, ...closure(m, [DASHBOARD])])),
    deskDashboardChunkKb: kb(out, added(m, DASHBOARD, queue)),
  };
}

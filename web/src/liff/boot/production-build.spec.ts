import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * liff-mock adds every LIFF API at run time, so a browser test in mock mode passes even when the
 * production build lacks a module (PLATFORM-FACTS.md). These checks read the production build and the
 * sources instead.
 */
const WEB = resolve(import.meta.dirname, '../../..');
let outDir: string;
let bundle: string;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'liff-prod-'));
  execFileSync(resolve(WEB, '../node_modules/.bin/vite'), ['build', '--mode', 'production', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: WEB,
    env: {
      ...process.env,
      VITE_FIREBASE_API_KEY: 'k',
      VITE_FIREBASE_AUTH_DOMAIN: 'p.firebaseapp.com',
      VITE_FIREBASE_PROJECT_ID: 'p',
      VITE_FIREBASE_APP_ID: 'a',
    },
  });
  const assets = join(outDir, 'assets');
  bundle = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
}, 60_000);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const kebab = (api: string) => api.replace(/ID/g, 'Id').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const CORE_APIS = new Set(['init', 'use', 'ready', 'id', 'getVersion']);

describe('the production LIFF build', () => {
  it('installs a pluggable LIFF module for every LIFF API the app calls', () => {
    const code = sourcesUnder(resolve(WEB, 'src')).map((f) => readFileSync(f, 'utf8'));
    const used = new Set(code.flatMap((c) => [...c.matchAll(/\bliff\.([a-zA-Z]+)\(/g)].map((m) => m[1]!)));
    const client = ['liff-client.ts', 'liff-chat.ts'].map((f) => readFileSync(resolve(import.meta.dirname, f), 'utf8')).join('\n');
    const installed = new Set([...client.matchAll(/from '@line\/liff\/([a-z-]+)'/g)].map((m) => m[1]!));
    const missing = [...used].filter((api) => !CORE_APIS.has(api) && !installed.has(kebab(api)));
    expect(used.size).toBeGreaterThan(3);
    expect(missing).toEqual([]);
  });

  it('leaves LIFF mock and the LINE stand-in out of the bundle', () => {
    expect(bundle).not.toContain('LiffMockPlugin');
    expect(bundle).not.toContain('__standin');
    expect(bundle).not.toContain('demo-key');
  });

  it('uses the Firebase web config given at build time', () => {
    expect(bundle).toContain('p.firebaseapp.com');
  });

  it('ships no source map and points to none (the readable source stays out of the site)', () => {
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files.filter((f) => /\.(js|css|html)$/.test(f))) expect(readFileSync(join(outDir, f), 'utf8'), f).not.toContain('sourceMappingURL');
  });
});

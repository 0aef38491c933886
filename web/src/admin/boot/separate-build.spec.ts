import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The desk is built after the citizen pages into the same folder (web/package.json "build"). These
 * checks read the production output: the desk build leaves every citizen file byte for byte as it was,
 * and no desk code or text reaches a citizen page.
 */
const WEB = resolve(import.meta.dirname, '../../..');
const VITE = resolve(WEB, '../node_modules/.bin/vite');
const env = {
  ...process.env,
  VITE_FIREBASE_API_KEY: 'k',
  VITE_FIREBASE_AUTH_DOMAIN: 'p.firebaseapp.com',
  VITE_FIREBASE_PROJECT_ID: 'p',
  VITE_FIREBASE_APP_ID: 'a',
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function fingerprints(out: string, under: (path: string) => boolean): Record<string, string> {
  return Object.fromEntries(
    files(out)
      .map((f) => relative(out, f))
      .filter(under)
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(out, f)))
          .digest('hex'),
      ]),
  );
}

let out: string;
let citizenBefore: Record<string, string>;
const isCitizen = (f: string) => !f.startsWith('admin/');

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'desk-build-'));
  execFileSync(VITE, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: WEB, env });
  citizenBefore = fingerprints(out, isCitizen);
  execFileSync(VITE, ['build', '-c', 'vite.admin.config.ts', '--outDir', out, '--logLevel', 'error'], { cwd: WEB, env });
}, 120_000);

describe('the staff desk’s own build', () => {
  it('leaves every citizen file exactly as the citizen build wrote it', () => {
    expect(Object.keys(citizenBefore).length).toBeGreaterThan(3);
    expect(fingerprints(out, isCitizen)).toEqual(citizenBefore);
  });

  it('puts the desk under /admin only, with its own HTML entry', () => {
    const desk = Object.keys(fingerprints(out, (f) => !isCitizen(f)));
    expect(desk).toContain('admin/index.html');
    expect(desk.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1);
    expect(readFileSync(join(out, 'admin/index.html'), 'utf8')).toMatch(/src="\/admin\/assets\/[^"]+\.js"/);
  });

  it('ships no desk code or text to the citizen pages', () => {
    const citizen = Object.keys(citizenBefore)
      .filter((f) => /\.(js|css|html)$/.test(f))
      .map((f) => readFileSync(join(out, f), 'utf8'))
      .join('\n');
    for (const deskOnly of ['/admin/', 'revealReporter', 'ระบบเจ้าหน้าที่', 'leaflet']) expect(citizen).not.toContain(deskOnly);
  });

  it('ships no source map and points to none, the desk’s lazy map chunk included', () => {
    const desk = files(join(out, 'admin'));
    expect(desk.some((f) => /LocationMap-.*\.js$/.test(f))).toBe(true);
    expect(desk.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of desk.filter((f) => /\.(js|css|html)$/.test(f))) expect(readFileSync(f, 'utf8'), f).not.toContain('sourceMappingURL');
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMunicipalityConfig } from '@banmae/domain';
import rawConfig from '../config/municipality.json' with { type: 'json' };
import { parseCsp, type Csp } from './content-security-policy.ts';
import { emulatorConnectSources, emulatorFirebaseConfig, readFirebaseConfig } from './emulator-firebase-config.ts';

/**
 * The headers production serves are firebase.json's alone; the Hosting emulator test
 * (test/integration/hosting-headers.test.ts) sees only the emulator's copy. These checks read the
 * production file: what each policy must refuse, what the pages need from it (and the config names a
 * second time: the tile server, the region), and that the emulator copy differs by local origins only.
 */
const ROOT = resolve(import.meta.dirname, '..');
const firebase = readFirebaseConfig(ROOT);
const municipality = parseMunicipalityConfig(rawConfig);

function rule(source: string): Record<string, string> {
  const found = firebase.hosting.headers.find((r) => r.source === source);
  if (!found) throw new Error(`firebase.json has no header rule for ${source}`);
  return Object.fromEntries(found.headers.map((h) => [h.key, h.value]));
}

const DESK_ROUTES = '/admin{,/**}';
const POLICIES = { citizen: parseCsp(rule(`!${DESK_ROUTES}`)['Content-Security-Policy']!), desk: parseCsp(rule(DESK_ROUTES)['Content-Security-Policy']!) };

/** Whether a source list lets the page reach `origin` (host sources with an optional `*.` label only: all this file uses). */
function allows(csp: Csp, directive: string, url: string): boolean {
  const target = new URL(url);
  return (csp.get(directive) ?? []).some((source) => {
    if (!/^https:\/\//.test(source)) return false;
    const allowed = new URL(source.replace('*.', 'wildcard.'));
    const host = source.includes('*.') ? target.hostname.endsWith(allowed.hostname.replace(/^wildcard/, '')) : target.hostname === allowed.hostname;
    return target.protocol === allowed.protocol && host && target.pathname.startsWith(allowed.pathname);
  });
}

describe('firebase.json: headers on every route', () => {
  it('sends nosniff, a referrer policy that keeps paths and queries (LIFF tokens) home, and no framing', () => {
    expect(rule('**')).toEqual({
      'X-Content-Type-Options': 'nosniff',
      // Not no-referrer: OpenStreetMap's tile policy wants the site's origin as Referer.
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
  });

  it('gives every path exactly one Content-Security-Policy: the desk’s under /admin, the citizen one everywhere else', () => {
    const withCsp = firebase.hosting.headers.filter((r) => r.headers.some((h) => h.key === 'Content-Security-Policy')).map((r) => r.source);
    expect(withCsp.sort()).toEqual([`!${DESK_ROUTES}`, DESK_ROUTES].sort());
  });

  for (const [page, csp] of Object.entries(POLICIES)) {
    describe(`the ${page} policy`, () => {
      it('starts from nothing and cannot be framed, re-based or used to post a form', () => {
        expect(csp.get('default-src')).toEqual(["'none'"]);
        expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
        expect(csp.get('base-uri')).toEqual(["'none'"]);
        expect(csp.get('form-action')).toEqual(["'none'"]);
        for (const fallsBackToNone of ['object-src', 'frame-src', 'worker-src']) expect(csp.has(fallsBackToNone)).toBe(false);
      });

      it('runs only scripts served from the site (and LINE’s, for LIFF): no inline, eval, data: or wildcard', () => {
        for (const source of csp.get('script-src')!) expect(source).toMatch(/^('self'|https:\/\/[a-z0-9.-]+\/[a-z0-9/._-]*)$/);
        expect(csp.get('style-src')).toEqual(["'self'"]);
      });

      it('names no local or plain-http origin (those belong to firebase.emulator.json)', () => {
        for (const sources of csp.values()) for (const s of sources) expect(s).not.toMatch(/^http:|127\.0\.0\.1|localhost/);
      });

      it('lets the page reach Firebase Auth and Firestore', () => {
        for (const api of [
          'https://identitytoolkit.googleapis.com/v1/accounts',
          'https://securetoken.googleapis.com/v1/token',
          'https://firestore.googleapis.com/v1/projects',
        ])
          expect(allows(csp, 'connect-src', api), api).toBe(true);
      });
    });
  }

  it('lets LIFF reach LINE: token and key endpoints, its translations, and the scripts of its Android login alert', () => {
    const { citizen } = POLICIES;
    for (const api of [
      'https://api.line.me/oauth2/v2.1/token',
      'https://access.line.me/.well-known/openid-configuration',
      'https://liffsdk.line-scdn.net/xlt/manifest.json',
    ])
      expect(allows(citizen, 'connect-src', api), api).toBe(true);
    expect(allows(citizen, 'script-src', 'https://static.line-scdn.net/lui/edge/versions/1.13.0/lui-alert.js')).toBe(true);
    expect(allows(citizen, 'script-src', 'https://static.line-scdn.net/other/thing.js')).toBe(false);
  });

  it('lets the desk load the configured map tiles and call the staff functions in the configured region', () => {
    const tile = municipality.desk.mapTileUrl.replace(/\{s\}/, 'a').replace(/\{[a-z]+\}/g, '1');
    expect(allows(POLICIES.desk, 'img-src', tile), `${tile}: change firebase.json with desk.mapTileUrl`).toBe(true);
    expect(allows(POLICIES.desk, 'connect-src', `https://${municipality.region}-banmae-prod.cloudfunctions.net/revealReporter`)).toBe(true);
    expect(allows(POLICIES.citizen, 'img-src', tile)).toBe(false);
  });

  it('allows the location only where the form asks for it', () => {
    expect(rule(`!${DESK_ROUTES}`)['Permissions-Policy']).toContain('geolocation=(self)');
    expect(rule(DESK_ROUTES)['Permissions-Policy']).toContain('geolocation=()');
    for (const r of [rule(`!${DESK_ROUTES}`), rule(DESK_ROUTES)]) expect(r['Permissions-Policy']).toMatch(/camera=\(\).*microphone=\(\)/);
  });
});

describe('firebase.json: no source maps are deployed', () => {
  const raw = JSON.parse(readFileSync(resolve(ROOT, 'firebase.json'), 'utf8')) as { hosting: { ignore: string[] }; functions: { ignore: string[] }[] };
  it('leaves *.map out of Hosting and of the functions upload, should a build write one', () => {
    expect(raw.hosting.ignore).toContain('**/*.map');
    expect(raw.functions[0]!.ignore).toContain('lib/*.map');
  });
});

describe('firebase.emulator.json', () => {
  const sources = emulatorConnectSources(firebase, 9200);
  const local = emulatorFirebaseConfig(firebase, sources);

  it('adds the Auth, Firestore and Functions emulators and the LINE stand-in, on 127.0.0.1 and localhost', () => {
    for (const port of [9099, 8080, 5001, 9200]) for (const host of ['127.0.0.1', 'localhost']) expect(sources).toContain(`http://${host}:${port}`);
    expect(sources).toHaveLength(8);
  });

  it('differs from firebase.json only by those origins at the end of each connect-src', () => {
    const stripped = JSON.parse(JSON.stringify(local).replaceAll(` ${sources.join(' ')}`, '')) as unknown;
    expect(stripped).toEqual(firebase);
    const policies = local.hosting.headers.flatMap((r) => r.headers).filter((h) => h.key === 'Content-Security-Policy');
    expect(policies).toHaveLength(2);
    for (const p of policies) expect(parseCsp(p.value).get('connect-src')!.slice(-sources.length)).toEqual(sources);
  });
});

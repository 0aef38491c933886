import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsp } from '../../scripts/content-security-policy.ts';
import { readFirebaseConfig } from '../../scripts/emulator-firebase-config.ts';
import { HOSTING_ORIGIN } from '../support/stack.ts';

/**
 * Every kind of route the Hosting emulator serves, checked header by header against firebase.json:
 * the citizen pages and the desk, their assets, an unknown path, and the routes Hosting hands to a
 * function. The emulator runs with firebase.emulator.json, whose policies may add local origins to
 * connect-src and nothing else, which is checked here too.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const production = readFirebaseConfig(ROOT);
const rule = (source: string) => {
  const found = production.hosting.headers.find((r) => r.source === source);
  if (!found) throw new Error(`firebase.json has no header rule for ${source}`);
  return Object.fromEntries(found.headers.map((h) => [h.key.toLowerCase(), h.value]));
};
const EVERY_ROUTE = rule('**');
const CITIZEN = { ...EVERY_ROUTE, ...rule('!/admin{,/**}') };
const DESK = { ...EVERY_ROUTE, ...rule('/admin{,/**}') };
const IMMUTABLE = 'public, max-age=31536000, immutable';

const firstScript = (dir: string) => readdirSync(resolve(ROOT, 'web/dist', dir)).find((f) => f.endsWith('.js'))!;

interface Route {
  path: string;
  method?: 'GET' | 'POST';
  /** 200 unless said: Hosting redirects /admin to /admin/ (a folder), the functions refuse an empty POST. */
  status?: number;
  want: Record<string, string>;
}

const ROUTES: Route[] = [
  { path: '/', want: CITIZEN },
  { path: '/index.html', want: { ...CITIZEN, 'cache-control': 'no-cache' } },
  { path: '/cases', want: CITIZEN },
  { path: '/cases/AbCdEf0123456789', want: CITIZEN },
  { path: '/no/such/page', want: CITIZEN },
  { path: '/administrator', want: CITIZEN },
  { path: `/assets/${firstScript('assets')}`, want: { ...CITIZEN, 'cache-control': IMMUTABLE } },
  { path: '/admin', status: 301, want: DESK },
  { path: '/admin/', want: DESK },
  { path: '/admin/index.html', want: { ...DESK, 'cache-control': 'no-cache' } },
  { path: '/admin/cases/AbCdEf0123456789', want: DESK },
  { path: '/admin/audit', want: DESK },
  { path: `/admin/assets/${firstScript('admin/assets')}`, want: { ...DESK, 'cache-control': IMMUTABLE } },
  { path: '/api/lineAuth', method: 'POST', status: 401, want: CITIZEN },
  { path: '/api/lineWebhook', method: 'POST', status: 401, want: CITIZEN },
];

const LOCAL_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost):\d+$/;

/** The served policy is firebase.json's, with at most local origins added to connect-src. */
function expectPolicy(served: string | null, production: string): void {
  expect(served).not.toBeNull();
  const got = parseCsp(served!);
  const want = parseCsp(production);
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [directive, sources] of want) {
    if (directive !== 'connect-src') {
      expect(got.get(directive), directive).toEqual(sources);
      continue;
    }
    const connect = got.get('connect-src')!;
    expect(connect.slice(0, sources.length)).toEqual(sources);
    for (const added of connect.slice(sources.length)) expect(added).toMatch(LOCAL_ORIGIN);
  }
}

describe('Hosting headers on every route', () => {
  it.each(ROUTES.map((r) => ({ ...r, name: `${r.method ?? 'GET'} ${r.path}` })))('$name', async ({ path, method = 'GET', status = 200, want }) => {
    const res = await fetch(`${HOSTING_ORIGIN}${path}`, {
      method,
      redirect: 'manual',
      ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
    });
    await res.arrayBuffer();
    expect(res.status).toBe(status);
    for (const [key, value] of Object.entries(want)) {
      if (key === 'content-security-policy') expectPolicy(res.headers.get(key), value);
      else expect(res.headers.get(key), key).toBe(value);
    }
  });

  it('the desk and the citizen pages each get their own policy, and the desk is never indexed', async () => {
    const [citizen, desk] = await Promise.all([fetch(`${HOSTING_ORIGIN}/cases`), fetch(`${HOSTING_ORIGIN}/admin/cases/x`)]);
    expect(citizen.headers.get('content-security-policy')).toContain('https://api.line.me');
    expect(desk.headers.get('content-security-policy')).not.toContain('line');
    expect(desk.headers.get('x-robots-tag')).toBe('noindex');
    expect(citizen.headers.get('x-robots-tag')).toBeNull();
  });

  it('serves the status pages from their own entry and the form from the LIFF endpoint (issue 11)', async () => {
    const script = async (path: string) =>
      /<script type="module"[^>]* src="\/assets\/([a-z]+)-/.exec(await (await fetch(`${HOSTING_ORIGIN}${path}`)).text())?.[1];
    expect(await script('/')).toBe('index');
    expect(await script('/sent/AbCdEf0123456789')).toBe('index');
    expect(await script('/cases')).toBe('cases');
    expect(await script('/cases/AbCdEf0123456789')).toBe('cases');
  });

  // Hosting compresses every text file it serves (gzip or Brotli, chosen per request) unless a header
  // rule says how the body is encoded or forbids transforming it; the emulator serves uncompressed, so
  // this checks what would stop production from compressing. The bench's sizes are gzip -9.
  it('leaves Hosting free to compress text: no rule sets Content-Encoding or no-transform', () => {
    for (const r of production.hosting.headers) {
      for (const h of r.headers) {
        expect(h.key.toLowerCase(), r.source).not.toBe('content-encoding');
        expect(h.value.toLowerCase(), `${r.source} ${h.key}`).not.toContain('no-transform');
      }
    }
  });
});

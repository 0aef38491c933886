import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { municipality } from './municipality.ts';

/**
 * firebase.json cannot read config/municipality.json, so the Hosting rewrites name the functions'
 * region a second time. This keeps the two from drifting: change both together (README "Deploy").
 */
describe('firebase.json', () => {
  const firebase = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../firebase.json'), 'utf8')) as {
    hosting: { rewrites: { source: string; function?: { functionId: string; region: string } }[] };
    functions: { runtime: string }[];
  };
  it("routes /api/* to functions in the config's region", () => {
    const fns = firebase.hosting.rewrites.filter((r) => r.function);
    expect(fns.map((r) => r.function!.functionId).sort()).toEqual(['lineAuth', 'lineWebhook']);
    for (const r of fns) expect(r.function!.region).toBe(municipality.region);
  });
  it('deploys on Node 22, matching functions/package.json', () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as { engines: { node: string } };
    expect(firebase.functions[0]!.runtime).toBe('nodejs22');
    expect(pkg.engines.node).toBe('22');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { lineApiBaseUrl, liffBaseUrl } from './line-endpoint.ts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

describe('where the functions send LINE requests', () => {
  it("uses LINE's own host in production (the param's default, filled in at deploy)", () => {
    setEnv({ LINE_API_BASE_URL: 'https://api.line.me', FUNCTIONS_EMULATOR: undefined });
    expect(lineApiBaseUrl()).toBe('https://api.line.me');
  });
  it('accepts the local stand-in under the emulator', () => {
    setEnv({ LINE_API_BASE_URL: 'http://127.0.0.1:9200/', FUNCTIONS_EMULATOR: 'true' });
    expect(lineApiBaseUrl()).toBe('http://127.0.0.1:9200');
  });
  it('refuses any other host in production, so ID tokens and messages cannot leak elsewhere', () => {
    setEnv({ LINE_API_BASE_URL: 'http://127.0.0.1:9200', FUNCTIONS_EMULATOR: undefined });
    expect(() => lineApiBaseUrl()).toThrow(/only under the Firebase emulator/);
  });
  it('links to liff.line.me in production even if a local LIFF URL is configured', () => {
    setEnv({ LIFF_BASE_URL: 'http://127.0.0.1:5000', FUNCTIONS_EMULATOR: undefined });
    expect(liffBaseUrl()).toBe('https://liff.line.me/2000000000-BanMaeDk');
    setEnv({ FUNCTIONS_EMULATOR: 'true' });
    expect(liffBaseUrl()).toBe('http://127.0.0.1:5000');
  });
});

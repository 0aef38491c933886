import { afterEach, describe, expect, it } from 'vitest';
import { lineApiBaseUrl, liffBaseUrl } from './line-endpoint.ts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** The runtime's view: only what is given is set (the unit-test process has none of these). */
function setEnv(vars: Record<string, string | undefined>): void {
  for (const k of ['FUNCTIONS_EMULATOR', 'GCLOUD_PROJECT', 'GOOGLE_CLOUD_PROJECT', 'FIREBASE_CONFIG', 'LINE_API_BASE_URL', 'LIFF_BASE_URL'])
    delete process.env[k];
  for (const [k, v] of Object.entries(vars)) if (v !== undefined) process.env[k] = v;
}

const STANDIN = 'http://127.0.0.1:9200';
const EMULATOR = { FUNCTIONS_EMULATOR: 'true', GCLOUD_PROJECT: 'demo-banmae', FIREBASE_CONFIG: JSON.stringify({ projectId: 'demo-banmae' }) };
/** What a deployed function sees: the CLI fills in the real project; FUNCTIONS_EMULATOR only if a functions/.env sets it. */
const DEPLOYED = { GCLOUD_PROJECT: 'banmae-prod', FIREBASE_CONFIG: JSON.stringify({ projectId: 'banmae-prod' }) };

describe('where the functions send LINE requests', () => {
  it("uses LINE's own host in production (the param's default, filled in at deploy)", () => {
    setEnv({ ...DEPLOYED, LINE_API_BASE_URL: 'https://api.line.me' });
    expect(lineApiBaseUrl()).toBe('https://api.line.me');
  });

  it('accepts the local stand-in on the emulator under a demo- project', () => {
    setEnv({ ...EMULATOR, LINE_API_BASE_URL: `${STANDIN}/` });
    expect(lineApiBaseUrl()).toBe(STANDIN);
  });

  const refused: { description: string; env: Record<string, string> }[] = [
    { description: 'a deployed function', env: DEPLOYED },
    { description: 'a deployed function whose functions/.env sets FUNCTIONS_EMULATOR=true', env: { ...DEPLOYED, FUNCTIONS_EMULATOR: 'true' } },
    { description: 'the emulator flag with no project ID at all', env: { FUNCTIONS_EMULATOR: 'true' } },
    {
      description: 'the emulator on a real project',
      env: { ...EMULATOR, GCLOUD_PROJECT: 'banmae-prod', FIREBASE_CONFIG: JSON.stringify({ projectId: 'banmae-prod' }) },
    },
    {
      description: 'a demo- GCLOUD_PROJECT beside a real project in FIREBASE_CONFIG',
      env: { ...EMULATOR, FIREBASE_CONFIG: JSON.stringify({ projectId: 'banmae-prod' }) },
    },
    { description: 'a demo- GCLOUD_PROJECT beside a real GOOGLE_CLOUD_PROJECT', env: { ...EMULATOR, GOOGLE_CLOUD_PROJECT: 'banmae-prod' } },
    { description: 'an unreadable FIREBASE_CONFIG', env: { ...EMULATOR, FIREBASE_CONFIG: '{not json' } },
    { description: 'a demo- project without the emulator flag', env: { GCLOUD_PROJECT: 'demo-banmae' } },
  ];

  it.each(refused)('refuses any other host for $description, so ID tokens and messages cannot leak elsewhere', ({ env }) => {
    setEnv({ ...env, LINE_API_BASE_URL: 'https://line.attacker.example' });
    expect(() => lineApiBaseUrl()).toThrow(/LINE_API_BASE_URL=https:\/\/line\.attacker\.example refused: only https:\/\/api\.line\.me is allowed/);
  });

  it('names what it saw, so the log says why', () => {
    setEnv({ ...DEPLOYED, FUNCTIONS_EMULATOR: 'true', LINE_API_BASE_URL: STANDIN });
    expect(() => lineApiBaseUrl()).toThrow('(FUNCTIONS_EMULATOR=true, project banmae-prod)');
  });
});

describe('where the "รายละเอียด" buttons link to', () => {
  it('links to liff.line.me in production even if a local LIFF URL is configured, .env emulator flag or not', () => {
    setEnv({ ...DEPLOYED, LIFF_BASE_URL: 'https://phishing.example' });
    expect(liffBaseUrl()).toBe('https://liff.line.me/2000000000-BanMaeDk');
    setEnv({ ...DEPLOYED, FUNCTIONS_EMULATOR: 'true', LIFF_BASE_URL: 'https://phishing.example' });
    expect(liffBaseUrl()).toBe('https://liff.line.me/2000000000-BanMaeDk');
  });

  it('links to the local Hosting origin on the emulator under a demo- project', () => {
    setEnv({ ...EMULATOR, LIFF_BASE_URL: 'http://127.0.0.1:5000' });
    expect(liffBaseUrl()).toBe('http://127.0.0.1:5000');
  });
});

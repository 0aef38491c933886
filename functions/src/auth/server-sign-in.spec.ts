import { afterEach, describe, expect, it, vi } from 'vitest';
import { signInOnServer } from './server-sign-in.js';

const calls: string[] = [];
function identityToolkitAnswers(status: number, json: object) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      calls.push(url);
      return Promise.resolve(new Response(JSON.stringify(json), { status }));
    }),
  );
}
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  calls.length = 0;
});

describe('signInOnServer: the Firebase session in lineAuth’s answer, or null for the page to sign in itself', () => {
  it('signs the custom token in with Identity Toolkit and hands back its session', async () => {
    vi.stubEnv('FIREBASE_AUTH_EMULATOR_HOST', '');
    identityToolkitAnswers(200, { idToken: 'id', refreshToken: 'r', expiresIn: '3600', kind: 'x' });
    expect(await signInOnServer('custom', 'key/1')).toEqual({ idToken: 'id', refreshToken: 'r', expiresIn: '3600' });
    expect(calls).toEqual(['https://identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?key=key%2F1']);
  });

  it('talks to the Auth emulator when the Functions emulator runs beside one', async () => {
    vi.stubEnv('FIREBASE_AUTH_EMULATOR_HOST', '127.0.0.1:9099');
    identityToolkitAnswers(200, { idToken: 'id', refreshToken: 'r', expiresIn: '3600' });
    await signInOnServer('custom', 'demo-key');
    expect(calls[0]).toBe('http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?key=demo-key');
  });

  it('does not try without a web API key', async () => {
    identityToolkitAnswers(200, { idToken: 'id', refreshToken: 'r' });
    expect(await signInOnServer('custom', '')).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it('gives null when the key is refused (e.g. restricted to browsers) or the answer has no session', async () => {
    identityToolkitAnswers(403, { error: { message: 'API_KEY_HTTP_REFERRER_BLOCKED' } });
    expect(await signInOnServer('custom', 'k')).toBeNull();
    identityToolkitAnswers(200, { idToken: 'id' });
    expect(await signInOnServer('custom', 'k')).toBeNull();
  });

  it('gives null when Identity Toolkit cannot be reached or is too slow', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    expect(await signInOnServer('custom', 'k')).toBeNull();
    vi.stubGlobal(
      'fetch',
      (_url: string, init: { signal: AbortSignal }) =>
        new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason as Error))),
    );
    expect(await signInOnServer('custom', 'k', 20)).toBeNull();
  });
});

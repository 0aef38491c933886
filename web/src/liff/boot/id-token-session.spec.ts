import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthRequestError, IdTokenSession, uidOfIdToken } from './id-token-session.ts';

const jwt = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
const calls: { url: string; body: string }[] = [];
function answer(...bodies: { status?: number; json: object }[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: { body: string }) => {
      calls.push({ url, body: init.body });
      const next = bodies.shift()!;
      return Promise.resolve(new Response(JSON.stringify(next.json), { status: next.status ?? 200 }));
    }),
  );
}
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  calls.length = 0;
});

const session = () => new IdTokenSession({ apiKey: 'k', base: 'http://127.0.0.1:9099/' });

describe('the citizen pages\u2019 sign-in without the Auth SDK', () => {
  it('signs in with the custom token and hands Firestore the ID token and uid', async () => {
    const s = session();
    expect(await s.getToken()).toBeNull(); // before sign-in Firestore goes unauthenticated
    answer({ json: { idToken: jwt({ sub: 'Uabc' }), refreshToken: 'r1', expiresIn: '3600' } });
    expect(await s.signInWithCustomToken('custom')).toBe('Uabc');
    expect(calls[0]!.url).toBe('http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?key=k');
    expect(JSON.parse(calls[0]!.body)).toEqual({ token: 'custom', returnSecureToken: true });
    expect(await s.getToken()).toEqual({ accessToken: jwt({ sub: 'Uabc' }) });
    expect(s.getUid()).toBe('Uabc');
  });

  it('refreshes the ID token once, shortly before it expires, for requests arriving together', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date'] });
    const s = session();
    answer(
      { json: { idToken: jwt({ sub: 'U1' }), refreshToken: 'r1', expiresIn: '3600' } },
      { json: { id_token: jwt({ sub: 'U1', n: 2 }), refresh_token: 'r2', expires_in: '3600' } },
    );
    await s.signInWithCustomToken('custom');
    vi.setSystemTime(56 * 60_000); // 4 minutes before expiry
    const [a, b] = await Promise.all([s.getToken(), s.getToken()]);
    expect(a).toEqual({ accessToken: jwt({ sub: 'U1', n: 2 }) });
    expect(b).toEqual(a);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.url).toBe('http://127.0.0.1:9099/securetoken.googleapis.com/v1/token?key=k');
    expect(calls[1]!.body).toBe('grant_type=refresh_token&refresh_token=r1');
  });

  it('reports a refused token and a lost connection apart', async () => {
    answer({ status: 400, json: { error: { message: 'INVALID_CUSTOM_TOKEN' } } });
    await expect(session().signInWithCustomToken('bad')).rejects.toMatchObject({ status: 400, code: 'INVALID_CUSTOM_TOKEN' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(session().signInWithCustomToken('x')).rejects.toBeInstanceOf(AuthRequestError);
    await expect(session().signInWithCustomToken('x')).rejects.toMatchObject({ status: 'network' });
  });

  it('reads the uid from the token payload (base64url)', () => {
    expect(uidOfIdToken(jwt({ sub: 'U' + 'f'.repeat(32), name: 'ทดสอบ?>' }))).toBe('U' + 'f'.repeat(32));
    expect(() => uidOfIdToken(jwt({}))).toThrow(AuthRequestError);
  });
});

describe('a session lineAuth signed in on the server', () => {
  it('is taken as it came, without a request, and refreshed with its own refresh token', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date'] });
    const s = session();
    answer({ json: { id_token: jwt({ sub: 'U2', n: 2 }), refresh_token: 'r2', expires_in: '3600' } });
    expect(s.adopt({ idToken: jwt({ sub: 'U2' }), refreshToken: 'server-r1', expiresIn: '3600' })).toBe('U2');
    expect(s.getUid()).toBe('U2');
    expect(await s.getToken()).toEqual({ accessToken: jwt({ sub: 'U2' }) });
    expect(calls).toHaveLength(0);
    vi.setSystemTime(56 * 60_000);
    expect(await s.getToken()).toEqual({ accessToken: jwt({ sub: 'U2', n: 2 }) });
    expect(calls[0]!.body).toBe('grant_type=refresh_token&refresh_token=server-r1');
  });

  it('is refused when its ID token names no user', () => {
    const s = session();
    expect(() => s.adopt({ idToken: jwt({}), refreshToken: 'r', expiresIn: '3600' })).toThrow(AuthRequestError);
    expect(s.getUid()).toBeNull();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { AUTH_URL, FIRESTORE, LINE_AUTH_URL, lineUserId, PROJECT_ID } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';
import { adminAuth } from '../support/admin.ts';
import { CLIENT_IP_HEADER, newClientIp } from '../support/client-ip.ts';
import { parseMunicipalityConfig } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };

const { limits, line } = parseMunicipalityConfig(rawConfig);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** Shaped like a LIFF ID token of our channel, signed by nobody: only LINE can tell it is forged. */
const forgedButWellFormed = () =>
  `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64({ iss: 'https://access.line.me', sub: lineUserId(), aud: line.lineLoginChannelId, exp: Math.floor(Date.now() / 1000) + 600 })}.${b64('sig')}`;

async function exchange(body: unknown, client = newClientIp()): Promise<{ status: number; json: Record<string, string>; headers: Headers }> {
  const res = await fetch(LINE_AUTH_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: client },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, string>, headers: res.headers };
}

/** A claim of a JWT's payload: `uid` in a custom token, `sub` in an ID token. */
function uidOf(token: string, claim: 'uid' | 'sub' = 'uid'): string {
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, string>)[claim]!;
}

describe('lineAuth: LIFF ID token → Firebase custom token', () => {
  beforeEach(() => standin.reset());

  it('gives a custom token whose uid is the LINE userId of a valid token, verified with LINE', async () => {
    const alice = lineUserId();
    const { status, json } = await exchange({ idToken: await standin.idToken(alice) });
    expect(status).toBe(200);
    expect(uidOf(json.customToken!)).toBe(alice);
    const verifies = await standin.requests('/oauth2/v2.1/verify');
    expect(verifies).toHaveLength(1);
  });

  it('signs the citizen in on the server too: the answer carries a Firebase session for the LINE userId, which Firestore accepts and which refreshes', async () => {
    const alice = lineUserId();
    const { status, json, headers } = await exchange({ idToken: await standin.idToken(alice) });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store'); // credentials: never cached
    const session = json.session as unknown as { idToken: string; refreshToken: string; expiresIn: string };
    expect(uidOf(session.idToken, 'sub')).toBe(alice);
    expect(Number(session.expiresIn)).toBeGreaterThan(0);
    // Firestore takes the ID token as the citizen's: their own filing counter reads (404: none yet), another's is refused.
    const read = (owner: string) =>
      fetch(`http://${FIRESTORE.host}:${FIRESTORE.port}/v1/projects/${PROJECT_ID}/databases/(default)/documents/filingCounters/${owner}`, {
        headers: { authorization: `Bearer ${session.idToken}` },
      });
    expect((await read(alice)).status).toBe(404);
    expect((await read(lineUserId())).status).toBe(403);
    const refreshed = await fetch(`${AUTH_URL}/securetoken.googleapis.com/v1/token?key=demo-key`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken }).toString(),
    });
    expect(refreshed.status).toBe(200);
    expect(((await refreshed.json()) as { user_id: string }).user_id).toBe(alice);
  });

  it('ignores a userId sent beside the token', async () => {
    const alice = lineUserId();
    const mallory = lineUserId();
    const { json } = await exchange({ idToken: await standin.idToken(alice), userId: mallory, uid: mallory, name: 'x' });
    expect(uidOf(json.customToken!)).toBe(alice);
  });

  it('refuses a forged token with 401 and no custom token', async () => {
    const token = await standin.idToken(lineUserId());
    const [head, body] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), sub: lineUserId() })).toString('base64url');
    const { status, json } = await exchange({ idToken: `${head}.${forgedBody}.${token.split('.')[2]}` });
    expect(status).toBe(401);
    expect(json.error).toBe('invalid_token');
    expect(json.customToken).toBeUndefined();
    expect(json.session).toBeUndefined();
    expect(json.message).toMatch(/LINE/);
  });

  it('refuses an expired token', async () => {
    const { status, json } = await exchange({ idToken: await standin.idToken(lineUserId(), { expiresIn: -60 }) });
    expect(status).toBe(401);
    expect(json.error).toBe('expired_token');
    expect(json.customToken).toBeUndefined();
  });

  it("refuses a token issued for another channel's audience", async () => {
    const { status, json } = await exchange({ idToken: await standin.idToken(lineUserId(), { aud: '1999999999' }) });
    expect(status).toBe(401);
    expect(json.error).toBe('wrong_audience');
    expect(json.customToken).toBeUndefined();
  });

  it('refuses a request without a token, and anything but POST', async () => {
    expect((await exchange({})).status).toBe(401);
    expect((await exchange({ idToken: 42 })).status).toBe(401);
    expect((await fetch(LINE_AUTH_URL)).status).toBe(405);
  });

  it('answers 503 in Thai when LINE Login fails, and creates no user', async () => {
    await standin.fault({ path: '/oauth2/v2.1/verify', status: 500 });
    const alice = lineUserId();
    const { status, json } = await exchange({ idToken: await standin.idToken(alice) });
    expect(status).toBe(503);
    expect(json.message).toMatch(/ลองใหม่/);
    await expect(adminAuth.getUser(alice)).rejects.toThrow();
  });

  it('refuses what cannot be a LIFF ID token without asking LINE', async () => {
    const garbage = [
      'x'.repeat(4000),
      'a.b',
      `${b64({ alg: 'none' })}.${b64({ iss: 'https://access.line.me', sub: lineUserId(), aud: line.lineLoginChannelId, exp: 9e9 })}.`,
      `${b64({ alg: 'ES256' })}.${b64({ iss: 'https://evil.example', sub: lineUserId(), aud: line.lineLoginChannelId, exp: 9e9 })}.${b64('s')}`,
      `${b64({ alg: 'ES256' })}.${b64({ iss: 'https://access.line.me', sub: lineUserId(), aud: '1999999999', exp: 9e9 })}.${b64('s')}`,
      `${b64({ alg: 'ES256' })}.${b64({ iss: 'https://access.line.me', sub: lineUserId(), aud: line.lineLoginChannelId, exp: 1 })}.${b64('s')}`,
    ];
    const client = newClientIp();
    for (const idToken of garbage) {
      const { status, json } = await exchange({ idToken }, client);
      expect(status).toBe(401);
      expect(json.customToken).toBeUndefined();
      expect(json.message).toMatch(/LINE|ยืนยันตัวตน/);
    }
    expect(await standin.requests('/oauth2/v2.1/verify')).toHaveLength(0);
  });

  it(`lets one client cause at most ${limits.signInsPerClientPerMinute} checks with LINE a minute, then answers 429 in Thai; other clients still sign in`, async () => {
    const attacker = newClientIp();
    const answers: number[] = [];
    for (let i = 0; i < limits.signInsPerClientPerMinute + 5; i++) {
      const { status, json } = await exchange({ idToken: forgedButWellFormed() }, attacker);
      answers.push(status);
      if (status === 429) expect(json.message).toMatch(/บ่อยเกินไป/);
    }
    expect(answers.filter((s) => s === 401)).toHaveLength(limits.signInsPerClientPerMinute);
    expect(answers.slice(limits.signInsPerClientPerMinute)).toEqual(Array(5).fill(429));
    expect(await standin.requests('/oauth2/v2.1/verify')).toHaveLength(limits.signInsPerClientPerMinute);

    const alice = lineUserId();
    const { status, json } = await exchange({ idToken: await standin.idToken(alice) });
    expect(status).toBe(200);
    expect(uidOf(json.customToken!)).toBe(alice);
  });
});

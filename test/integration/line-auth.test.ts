import { beforeEach, describe, expect, it } from 'vitest';
import { LINE_AUTH_URL, lineUserId } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';
import { adminAuth } from '../support/admin.ts';

async function exchange(body: unknown): Promise<{ status: number; json: Record<string, string> }> {
  const res = await fetch(LINE_AUTH_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
}

function uidOf(customToken: string): string {
  return (JSON.parse(Buffer.from(customToken.split('.')[1]!, 'base64url').toString()) as { uid: string }).uid;
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
});

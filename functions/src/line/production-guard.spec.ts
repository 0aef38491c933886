import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import config from '../../../config/municipality.json' with { type: 'json' };

/**
 * A stand-in URL configured in production must never receive anything. A real local HTTP server
 * plays the host a misconfigured (or tampered) LINE_API_BASE_URL points at; lineAuth and the
 * Messaging API client run as a deployed function would, and the server must see no ID token and no
 * channel access token. The same calls on the emulator do reach it, which shows the server would see them.
 */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let url: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_request","error_description":"stand-in"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  received.length = 0;
});

const ACCESS_TOKEN = 'channel-access-token-that-must-stay-home';
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** Shaped like a LIFF ID token of the configured channel, so lineAuth's own pre-check lets it through to LINE. */
const ID_TOKEN = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64({ iss: 'https://access.line.me', sub: `U${'c'.repeat(32)}`, aud: config.line.lineLoginChannelId, exp: Math.floor(Date.now() / 1000) + 3600 })}.${b64('sig')}`;

/** Fresh modules per case: the Messaging API client is cached on first use. */
async function runAs(env: Record<string, string>) {
  for (const k of ['FUNCTIONS_EMULATOR', 'GCLOUD_PROJECT', 'GOOGLE_CLOUD_PROJECT', 'FIREBASE_CONFIG']) delete process.env[k];
  Object.assign(process.env, env, { LINE_API_BASE_URL: url, LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN });
  vi.resetModules();
  const { handleLineAuth } = await import('../auth/line-auth.ts');
  const { messagingClient } = await import('./messaging-client.ts');
  const res = {
    statusCode: 0,
    status: (c: number) => ((res.statusCode = c), res),
    json: () => res,
    set: () => res,
    setHeader: () => res,
    getHeader: () => undefined,
  };
  const req = { method: 'POST', body: { idToken: ID_TOKEN }, headers: {}, ip: '127.0.0.1', get: () => undefined };
  const lineAuth = handleLineAuth(req as never, res as never).then(() => res.statusCode);
  const push = messagingClient().then((c) => c.pushMessage({ to: 'U'.padEnd(33, '0'), messages: [{ type: 'text', text: 'สถานะ' }] }));
  return { lineAuth, push };
}

const DEPLOYED = { GCLOUD_PROJECT: 'banmae-prod', FIREBASE_CONFIG: JSON.stringify({ projectId: 'banmae-prod' }) };

describe('a stand-in LINE URL in a production-like environment', () => {
  it.each([
    { description: 'deployed', env: DEPLOYED },
    { description: 'deployed with FUNCTIONS_EMULATOR=true from functions/.env', env: { ...DEPLOYED, FUNCTIONS_EMULATOR: 'true' } },
  ])('$description: lineAuth and a push fail with the reason, and the other host receives nothing', async ({ env }) => {
    const { lineAuth, push } = await runAs(env);
    await expect(lineAuth).rejects.toThrow(/LINE_API_BASE_URL=http:\/\/127\.0\.0\.1:\d+ refused/);
    await expect(push).rejects.toThrow(/refused: only https:\/\/api\.line\.me is allowed/);
    expect(received).toEqual([]);
  });

  it('on the emulator under a demo- project the same calls reach the stand-in, tokens and all', async () => {
    const { lineAuth, push } = await runAs({
      FUNCTIONS_EMULATOR: 'true',
      GCLOUD_PROJECT: 'demo-banmae',
      FIREBASE_CONFIG: JSON.stringify({ projectId: 'demo-banmae' }),
    });
    expect(await lineAuth).toBe(401);
    await expect(push).rejects.toThrow();
    const verify = received.find((r) => r.path === '/oauth2/v2.1/verify');
    expect(new URLSearchParams(verify?.body).get('id_token')).toBe(ID_TOKEN);
    expect(received.find((r) => r.path === '/v2/bot/message/push')?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
  });
});

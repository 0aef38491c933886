import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_LINE_USER } from './demo-user.ts';
import { IdTokenIssuer } from './id-token.ts';
import { LINE_GROUP_ID, LINE_USER_ID } from '@banmae/domain';
import { checkMessages, UUID } from './message-checks.ts';
import { RichMenus } from './rich-menus.ts';
import { postWebhook, signBody, webhookEventId } from './webhook-sender.ts';

/**
 * A local stand-in for the LINE Platform: the Messaging API and LINE Login endpoints this project
 * calls, at LINE's real paths (the SDK drops any path prefix of a custom base URL), checking requests
 * as LINE does and recording them. Control endpoints under /__standin/ let tests read what arrived,
 * inject faults and send signed webhook events. Used by `npm start` and by the tests.
 */
export interface StandinOptions {
  port: number;
  host?: string;
  channelSecret: string;
  channelAccessToken: string;
  loginChannelId: string;
  webhookUrl?: string;
}

export interface RecordedRequest {
  at: number;
  method: string;
  path: string;
  retryKey?: string;
  status: number;
  body: unknown;
}

export interface Fault {
  path: string;
  status: number;
  body?: unknown;
  delayMs?: number;
  times: number;
  /** Applies to this share of matching requests (default all): a flaky LINE rather than a broken one. */
  probability?: number;
}

interface ReplyTokenState {
  userId: string;
  expiresAt: number;
}

const REPLY_TOKEN_TTL_MS = 60_000;
const LINE_ROOM_ID = /^R[0-9a-f]{32}$/;
const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_MONTHLY_QUOTA = 500;

export class LineStandin {
  readonly ids = new IdTokenIssuer();
  requests: RecordedRequest[] = [];
  faults: Fault[] = [];
  readonly richMenus = new RichMenus();
  private readonly retryKeys = new Map<string, { requestId: string; at: number }>();
  private readonly replyTokens = new Map<string, ReplyTokenState>();
  monthlyQuota = DEFAULT_MONTHLY_QUOTA;
  totalUsage = 0;

  constructor(readonly opts: StandinOptions) {}

  /** Back to a fresh month: a quota a test lowered would otherwise refuse the next file's pushes. */
  reset(): void {
    this.requests = [];
    this.faults = [];
    this.retryKeys.clear();
    this.replyTokens.clear();
    this.monthlyQuota = DEFAULT_MONTHLY_QUOTA;
    this.totalUsage = 0;
    this.richMenus.reset();
  }

  issueReplyToken(userId: string): string {
    const token = randomBytes(16).toString('hex');
    this.replyTokens.set(token, { userId, expiresAt: Date.now() + REPLY_TOKEN_TTL_MS });
    return token;
  }

  takeFault(path: string): Fault | null {
    const i = this.faults.findIndex((f) => f.path === path && f.times > 0 && (f.probability === undefined || Math.random() < f.probability));
    if (i < 0) return null;
    const f = this.faults[i]!;
    f.times -= 1;
    return f;
  }

  authorized(req: IncomingMessage): boolean {
    return req.headers.authorization === `Bearer ${this.opts.channelAccessToken}`;
  }

  acceptRetryKey(key: string): { duplicateOf?: string } {
    const now = Date.now();
    const seen = this.retryKeys.get(key);
    if (seen && now - seen.at < RETRY_KEY_TTL_MS) return { duplicateOf: seen.requestId };
    return {};
  }

  rememberRetryKey(key: string, requestId: string): void {
    this.retryKeys.set(key, { requestId, at: Date.now() });
  }

  useReplyToken(token: unknown): ReplyTokenState | null {
    if (typeof token !== 'string') return null;
    const state = this.replyTokens.get(token);
    if (!state) return null;
    this.replyTokens.delete(token);
    return state.expiresAt > Date.now() ? state : null;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'x-line-request-id': randomUUID(),
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Handler = (s: LineStandin, req: IncomingMessage, raw: string, url: URL) => [number, unknown, Record<string, string>?];

const pushOrReply =
  (kind: 'push' | 'reply'): Handler =>
  (s, req, raw) => {
    if (!s.authorized(req)) return [401, { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' }];
    const body = parseJson(raw) as Record<string, unknown> | undefined;
    if (!body) return [400, { message: 'The request body has 1 error(s)', details: [{ message: 'must be valid JSON', property: '' }] }];
    const retryKey = req.headers['x-line-retry-key'];
    if (kind === 'reply' && retryKey !== undefined) return [400, { message: 'X-Line-Retry-Key is not supported for this endpoint' }];
    if (typeof retryKey === 'string' && !UUID.test(retryKey)) return [400, { message: 'The retry key must be a UUID' }];
    const details = checkMessages(body.messages);
    // A push goes to a user, a group or a room (LINE's IDs start U, C, R); each counts against the quota.
    if (kind === 'push' && (typeof body.to !== 'string' || !(LINE_USER_ID.test(body.to) || LINE_GROUP_ID.test(body.to) || LINE_ROOM_ID.test(body.to))))
      details.push({ message: 'must be a valid user, group or room ID', property: 'to' });
    if (details.length > 0) return [400, { message: `The request body has ${details.length} error(s)`, details }];
    if (kind === 'reply' && !s.useReplyToken(body.replyToken)) return [400, { message: 'Invalid reply token' }];
    if (typeof retryKey === 'string') {
      const { duplicateOf } = s.acceptRetryKey(retryKey);
      if (duplicateOf) return [409, { message: 'The retry key is already accepted', sentMessages: [] }, { 'x-line-accepted-request-id': duplicateOf }];
    }
    if (kind === 'push' && s.totalUsage >= s.monthlyQuota) return [429, { message: 'You have reached your monthly limit.' }];
    const requestId = randomUUID();
    if (typeof retryKey === 'string') s.rememberRetryKey(retryKey, requestId);
    if (kind === 'push') s.totalUsage += 1;
    const sentMessages = (body.messages as unknown[]).map(() => ({ id: String(Date.now()) + Math.floor(Math.random() * 1e6), quoteToken: randomUUID() }));
    return [200, { sentMessages }, { 'x-line-request-id': requestId }];
  };

const verifyIdToken: Handler = (s, _req, raw) => {
  const form = new URLSearchParams(raw);
  const token = form.get('id_token');
  const clientId = form.get('client_id');
  if (!token) return [400, { error: 'invalid_request', error_description: 'id_token is required.' }];
  if (!clientId) return [400, { error: 'invalid_request', error_description: 'client_id is required.' }];
  const claims = s.ids.read(token);
  if (!claims) return [400, { error: 'invalid_request', error_description: 'Invalid IdToken.' }];
  if (claims.exp * 1000 <= Date.now()) return [400, { error: 'invalid_request', error_description: 'IdToken expired.' }];
  if (claims.aud !== clientId) return [400, { error: 'invalid_request', error_description: 'Invalid IdToken Audience.' }];
  return [200, claims];
};

const profile: Handler = (s, req, _raw, url) => {
  if (!s.authorized(req)) return [401, { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' }];
  const userId = url.pathname.split('/').pop() ?? '';
  if (!LINE_USER_ID.test(userId)) return [404, { message: 'Not found' }];
  return [200, { userId, displayName: 'ผู้ใช้ทดสอบ', language: 'th' }];
};

const quota: Handler = (s, req) => {
  if (!s.authorized(req)) return [401, { message: 'Authentication failed.' }];
  return [200, { type: 'limited', value: s.monthlyQuota }];
};

const consumption: Handler = (s, req) => {
  if (!s.authorized(req)) return [401, { message: 'Authentication failed.' }];
  return [200, { totalUsage: s.totalUsage }];
};

const LINE_ROUTES: Record<string, Handler> = {
  'POST /v2/bot/message/push': pushOrReply('push'),
  'POST /v2/bot/message/reply': pushOrReply('reply'),
  'POST /oauth2/v2.1/verify': verifyIdToken,
  'GET /v2/bot/message/quota': quota,
  'GET /v2/bot/message/quota/consumption': consumption,
};

function routeKey(method: string, path: string): string {
  if (method === 'GET' && path.startsWith('/v2/bot/profile/')) return 'GET /v2/bot/profile/:userId';
  return `${method} ${path}`;
}
LINE_ROUTES['GET /v2/bot/profile/:userId'] = profile;

async function handleControl(s: LineStandin, req: IncomingMessage, raw: string, url: URL, res: ServerResponse): Promise<void> {
  const path = url.pathname.slice('/__standin'.length);
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'GET, POST' });
    res.end();
    return;
  }
  if (method === 'GET' && path === '/requests') {
    const only = url.searchParams.get('path');
    send(res, 200, only ? s.requests.filter((r) => r.path === only) : s.requests);
    return;
  }
  if (method === 'POST' && path === '/reset') {
    s.reset();
    send(res, 200, { ok: true });
    return;
  }
  if (method === 'POST' && path === '/faults') {
    const f = parseJson(raw) as Fault;
    s.faults.push({ ...f, times: f.times ?? 1 });
    send(res, 200, { ok: true });
    return;
  }
  if (method === 'POST' && path === '/faults/clear') {
    // LINE is back: what it accepted (requests, retry keys) is kept, so a test can count duplicates across the outage.
    s.faults = [];
    send(res, 200, { ok: true });
    return;
  }
  if (method === 'POST' && path === '/quota') {
    const q = parseJson(raw) as { monthlyQuota?: number; totalUsage?: number };
    if (typeof q.monthlyQuota === 'number') s.monthlyQuota = q.monthlyQuota;
    if (typeof q.totalUsage === 'number') s.totalUsage = q.totalUsage;
    send(res, 200, { ok: true });
    return;
  }
  if (method === 'GET' && path === '/id-token') {
    // Mints what LIFF's getIDToken() would return in LINE: used by the LIFF app in mock mode and by tests.
    const now = Math.floor(Date.now() / 1000);
    const sub = url.searchParams.get('sub') ?? DEMO_LINE_USER;
    if (!LINE_USER_ID.test(sub)) return send(res, 400, { message: 'sub must be a LINE user ID (U + 32 hex)' });
    const aud = url.searchParams.get('aud') ?? s.opts.loginChannelId;
    const expiresIn = Number(url.searchParams.get('expiresIn') ?? 3600);
    const idToken = s.ids.mint({ iss: 'https://access.line.me', sub, aud, iat: now, exp: now + expiresIn, amr: ['linesso'], name: 'ผู้ใช้ทดสอบ' });
    send(res, 200, { idToken, sub });
    return;
  }
  if (method === 'GET' && path === '/richmenus') {
    send(res, 200, s.richMenus.state());
    return;
  }
  if (method === 'POST' && path === '/webhook') {
    await sendWebhook(s, raw, res);
    return;
  }
  send(res, 404, { message: `unknown stand-in control ${method} ${path}` });
}

interface WebhookRequest {
  events: Record<string, unknown>[];
  url?: string;
  /** Signature header to send instead of the correct one; null sends none. */
  signature?: string | null;
  /** Changes the body after signing, as a tampering proxy would. */
  tamper?: boolean;
}

const REPLYABLE = new Set(['message', 'follow', 'postback', 'join', 'memberJoined', 'beacon', 'accountLink', 'things']);

/** Fills in what LINE puts in every event, so tests state only what matters to them. */
function completeEvent(s: LineStandin, e: Record<string, unknown>): Record<string, unknown> {
  const source = (e.source as { userId?: string } | undefined) ?? {};
  const event: Record<string, unknown> = {
    webhookEventId: webhookEventId(),
    timestamp: Date.now(),
    mode: 'active',
    deliveryContext: { isRedelivery: false },
    ...e,
    source: { type: 'user', ...source },
  };
  if (REPLYABLE.has(String(event.type)) && event.replyToken === undefined && source.userId) {
    event.replyToken = s.issueReplyToken(source.userId);
  }
  return event;
}

async function sendWebhook(s: LineStandin, raw: string, res: ServerResponse): Promise<void> {
  const w = parseJson(raw) as WebhookRequest;
  const url = w.url ?? s.opts.webhookUrl;
  if (!url) return send(res, 400, { message: 'no webhook URL configured' });
  const events = (w.events ?? []).map((e) => completeEvent(s, e));
  const body = JSON.stringify({ destination: 'U' + '0'.repeat(32), events });
  // Tampering changes the body after it was signed, as a proxy re-serialising JSON would.
  const signature = w.signature === undefined ? signBody(body, s.opts.channelSecret) : w.signature;
  const sent = w.tamper ? body.replace('}', ' }') : body;
  const result = await postWebhook({ url, body: sent, signature, channelSecret: s.opts.channelSecret });
  send(res, 200, { ...result, events });
}

export async function startLineStandin(opts: StandinOptions): Promise<{ url: string; standin: LineStandin; close: () => Promise<void> }> {
  const s = new LineStandin(opts);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const bytes = await readBody(req);
      const raw = bytes.toString('utf8');
      if (url.pathname.startsWith('/__standin')) return handleControl(s, req, raw, url, res);
      const retryKey = req.headers['x-line-retry-key'];
      const record = (status: number, body: unknown) =>
        s.requests.push({
          at: Date.now(),
          method: req.method ?? 'GET',
          path: url.pathname,
          ...(typeof retryKey === 'string' ? { retryKey } : {}),
          status,
          body,
        });
      if (/^\/v2\/bot\/(richmenu|user\/all\/richmenu)/.test(url.pathname)) {
        const fault = s.takeFault(url.pathname);
        const contentType = req.headers['content-type'];
        const answer = !s.authorized(req)
          ? ([401, { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' }] as const)
          : fault?.status
            ? ([fault.status, fault.body ?? { message: 'Internal server error (injected by the stand-in)' }] as const)
            : (s.richMenus.route(req.method ?? 'GET', url.pathname, bytes, contentType) ?? ([404, { message: 'Not found' }] as const));
        // An image is recorded by its type and weight, not its bytes.
        record(answer[0], contentType?.startsWith('image/') ? { contentType, bytes: bytes.length } : (parseJson(raw) ?? raw));
        if (Buffer.isBuffer(answer[1])) {
          res.writeHead(answer[0], { 'content-type': answer[2] as string, 'x-line-request-id': randomUUID() });
          res.end(answer[1]);
          return;
        }
        return send(res, answer[0], answer[1]);
      }
      const handler = LINE_ROUTES[routeKey(req.method ?? 'GET', url.pathname)];
      const fault = handler ? s.takeFault(url.pathname) : null;
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      // An injected failure answers instead of the endpoint: LINE did not accept the request.
      const [status, body, headers] = fault?.status
        ? [fault.status, fault.body ?? { message: 'Internal server error (injected by the stand-in)' }, {}]
        : handler
          ? handler(s, req, raw, url)
          : [404, { message: 'Not found' }];
      record(status, parseJson(raw) ?? raw);
      send(res, status, body, headers);
    })().catch((err: unknown) => send(res, 500, { message: String(err) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', resolve);
  });
  const url = `http://${opts.host ?? '127.0.0.1'}:${opts.port}`;
  return { url, standin: s, close: () => new Promise((r) => server.close(() => r())) };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMunicipalityConfig, richMenuDefinition } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { startLineStandin } from './server.ts';

/** The stand-in must refuse what LINE refuses, or tests against it would prove nothing. */
const TOKEN = 'test-access-token';
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const s = await startLineStandin({ port: 9290, channelSecret: 's', channelAccessToken: TOKEN, loginChannelId: '2000000000' });
  base = s.url;
  close = s.close;
});
afterAll(() => close());

const USER = 'U' + 'c'.repeat(32);
async function push(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/v2/bot/message/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { message?: string; details?: { property: string }[] }, headers: res.headers };
}
const text = (t: string) => ({ type: 'text', text: t });

describe('the LINE stand-in refuses what LINE refuses', () => {
  it('accepts a valid push', async () => expect((await push({ to: USER, messages: [text('hi')] })).status).toBe(200));
  it('refuses a wrong access token with 401', async () => {
    const res = await fetch(`${base}/v2/bot/message/push`, { method: 'POST', headers: { authorization: 'Bearer nope' }, body: '{}' });
    expect(res.status).toBe(401);
  });
  it('refuses 6 messages in one request', async () =>
    expect((await push({ to: USER, messages: Array.from({ length: 6 }, () => text('x')) })).status).toBe(400));
  it('refuses text over 5,000 characters', async () => {
    const r = await push({ to: USER, messages: [text('x'.repeat(5001))] });
    expect(r.status).toBe(400);
    expect(r.body.details?.[0]?.property).toBe('messages[0].text');
  });
  it('refuses Flex altText over 1,500 characters and a carousel of 13 bubbles', async () => {
    const bubble = { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [] } };
    expect((await push({ to: USER, messages: [{ type: 'flex', altText: 'x'.repeat(1501), contents: bubble }] })).status).toBe(400);
    expect(
      (await push({ to: USER, messages: [{ type: 'flex', altText: 'x', contents: { type: 'carousel', contents: Array(13).fill(bubble) } }] })).status,
    ).toBe(400);
  });
  it('refuses a bubble over 30 KB', async () => {
    const big = { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'x'.repeat(31 * 1024) }] } };
    expect((await push({ to: USER, messages: [{ type: 'flex', altText: 'x', contents: big }] })).status).toBe(400);
  });
  it('refuses a Flex text component with empty text', async () => {
    const bubble = { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: '' }] } };
    const r = await push({ to: USER, messages: [{ type: 'flex', altText: 'x', contents: bubble }] });
    expect(r.status).toBe(400);
    expect(r.body.details?.[0]?.property).toBe('messages[0].contents.body.contents[0].text');
  });
  it('refuses a button label over 20 characters and a URI that is not a web link', async () => {
    const button = (action: Record<string, unknown>) => ({
      type: 'flex',
      altText: 'x',
      contents: { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [{ type: 'button', action }] } },
    });
    const ok = { type: 'uri', label: 'รายละเอียด', uri: 'https://liff.line.me/x' };
    expect((await push({ to: USER, messages: [button(ok)] })).status).toBe(200);
    const long = await push({ to: USER, messages: [button({ ...ok, label: 'ก'.repeat(21) })] });
    expect(long.status).toBe(400);
    expect(long.body.details?.[0]?.property).toBe('messages[0].contents.body.contents[0].action.label');
    expect((await push({ to: USER, messages: [button({ ...ok, uri: 'javascript:alert(1)' })] })).status).toBe(400);
    expect((await push({ to: USER, messages: [button({ ...ok, uri: 'https://x/' + 'a'.repeat(1000) })] })).status).toBe(400);
  });
  it('refuses a retry key that is not a UUID', async () =>
    expect((await push({ to: USER, messages: [text('x')] }, { 'x-line-retry-key': 'abc' })).status).toBe(400));
  it('answers a repeated retry key with 409 and the accepted request ID, and records one delivery', async () => {
    const key = crypto.randomUUID();
    const first = await push({ to: USER, messages: [text('x')] }, { 'x-line-retry-key': key });
    const again = await push({ to: USER, messages: [text('x')] }, { 'x-line-retry-key': key });
    expect(first.status).toBe(200);
    expect(again.status).toBe(409);
    expect(again.headers.get('x-line-accepted-request-id')).toBe(first.headers.get('x-line-request-id'));
  });
  it('refuses an unknown reply token', async () => {
    const res = await fetch(`${base}/v2/bot/message/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ replyToken: 'nope', messages: [text('x')] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe('Invalid reply token');
  });
  it('refuses pushes over the monthly quota, and a reset brings a fresh quota back', async () => {
    await fetch(`${base}/__standin/quota`, { method: 'POST', body: JSON.stringify({ monthlyQuota: 1, totalUsage: 1 }) });
    expect((await push({ to: USER, messages: [text('x')] })).status).toBe(429);
    await fetch(`${base}/__standin/reset`, { method: 'POST' });
    expect((await push({ to: USER, messages: [text('x')] })).status).toBe(200);
    expect((await push({ to: USER, messages: [text('x')] })).status).toBe(200);
  });
  it('injects faults on demand, then recovers', async () => {
    await fetch(`${base}/__standin/faults`, { method: 'POST', body: JSON.stringify({ path: '/v2/bot/message/push', status: 503, times: 1 }) });
    expect((await push({ to: USER, messages: [text('x')] })).status).toBe(503);
    expect((await push({ to: USER, messages: [text('x')] })).status).toBe(200);
  });
});

describe("the LINE stand-in's rich menus refuse what LINE refuses", () => {
  const menu = () => structuredClone(richMenuDefinition(parseMunicipalityConfig(structuredClone(rawConfig))));
  /** A PNG header of the given size: all LINE reads before judging the size. */
  function png(width: number, height: number, totalBytes = 64): Buffer {
    const b = Buffer.alloc(totalBytes);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(b);
    b.writeUInt32BE(width, 16);
    b.writeUInt32BE(height, 20);
    return b;
  }
  async function call(method: string, path: string, body?: unknown, contentType = 'application/json') {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': contentType },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { message?: string; richMenuId?: string; details?: { property: string; message: string }[] } };
  }
  const create = (body: unknown) => call('POST', '/v2/bot/richmenu', body);

  it('accepts the configured menu, one image of its size, and makes it the default', async () => {
    const { status, body } = await create(menu());
    expect(status).toBe(200);
    const id = body.richMenuId!;
    expect(id).toMatch(/^richmenu-[0-9a-f]{32}$/);
    expect((await call('POST', `/v2/bot/user/all/richmenu/${id}`)).body.message).toBe('must upload richmenu image before applying it to user');
    expect((await call('POST', `/v2/bot/richmenu/${id}/content`, png(2500, 1686), 'image/png')).status).toBe(200);
    const twice = await call('POST', `/v2/bot/richmenu/${id}/content`, png(2500, 1686), 'image/png');
    expect([twice.status, twice.body.message]).toEqual([400, 'An image has already been uploaded to the richmenu']);
    expect((await call('POST', `/v2/bot/user/all/richmenu/${id}`)).status).toBe(200);
    expect((await call('GET', '/v2/bot/user/all/richmenu')).body.richMenuId).toBe(id);
    expect((await call('DELETE', `/v2/bot/richmenu/${id}`)).status).toBe(200);
    expect((await call('GET', '/v2/bot/user/all/richmenu')).status).toBe(404);
  });

  const broken: { description: string; mutate: (m: ReturnType<typeof menu>) => void; property: string }[] = [
    { description: 'an area outside the image', mutate: (m) => (m.areas[5]!.bounds.y = 1000), property: 'areas[5].bounds' },
    { description: '21 areas', mutate: (m) => (m.areas = Array.from({ length: 21 }, () => m.areas[0]!)), property: 'areas' },
    { description: 'a chat-bar text over 14 characters', mutate: (m) => (m.chatBarText = 'เมนูบริการประชาชน'), property: 'chatBarText' },
    { description: 'a javascript: URI', mutate: (m) => (m.areas[0]!.action = { type: 'uri', uri: 'javascript:alert(1)' }), property: 'areas[0].action.uri' },
    {
      description: 'an action type the desk does not answer',
      mutate: (m) => (m.areas[0]!.action = { type: 'postback' } as never),
      property: 'areas[0].action.type',
    },
  ];
  for (const c of broken) {
    it(`refuses ${c.description} with 400 and LINE's details`, async () => {
      const m = menu();
      c.mutate(m);
      const r = await create(m);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/^The request body has \d+ error\(s\)$/);
      expect(r.body.details?.map((d) => d.property)).toContain(c.property);
      expect((await call('POST', '/v2/bot/richmenu/validate', m)).status).toBe(400);
    });
  }

  it('refuses an image of the wrong size, type or weight', async () => {
    const id = (await create(menu())).body.richMenuId!;
    const upload = (b: Buffer, type: string) => call('POST', `/v2/bot/richmenu/${id}/content`, b, type);
    expect((await upload(png(2500, 843), 'image/png')).status).toBe(400);
    expect((await upload(png(2500, 1686), 'image/gif')).status).toBe(415);
    expect((await upload(png(2500, 1686, 1024 * 1024 + 1), 'image/png')).status).toBe(413);
    expect((await upload(png(2500, 1686), 'image/png')).status).toBe(200);
  });

  it('refuses rich-menu calls without the channel access token', async () => {
    const res = await fetch(`${base}/v2/bot/richmenu/list`, { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

import { createHmac } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { adminDb } from '../support/admin.ts';
import { fileCase } from '../support/cases.ts';
import { CHANNEL_SECRET, clearFirestore, lineUserId } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';

beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

const text = (userId: string, t: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  source: { userId },
  message: { id: '1', type: 'text', text: t, quoteToken: 'q' },
  ...extra,
});

async function replies() {
  return (await standin.requests('/v2/bot/message/reply')).filter((r) => r.status === 200);
}

async function ledgerSize(): Promise<number> {
  return (await adminDb.collection('processedEvents').get()).size;
}

describe('lineWebhook: the signature', () => {
  const sign = (body: string) => createHmac('sha256', CHANNEL_SECRET).update(body).digest('base64');

  it("answers LINE's empty verification request with 200", async () => {
    const r = await standin.webhook({ events: [] });
    expect(r.status).toBe(200);
  });

  const refused: { description: string; signature: string | null; tamper?: boolean }[] = [
    { description: 'a missing signature', signature: null },
    { description: 'a wrong signature', signature: sign('{"other":"body"}') },
    { description: 'a wrong-length signature', signature: sign('x').slice(0, 12) },
    { description: 'a non-base64 signature', signature: '%%% not base64 %%%' },
    { description: 'a body changed after signing', signature: undefined as unknown as null, tamper: true },
  ];
  for (const c of refused) {
    it(`refuses ${c.description} with 401, storing and sending nothing`, async () => {
      const user = lineUserId();
      const r = await standin.webhook({
        events: [text(user, 'ติดตามสถานะ'), { type: 'follow', source: { userId: user } }],
        ...(c.tamper ? { tamper: true } : { signature: c.signature }),
      });
      expect(r.status).toBe(401);
      expect(await ledgerSize()).toBe(0);
      expect((await adminDb.doc(`lineUsers/${user}`).get()).exists).toBe(false);
      expect(await replies()).toHaveLength(0);
    });
  }
});

describe('lineWebhook: each event once', () => {
  it('handles an event delivered twice only once', async () => {
    const user = lineUserId();
    const first = await standin.webhook({ events: [text(user, 'ติดตามสถานะ')] });
    const event = first.events[0]!;
    await standin.webhook({ events: [{ ...event, replyToken: undefined, deliveryContext: { isRedelivery: true } }] });
    expect(first.status).toBe(200);
    expect(await replies()).toHaveLength(1);
  });

  it('handles two copies arriving at the same moment only once', async () => {
    const user = lineUserId();
    const id = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const [a, b] = await Promise.all([
      standin.webhook({ events: [text(user, 'ติดตามสถานะ', { webhookEventId: id })] }),
      standin.webhook({ events: [text(user, 'ติดตามสถานะ', { webhookEventId: id })] }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await replies()).toHaveLength(1);
  });

  it('keeps the other events of a batch when one fails, and records the failure for staff', async () => {
    const alice = lineUserId();
    const bob = lineUserId();
    const r = await standin.webhook({
      events: [text(alice, 'ติดตามสถานะ', { replyToken: 'expired-reply-token' }), { type: 'follow', source: { userId: bob } }],
    });
    expect(r.status).toBe(200);
    expect((await adminDb.doc(`lineUsers/${bob}`).get()).get('following')).toBe(true);
    const failed = (await adminDb.collection('processedEvents').where('state', '==', 'failed').get()).docs;
    expect(failed).toHaveLength(1);
    expect(failed[0]!.get('error')).toMatch(/400/);
    const problems = (await adminDb.collection('problems').where('kind', '==', 'webhook_event_failed').get()).docs;
    expect(problems).toHaveLength(1);
    expect(JSON.stringify(problems[0]!.data())).not.toContain('ติดตามสถานะ'); // no message text kept
  });

  it('keeps the follow state of the newest event when unfollow arrives after a newer follow', async () => {
    const user = lineUserId();
    const now = Date.now();
    await standin.webhook({ events: [{ type: 'follow', source: { userId: user }, timestamp: now, follow: { isUnblocked: true } }] });
    await standin.webhook({ events: [{ type: 'unfollow', source: { userId: user }, timestamp: now - 60_000 }] });
    expect((await adminDb.doc(`lineUsers/${user}`).get()).get('following')).toBe(true);
    await standin.webhook({ events: [{ type: 'unfollow', source: { userId: user }, timestamp: now + 1000 }] });
    expect((await adminDb.doc(`lineUsers/${user}`).get()).get('following')).toBe(false);
  });

  it('sends nothing for events in standby mode or of unknown types', async () => {
    const user = lineUserId();
    const r = await standin.webhook({
      events: [text(user, 'ติดตามสถานะ', { mode: 'standby' }), { type: 'somethingNew', source: { userId: user } }, text(user, 'สวัสดีค่ะ')],
    });
    expect(r.status).toBe(200);
    expect(await replies()).toHaveLength(0);
    const states = (await adminDb.collection('processedEvents').get()).docs.map((d) => d.get('state') as string);
    expect(states.sort()).toEqual(['ignored', 'ignored', 'ignored']);
  });
});

describe('"ติดตามสถานะ" in chat', () => {
  type Flex = { type: string; altText: string; contents: { type: string; contents?: unknown[] } };
  async function askStatus(user: string) {
    const r = await standin.webhook({ events: [text(user, 'ติดตามสถานะ')] });
    expect(r.status).toBe(200);
    const sent = await replies();
    expect(sent).toHaveLength(1);
    return sent[0]!.body.messages as unknown as Flex[];
  }

  it('invites a citizen with no cases to file one', async () => {
    const [m] = await askStatus(lineUserId());
    expect(m!.altText).toBe('ท่านยังไม่มีเรื่องที่แจ้งไว้');
    expect(JSON.stringify(m)).toContain('แจ้งเรื่อง');
  });

  it("shows a citizen's one case with its status and a รายละเอียด button", async () => {
    const user = lineUserId();
    const c = await fileCase(user);
    const [m] = await askStatus(user);
    expect(m!.contents.type).toBe('carousel');
    expect(m!.contents.contents).toHaveLength(1);
    const json = JSON.stringify(m);
    for (const want of [c.trackingNo, 'รับเรื่องแล้ว', 'รายละเอียด', `/cases/${c.id}`]) expect(json).toContain(want);
  });

  it('shows the newest 11 of 15 cases and a button to the full list, within LINE limits', async () => {
    const user = lineUserId();
    const filed: { id: string; trackingNo: string }[] = [];
    for (let i = 0; i < 15; i++) filed.push(await fileCase(user, { subject: `เรื่องที่ ${i + 1} ไฟถนนดับ` }));
    const [m] = await askStatus(user); // the stand-in refuses a reply over LINE's limits with 400
    const bubbles = m!.contents.contents!;
    expect(bubbles).toHaveLength(12);
    expect(JSON.stringify(bubbles[0])).toContain(filed[14]!.trackingNo);
    expect(JSON.stringify(bubbles[11])).toContain('เรื่องทั้งหมดของท่าน 15 เรื่อง');
    expect(m!.altText.length).toBeLessThanOrEqual(1500);
    expect(Buffer.byteLength(JSON.stringify(m!.contents))).toBeLessThan(50 * 1024);
  });

  it("answers a tracking number typed in chat with that case, and reveals nothing of another citizen's", async () => {
    const alice = lineUserId();
    const bob = lineUserId();
    const a = await fileCase(alice, { subject: 'เรื่องของอลิซ' });
    await standin.reset();
    await standin.webhook({ events: [text(alice, `เรื่อง ${a.trackingNo.toLowerCase()} ถึงไหนแล้วคะ`)] });
    await standin.webhook({ events: [text(bob, `ขอดู ${a.trackingNo}`)] });
    const [toAlice, toBob] = await replies();
    expect(JSON.stringify(toAlice!.body)).toContain('เรื่องของอลิซ');
    expect(JSON.stringify(toBob!.body)).not.toContain('เรื่องของอลิซ');
    expect(JSON.stringify(toBob!.body)).toContain('ไม่พบเรื่องเลขที่');
  });
});

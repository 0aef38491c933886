import { beforeEach, describe, expect, it } from 'vitest';
import { parseMunicipalityConfig, richMenuDefinition } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { adminDb } from '../support/admin.ts';
import { clearFirestore, lineUserId } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';

const config = parseMunicipalityConfig(rawConfig);

beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

const follow = (userId: string, timestamp: number, extra: Record<string, unknown> = {}) => ({
  type: 'follow',
  source: { userId },
  timestamp,
  follow: { isUnblocked: false },
  ...extra,
});
const unfollow = (userId: string, timestamp: number) => ({ type: 'unfollow', source: { userId }, timestamp });

async function greetings(to?: string): Promise<string[]> {
  const sent = (await standin.requests('/v2/bot/message/reply')).filter((r) => r.status === 200);
  return sent.filter((r) => to === undefined || r.body.replyToken === to).map((r) => JSON.stringify(r.body.messages));
}

async function following(userId: string): Promise<unknown> {
  return (await adminDb.doc(`lineUsers/${userId}`).get()).get('following');
}

describe('the follow greeting', () => {
  it('answers a follow with one Flex reply: the configured wording, each menu entry, a button to file', async () => {
    const user = lineUserId();
    const r = await standin.webhook({ events: [follow(user, Date.now())] });
    expect(r.status).toBe(200);
    const sent = await greetings(r.events[0]!.replyToken as string);
    expect(sent).toHaveLength(1);
    const [m] = JSON.parse(sent[0]!) as { type: string; altText: string }[];
    expect(m!.type).toBe('flex');
    for (const want of [
      config.greeting.titleTh,
      config.municipality.nameTh,
      config.greeting.introTh,
      config.greeting.buttonLabelTh,
      ...config.menu.map((e) => e.descriptionTh),
    ]) {
      expect(sent[0]).toContain(want);
    }
    expect(await following(user)).toBe(true);
  });

  it('sends nothing for a redelivered follow, even with a reply token that would work', async () => {
    const user = lineUserId();
    const first = await standin.webhook({ events: [follow(user, Date.now())] });
    const event = first.events[0]!;
    // No replyToken: the stand-in issues a fresh, valid one, so only the event ledger can stop a second greeting.
    const again = await standin.webhook({ events: [{ ...event, replyToken: undefined, deliveryContext: { isRedelivery: true } }] });
    expect(again.status).toBe(200);
    expect(await greetings()).toHaveLength(1);
  });

  it('greets again on an unblock (follow after unfollow)', async () => {
    const user = lineUserId();
    const t = Date.now();
    await standin.webhook({ events: [follow(user, t)] });
    await standin.webhook({ events: [unfollow(user, t + 1000)] });
    expect(await following(user)).toBe(false);
    await standin.webhook({ events: [follow(user, t + 2000, { follow: { isUnblocked: true } })] });
    expect(await following(user)).toBe(true);
    expect(await greetings()).toHaveLength(2);
  });

  it('does not greet a follow that arrives after a newer unfollow (the citizen has blocked the OA since)', async () => {
    const user = lineUserId();
    const t = Date.now();
    await standin.webhook({ events: [unfollow(user, t)] });
    await standin.webhook({ events: [follow(user, t - 5000)] });
    expect(await following(user)).toBe(false);
    expect(await greetings()).toHaveLength(0);
  });

  it('greets an unblock once when the older unfollow arrives after it, and stays following', async () => {
    const user = lineUserId();
    const t = Date.now();
    await standin.webhook({ events: [follow(user, t - 60_000)] });
    await standin.webhook({ events: [follow(user, t, { follow: { isUnblocked: true } })] });
    await standin.webhook({ events: [unfollow(user, t - 30_000)] });
    expect(await following(user)).toBe(true);
    expect(await greetings()).toHaveLength(2);
  });

  it('orders an unfollow and a re-follow that come in one request by their timestamps', async () => {
    const user = lineUserId();
    const t = Date.now();
    await standin.webhook({ events: [follow(user, t - 60_000)] });
    await standin.reset();
    const r = await standin.webhook({ events: [follow(user, t, { follow: { isUnblocked: true } }), unfollow(user, t - 1000)] });
    expect(r.status).toBe(200);
    expect(await following(user)).toBe(true);
    expect(await greetings()).toHaveLength(1);
  });
});

describe('the rich menu’s ติดตามสถานะ entry', () => {
  it('is a message action; the text event LINE sends when it is pressed gets the status answer', async () => {
    const action = richMenuDefinition(config)
      .areas.map((a) => a.action)
      .find((a) => a.type === 'message');
    expect(action).toEqual({ type: 'message', label: 'ติดตามสถานะ', text: 'ติดตามสถานะ' });
    const user = lineUserId();
    const r = await standin.webhook({
      events: [
        {
          type: 'message',
          source: { userId: user },
          message: { id: '1', type: 'text', text: action!.type === 'message' ? action!.text : '', quoteToken: 'q' },
        },
      ],
    });
    const sent = await greetings(r.events[0]!.replyToken as string);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('ท่านยังไม่มีเรื่องที่แจ้งไว้');
  });
});

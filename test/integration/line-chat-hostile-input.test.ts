import { beforeEach, describe, expect, it } from 'vitest';
import { adminDb } from '../support/admin.ts';
import { fileCase } from '../support/cases.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';
import { standin, type RecordedRequest } from '../support/standin-client.ts';

/**
 * Finding 2 of issue 8: chat text is the citizen's to choose, so no text may make the answer fail.
 * Each text the desk answers gets exactly one reply that LINE accepts (the stand-in refuses what LINE
 * refuses), and nothing a citizen types creates an entry in problems/.
 */
beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

const text = (userId: string, t: string) => ({ type: 'message', source: { userId }, message: { id: '1', type: 'text', text: t, quoteToken: 'q' } });

/** Sends one chat text and returns every call the webhook made to LINE for it. */
async function say(user: string, t: string): Promise<{ replies: RecordedRequest[]; pushes: RecordedRequest[] }> {
  const r = await standin.webhook({ events: [text(user, t)] });
  expect(r.status).toBe(200);
  return { replies: await standin.requests('/v2/bot/message/reply'), pushes: await standin.requests('/v2/bot/message/push') };
}

async function expectOneValidReply(user: string, t: string): Promise<NonNullable<RecordedRequest['body']['messages']>> {
  const { replies, pushes } = await say(user, t);
  expect(replies.map((r) => r.status)).toEqual([200]); // one reply, accepted by LINE's checks
  expect(pushes).toHaveLength(0); // a reply is free; a push would spend the monthly quota
  expect((await adminDb.collection('problems').get()).size).toBe(0);
  const states = (await adminDb.collection('processedEvents').get()).docs.map((d) => d.get('state') as string);
  expect(states).toEqual(['done']);
  return replies[0]!.body.messages!;
}

const unknownNumbers = (n: number) => Array.from({ length: n }, (_, i) => `BM-2569-${String(10_000 + i).padStart(5, '0')}`);

describe('chat text a citizen chose to break the answer', () => {
  it('answers hundreds of unknown tracking numbers with one short reply, naming only the first ones checked', async () => {
    const asked = unknownNumbers(350); // 4,899 characters: fits one LINE message, but an echo of all of them does not
    const messages = await expectOneValidReply(lineUserId(), asked.join(' '));
    const json = JSON.stringify(messages);
    expect(json).toContain('ไม่พบเรื่องเลขที่');
    expect(json).toContain(asked[0]);
    expect(json).not.toContain(asked[349]);
    expect(json).toMatch(/ตรวจสอบเฉพาะ 10 เลขที่แรก/);
  });

  it('answers "BM-2569-" followed by thousands of digits as a malformed number, without querying for it', async () => {
    const messages = await expectOneValidReply(lineUserId(), 'BM-2569-' + '1'.repeat(4000));
    const json = JSON.stringify(messages);
    expect(json).toContain('BM-2569-00042'); // shows what a tracking number looks like
    expect(json).not.toContain('1'.repeat(20)); // and does not echo the input
  });

  it("finds the citizen's own case among many numbers and says which of the first ten were not found", async () => {
    const user = lineUserId();
    const mine = await fileCase(user, { subject: 'ไฟถนนดับหน้าวัด' });
    await waitFor('receipt', async () => (await standin.requests('/v2/bot/message/push')).length === 1);
    await standin.reset();
    const others = unknownNumbers(30);
    const messages = await expectOneValidReply(user, [others[0], mine.trackingNo, ...others.slice(1)].join('\n'));
    const json = JSON.stringify(messages);
    expect(json).toContain('ไฟถนนดับหน้าวัด');
    expect(json).toContain(others[0]);
    expect(json).not.toContain(others[20]);
    expect(json).toMatch(/ตรวจสอบเฉพาะ 10 เลขที่แรก/);
  });

  const weird: { description: string; text: string }[] = [
    { description: 'emoji around a number', text: '🙏🏻🙏🏻 BM-2569-00001 👨‍👩‍👧‍👦' },
    { description: 'right-to-left overrides and zero-width characters', text: '\u202eBM-2569-00001\u202c \u200b\u2066ติดตาม\u2069' },
    { description: 'Thai digits', text: 'เรื่อง BM-๒๕๖๙-๐๐๐๐๑ ค่ะ' },
    { description: 'a number at the 5,000-character limit', text: 'ก'.repeat(4986) + 'BM-2569-00001' },
  ];
  for (const w of weird) {
    it(`answers ${w.description} with one valid reply`, async () => {
      const messages = await expectOneValidReply(lineUserId(), w.text);
      expect(JSON.stringify(messages)).toContain('BM-2569-00001');
    });
  }
});

describe('failures staff see', () => {
  it('collapse repeats into one problem entry without the message text', async () => {
    const user = lineUserId();
    for (const id of ['expired-1', 'expired-2', 'expired-3']) {
      await standin.webhook({ events: [{ ...text(user, 'ติดตามสถานะ'), replyToken: id }] });
    }
    const problems = (await adminDb.collection('problems').get()).docs;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.get('kind')).toBe('webhook_event_failed');
    expect(problems[0]!.get('occurrences')).toBe(3);
    expect(JSON.stringify(problems[0]!.data())).not.toContain('ติดตามสถานะ');
  });
});

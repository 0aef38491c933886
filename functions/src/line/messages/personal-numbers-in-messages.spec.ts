import { describe, expect, it } from 'vitest';
import { receiptMessage } from './receipt-message.ts';
import { statusChangeMessage } from './status-change-message.ts';
import { statusReply } from './status-reply.ts';

/** PDPA: a national ID or phone typed into a subject or a status note never reaches LINE whole. */
const LIFF = 'https://liff.line.me/2000000000-BanMaeDk';
const subject = 'ไฟดับ บัตร 3-1006-00245-67-9 โทร 081-234-5678';
const note = 'ช่างจะโทรหาที่ 0898765432 ก่อนเข้าไป (อ้างอิงบัตร 3100600245679)';
const hidden = [/3-?1006/, /00245/, /081-?234/, /089-?876/, /0898/];
const card = { trackingNo: 'BM-2569-00042', subject, status: 'in_progress' as const, at: new Date('2026-11-24T08:00:00Z'), detailUrl: `${LIFF}/cases/abc` };

function expectMasked(message: unknown): void {
  const json = JSON.stringify(message);
  for (const digits of hidden) expect(json).not.toMatch(digits);
  expect(json).toContain('BM-2569-00042');
}

describe('personal numbers in what goes to LINE', () => {
  it('are masked in the receipt', () => expectMasked(receiptMessage(card)));
  it("are masked in a status change, in the subject and in the clerk's note", () => {
    const message = statusChangeMessage({ ...card, note });
    expectMasked(message);
    expect(JSON.stringify(message)).toContain('•••-•••-•432');
  });
  it('are masked in the "ติดตามสถานะ" carousel and its alt text', () => {
    const [message] = statusReply([{ id: 'abc', trackingNo: 'BM-2569-00042', subject, status: 'accepted', changedAt: new Date() }], 1, LIFF);
    expectMasked(message);
    expect((message as { altText: string }).altText).toContain('•-••••-••••5-67-9');
  });
});

import { describe, expect, it } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { LIMITS, STATUSES } from '@banmae/domain';
import { checkMessages } from '../../../../test/line-standin/message-checks.ts';
import type { CaseSummary } from '../../complaints/citizen-cases.ts';
import { recogniseCommand } from '../webhook/text-commands.ts';
import { receiptMessage } from './receipt-message.ts';
import { statusChangeMessage } from './status-change-message.ts';
import { CAROUSEL_MAX, malformedTrackingNoReply, statusReply, TRACKING_NOS_PER_MESSAGE, trackingNoReply } from './status-reply.ts';

/**
 * Every builder of what goes to LINE, fed the worst its inputs can hold, against the checks the LINE
 * stand-in makes (LINE's limits): a message LINE refuses is a citizen left without an answer.
 */
const LIFF = 'https://liff.line.me/2000000000-BanMaeDk';
const longest = 'BM-2569-9999999';
const worstSubject = '👨‍👩‍👧‍👦ก้'.repeat(LIMITS.subject.max);
const worstCase = (i: number): CaseSummary => ({
  id: `case${i}`.padEnd(20, 'x'),
  trackingNo: `BM-2569-${String(1_000_000 + i)}`,
  subject: worstSubject,
  status: STATUSES[i % STATUSES.length]!,
  changedAt: new Date('2026-11-24T08:00:00Z'),
});
const valid = (messages: messagingApi.Message[]) => expect(checkMessages(messages)).toEqual([]);

describe('replies in chat stay within LINE limits', () => {
  it('"ติดตามสถานะ" with no case, one case, and more than a carousel holds', () => {
    valid(statusReply([], 0, LIFF));
    valid(statusReply([worstCase(1)], 1, LIFF));
    valid(
      statusReply(
        Array.from({ length: CAROUSEL_MAX }, (_, i) => worstCase(i)),
        5000,
        LIFF,
      ),
    );
  });

  it('tracking numbers typed in chat: all found, none found, some found, with more than were checked', () => {
    const asked = Array.from({ length: TRACKING_NOS_PER_MESSAGE }, (_, i) => `BM-2569-${String(1_000_000 + i)}`);
    const found = asked.map((_, i) => worstCase(i));
    valid(trackingNoReply(found, asked, true, LIFF));
    valid(trackingNoReply([], asked, true, LIFF));
    valid(trackingNoReply(found.slice(0, 3), asked, false, LIFF));
    valid(malformedTrackingNoReply('ABCDEF'));
  });

  const hostile = [
    { description: 'hundreds of numbers', text: Array.from({ length: 350 }, (_, i) => `BM-2569-${10_000 + i}`).join(' ') },
    { description: 'the longest numbers, 5,000 characters of them', text: `${longest} `.repeat(312) },
    { description: 'a number with thousands of digits', text: 'BM-2569-' + '1'.repeat(4990) },
    { description: 'emoji and direction overrides', text: '\u202e🙏🏻BM-2569-00001\u202c\u200b'.repeat(200) },
  ];
  it.each(hostile)('any text gets a reply LINE accepts: $description', ({ text }) => {
    const command = recogniseCommand(text);
    expect(command).not.toBeNull();
    if (command?.kind === 'tracking_nos') {
      expect(command.trackingNos.length).toBeLessThanOrEqual(TRACKING_NOS_PER_MESSAGE);
      valid(trackingNoReply([], command.trackingNos, command.capped, LIFF));
    } else {
      valid(malformedTrackingNoReply('BM'));
    }
  });
});

describe('pushed messages stay within LINE limits', () => {
  const card = { trackingNo: longest, subject: worstSubject, status: 'in_progress' as const, at: new Date(), detailUrl: `${LIFF}/cases/${'x'.repeat(20)}` };
  it('the receipt and a status change with the longest subject and note', () => {
    valid([receiptMessage(card)]);
    valid([statusChangeMessage({ ...card, note: '👨‍👩‍👧‍👦'.repeat(1000) })]);
  });
  it('a subject or note of blanks, which LINE would refuse as an empty text', () => {
    valid([receiptMessage({ ...card, subject: ' \u200b ' })]);
    valid([statusChangeMessage({ ...card, subject: '', note: '   ' })]);
  });
});

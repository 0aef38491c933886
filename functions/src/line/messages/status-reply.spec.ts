import { describe, expect, it } from 'vitest';
import { LIMITS, STATUSES } from '@banmae/domain';
import type { CaseSummary } from '../../complaints/citizen-cases.ts';
import { CAROUSEL_MAX, statusReply } from './status-reply.ts';

const worstCase = (i: number): CaseSummary => ({
  id: `case${i}`.padEnd(20, 'x'),
  trackingNo: `BM-2569-${String(i).padStart(5, '0')}`,
  subject: 'ก้'.repeat(LIMITS.subject.max / 2),
  status: STATUSES[i % STATUSES.length]!,
  changedAt: new Date('2026-11-24T08:00:00Z'),
});

describe('statusReply within LINE limits, with the longest texts a case can hold', () => {
  const cases = Array.from({ length: CAROUSEL_MAX }, (_, i) => worstCase(i + 1));
  const [message] = statusReply(cases, 40, 'https://liff.line.me/2000000000-BanMaeDk') as unknown as [{ altText: string; contents: { contents: unknown[] } }];

  it('has at most 12 bubbles, the last one linking to the full list', () => {
    expect(message.contents.contents).toHaveLength(12);
    expect(JSON.stringify(message.contents.contents[11])).toContain('/cases');
  });
  it('stays under 50 KB for the carousel and 30 KB a bubble, with altText under 1,500', () => {
    expect(Buffer.byteLength(JSON.stringify(message.contents))).toBeLessThan(50 * 1024);
    for (const b of message.contents.contents) expect(Buffer.byteLength(JSON.stringify(b))).toBeLessThan(30 * 1024);
    expect(message.altText.length).toBeLessThanOrEqual(1500);
  });
  it('cuts long Thai text on grapheme boundaries (no orphaned tone mark)', () => {
    const texts = JSON.stringify(message.contents).match(/ก้[^"]*…/g) ?? [];
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toMatch(/ก้…$/);
  });
});

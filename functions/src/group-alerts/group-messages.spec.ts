import { describe, expect, it } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { LIMITS } from '@banmae/domain';
import { checkMessages } from '../../../test/line-standin/message-checks.ts';
import { newCaseCard } from './new-case-card.ts';
import { digestText, DIGEST_MAX_LINES, type OverdueCase } from './overdue-digest.ts';

/** The group card and the digest against LINE's limits (the stand-in's checks), with the worst inputs. */
const worstSubject = '👨‍👩‍👧‍👦ก้'.repeat(LIMITS.subject.max);
const valid = (messages: messagingApi.Message[]) => expect(checkMessages(messages)).toEqual([]);

describe('group alerts stay within LINE limits and carry no personal numbers', () => {
  it('a new-case card with the longest subject, its ID and phone numbers masked', () => {
    const card = newCaseCard({
      trackingNo: 'BM-2569-9999999',
      categoryTh: 'เหตุเดือดร้อนรำคาญ เสียง ฝุ่น ควัน',
      departmentTh: 'งานพัฒนาชุมชนและสวัสดิการสังคม',
      subject: `${worstSubject} โทร 0812345678 บัตร 1101700230705`,
      filedAt: new Date('2026-11-26T03:00:00Z'),
      dueAt: new Date('2026-12-03T17:00:00Z'),
      deskUrl: `https://banmae.web.app/admin/cases/${'x'.repeat(20)}`,
    });
    valid([card]);
    const short = newCaseCard({
      trackingNo: 'BM-2569-00001',
      categoryTh: 'ถนน',
      departmentTh: 'กองช่าง',
      subject: 'โทร 0812345678 บัตร 1101700230705',
      filedAt: new Date(),
      dueAt: new Date(),
      deskUrl: 'https://banmae.web.app/admin/cases/abc',
    });
    expect(JSON.stringify(short)).not.toMatch(/0812345678|1101700230705/);
  });

  it('a digest of many overdue cases with the longest subjects stays one text LINE takes', () => {
    const cases: OverdueCase[] = Array.from({ length: 500 }, (_, i) => ({
      id: `c${i}`,
      trackingNo: `BM-2569-${String(1_000_000 + i)}`,
      categoryTh: 'สวัสดิการ เบี้ยยังชีพ ผู้สูงอายุ ผู้พิการ',
      subject: worstSubject,
      daysOver: 300,
    }));
    const text = digestText('งานพัฒนาชุมชนและสวัสดิการสังคม', new Date(), cases, 'https://banmae.web.app/admin?department=welfare');
    valid([{ type: 'text', text }]);
    expect(text).toContain(`และอีก ${500 - DIGEST_MAX_LINES} เรื่อง`);
  });
});

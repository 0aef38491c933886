import { describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from './mask-personal-numbers.ts';

describe('masking national IDs and phone numbers in free text', () => {
  const masked = [
    { description: 'an ID of 13 digits', input: 'บัตร 3100600245679 ค่ะ', want: 'บัตร •-••••-••••5-67-9 ค่ะ' },
    { description: 'an ID grouped as on the card', input: 'บัตร 3-1006-00245-67-9', want: 'บัตร •-••••-••••5-67-9' },
    { description: 'an ID grouped with spaces', input: 'เลข 3 1006 00245 67 9 นะคะ', want: 'เลข •-••••-••••5-67-9 นะคะ' },
    { description: 'an ID in Thai digits', input: 'บัตร ๓๑๐๐๖๐๐๒๔๕๖๗๙', want: 'บัตร •-••••-••••5-67-9' },
    { description: 'an ID glued to Thai text', input: 'เลขบัตร3100600245679ครับ', want: 'เลขบัตร•-••••-••••5-67-9ครับ' },
    { description: 'an ID whose checksum is wrong (a typo is still personal)', input: '1234567890123', want: '•-••••-••••0-12-3' },
    { description: 'a mobile number', input: 'โทร 0812345678', want: 'โทร •••-•••-•678' },
    { description: 'a mobile with dashes', input: 'โทร 081-234-5678 ด่วน', want: 'โทร •••-•••-•678 ด่วน' },
    { description: 'a mobile with spaces', input: 'โทร 08 1234 5678', want: 'โทร •••-•••-•678' },
    { description: 'a mobile with dots', input: 'โทร.081.234.5678', want: 'โทร.•••-•••-•678' },
    { description: 'a mobile in +66 form', input: 'call +66 81 234 5678', want: 'call •••-•••-•678' },
    { description: 'a mobile in +66 form without spaces', input: '+66812345678', want: '•••-•••-•678' },
    { description: 'a mobile in Thai digits', input: 'โทร ๐๘๑-๒๓๔-๕๖๗๘', want: 'โทร •••-•••-•678' },
    { description: 'a landline', input: 'โทร 053-123-456 ในเวลาราชการ', want: 'โทร •••-•••-456 ในเวลาราชการ' },
    { description: 'a Bangkok landline', input: '02-123-4567', want: '••-•••-•567' },
    { description: 'two phones one space apart', input: '081-234-5678 053-123-456', want: '•••-•••-•678 •••-•••-456' },
    { description: 'an ID and a phone in one text', input: 'บัตร 3100600245679 โทร 0812345678', want: 'บัตร •-••••-••••5-67-9 โทร •••-•••-•678' },
    { description: 'a phone right after a tracking number', input: 'BM-2569-00042 0812345678', want: 'BM-2569-00042 •••-•••-•678' },
  ];
  it.each(masked)('masks $description', ({ input, want }) => {
    expect(maskPersonalNumbers(input)).toBe(want);
  });

  const kept = [
    { description: 'a tracking number', input: 'เรื่อง BM-2569-00042 ถึงไหนแล้ว' },
    { description: 'a tracking number with a 7-digit sequence', input: 'BM-2569-1234567' },
    { description: 'a tracking number followed by a short number', input: 'BM-2569-00042 1234' },
    { description: 'a tracking number in Thai digits', input: 'BM-๒๕๖๙-๐๐๐๔๒' },
    { description: 'an amount with a thousands comma', input: 'ค่าซ่อม 1,500 บาท' },
    { description: 'a large amount', input: 'งบ 1,500,000.50 บาท' },
    { description: 'a date with slashes', input: 'วันที่ 24/11/2569' },
    { description: 'a date with dashes', input: 'วันที่ 24-11-2569' },
    { description: 'an ISO date and a time', input: '2026-11-24 10.30 น.' },
    { description: 'a time range', input: '08.30-16.30 น.' },
    { description: 'a house number and a village', input: 'บ้านเลขที่ 99/1 หมู่ 3 ซอย 5' },
    { description: 'a year range', input: 'ปี 2568 - 2569' },
    { description: 'a short number', input: 'ไฟดับ 3 ต้น' },
    { description: 'a 12-digit number (not an ID)', input: '123456789012' },
    { description: 'a 14-digit number (not an ID)', input: '12345678901234' },
    { description: 'a number that is not a Thai phone', input: '1234567890' },
    { description: 'text without digits', input: 'ไฟถนนดับหน้าวัด 🙏' },
  ];
  it.each(kept)('keeps $description', ({ input }) => {
    expect(maskPersonalNumbers(input)).toBe(input);
  });

  it('handles a long run of digit groups in time proportional to its length', () => {
    const long = Array.from({ length: 2000 }, () => '12').join(' ');
    const started = performance.now();
    expect(maskPersonalNumbers(long)).toBe(long);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

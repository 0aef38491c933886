import { describe, expect, it } from 'vitest';
import { caseCsvRowFactory, CASE_CSV_HEADER, CSV_BOM, csvField, csvLine, MASKED, parseCsv, type CsvCase } from './case-csv.ts';

const config = {
  categories: [{ id: 'road', labelTh: 'ถนน ทางเท้า ไฟฟ้าส่องสว่าง', dueWorkingDays: 5 }],
  departments: [{ id: 'engineering', labelTh: 'กองช่าง' }],
  holidays: [],
};
const base: CsvCase = {
  trackingNo: 'BM-2569-00042',
  createdAt: new Date('2026-09-30T16:30:00Z'),
  kind: 'complaint',
  category: 'road',
  department: 'engineering',
  status: 'done',
  closedAt: new Date('2026-10-03T16:30:00Z'),
  assigneeName: 'สมศรี ใจงาน',
  rating: null,
  heardWithin15: true,
  subject: 'ไฟดับ โทร 0812345678',
  fiscalYear: 2569,
};

describe('a case as a CSV row', () => {
  const row = caseCsvRowFactory(config, new Date('2026-11-01T00:00:00Z'));

  it('writes Thai labels, Buddhist-era Bangkok dates and days in tenths', () => {
    const r = row(base, null);
    expect(r).toHaveLength(CASE_CSV_HEADER.length);
    expect(r.slice(0, 13)).toEqual([
      'BM-2569-00042',
      '30/09/2569',
      '2569',
      'ร้องเรียน',
      'ถนน ทางเท้า ไฟฟ้าส่องสว่าง',
      'กองช่าง',
      'ดำเนินการแล้วเสร็จ',
      '03/10/2569',
      '3.0',
      'ไม่ใช่',
      'สมศรี ใจงาน',
      '',
      'ใช่',
    ]);
  });

  it('masks personal data: no reporter, phone numbers in the subject masked', () => {
    const r = row(base, null);
    expect(r.slice(14)).toEqual([MASKED, MASKED, MASKED, MASKED]);
    expect(r[13]).not.toContain('0812345678');
  });

  it('carries the reporter only when given (the admin export), numbers grouped so that Excel keeps them text', () => {
    const r = row(base, { name: 'นายทดสอบ ระบบ', phone: '0812345678', nationalId: '1101700230708', email: null });
    expect(r.slice(13)).toEqual(['ไฟดับ โทร 0812345678', 'นายทดสอบ ระบบ', '081-234-5678', '1-1017-00230-70-8', '']);
    expect(row(base, { name: 'ก ข', phone: '021234567', nationalId: '1101700230708', email: null })[15]).toBe('02-123-4567');
  });

  it('flags an open case past its working days as overdue', () => {
    expect(row({ ...base, status: 'in_progress', closedAt: null }, null)[9]).toBe('ใช่');
  });
});

describe('CSV text', () => {
  it.each([
    { description: 'plain Thai', input: 'ถนนพัง', want: 'ถนนพัง' },
    { description: 'a comma', input: 'a,b', want: '"a,b"' },
    { description: 'quotes doubled', input: 'ป้าย "ห้ามจอด"', want: '"ป้าย ""ห้ามจอด"""' },
    { description: 'a newline', input: 'บรรทัด1\nบรรทัด2', want: '"บรรทัด1\nบรรทัด2"' },
    { description: 'a formula', input: '=HYPERLINK("http://x")', want: '"\'=HYPERLINK(""http://x"")"' },
    { description: 'a leading minus', input: '-1+2', want: "'-1+2" },
  ])('$description', ({ input, want }) => {
    expect(csvField(input)).toBe(want);
  });

  it('ends lines with CRLF and reads back what it wrote', () => {
    const text = CSV_BOM + csvLine(['ก', 'a,b']) + csvLine(['ข "x"', 'บรรทัด1\r\nบรรทัด2']);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['ก', 'a,b'],
      ['ข "x"', 'บรรทัด1\r\nบรรทัด2'],
    ]);
  });
});

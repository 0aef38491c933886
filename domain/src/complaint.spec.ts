import { describe, expect, it } from 'vitest';
import { LIMITS, validateComplaintDraft, type ComplaintDraft } from './complaint.ts';

const CATEGORIES = ['road', 'water'];
const draft = (over: Partial<ComplaintDraft> = {}, reporter: Partial<ComplaintDraft['reporter']> = {}): ComplaintDraft => ({
  kind: 'complaint',
  category: 'road',
  subject: 'ไฟถนนดับ',
  details: 'ไฟถนนหน้าบ้านเลขที่ 12 ดับมาสามวันแล้ว',
  privacyAcknowledged: true,
  ...over,
  reporter: { name: 'สมชาย ใจดี', nationalId: '3-1006-00245-67-9', phone: '081-234-5678', ...reporter },
});

describe('validateComplaintDraft', () => {
  it('accepts and normalises a valid draft', () => {
    const r = validateComplaintDraft(draft({ subject: '  ไฟถนนดับ  ' }, { email: '' }), CATEGORIES);
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'complaint',
        category: 'road',
        subject: 'ไฟถนนดับ',
        details: 'ไฟถนนหน้าบ้านเลขที่ 12 ดับมาสามวันแล้ว',
        reporter: { name: 'สมชาย ใจดี', nationalId: '3100600245679', phone: '0812345678' },
      },
    });
  });

  const cases: { description: string; input: ComplaintDraft; field: string; message: RegExp }[] = [
    { description: 'an unknown kind', input: draft({ kind: 'spam' }), field: 'kind', message: /ประเภท/ },
    { description: 'a category not in the config', input: draft({ category: 'tax' }), field: 'category', message: /หมวดหมู่/ },
    { description: 'a too short subject', input: draft({ subject: 'ก' }), field: 'subject', message: /อย่างน้อย/ },
    { description: 'a too long subject', input: draft({ subject: 'ก'.repeat(LIMITS.subject.max + 1) }), field: 'subject', message: /ยาวเกิน/ },
    { description: 'too long details', input: draft({ details: 'ก'.repeat(LIMITS.details.max + 1) }), field: 'details', message: /ยาวเกิน/ },
    { description: 'a bad national ID', input: draft({}, { nationalId: '3100600245677' }), field: 'reporter.nationalId', message: /ไม่ถูกต้อง/ },
    { description: 'a 12-digit national ID', input: draft({}, { nationalId: '310060024567' }), field: 'reporter.nationalId', message: /13 หลัก/ },
    { description: 'a bad phone', input: draft({}, { phone: '12345' }), field: 'reporter.phone', message: /เบอร์โทรศัพท์/ },
    { description: 'a bad email', input: draft({}, { email: 'somchai@' }), field: 'reporter.email', message: /อีเมล/ },
    { description: 'a location outside the globe', input: draft({ location: { lat: 91, lng: 98.9, accuracyM: 10 } }), field: 'location', message: /พิกัด/ },
    { description: 'an unacknowledged privacy notice', input: draft({ privacyAcknowledged: false }), field: 'privacyAcknowledged', message: /ความเป็นส่วนตัว/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.description} with a Thai message on that field only`, () => {
      const r = validateComplaintDraft(c.input, CATEGORIES);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(Object.keys(r.errors)).toEqual([c.field]);
      expect(r.errors[c.field as keyof typeof r.errors]).toMatch(c.message);
    });
  }
});

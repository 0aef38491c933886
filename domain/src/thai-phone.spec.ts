import { describe, expect, it } from 'vitest';
import { formatThaiPhone, maskThaiPhone, normalizeThaiPhone, phoneProblem } from './thai-phone.ts';

describe('phoneProblem', () => {
  const cases: { description: string; input: string; want: ReturnType<typeof phoneProblem> }[] = [
    { description: 'mobile 08', input: '0812345678', want: null },
    { description: 'mobile 06 with dashes', input: '061-234-5678', want: null },
    { description: 'mobile 09 with spaces', input: '09 1234 5678', want: null },
    { description: 'international form', input: '+66 81 234 5678', want: null },
    { description: 'Chiang Mai landline', input: '053-123-456', want: null },
    { description: 'Bangkok landline', input: '02-123-4567', want: null },
    { description: 'Thai digits', input: '๐๘๑๒๓๔๕๖๗๘', want: null },
    { description: 'mobile one digit short', input: '081234567', want: 'format' },
    { description: 'mobile one digit long', input: '08123456789', want: 'format' },
    { description: 'no leading zero', input: '812345678', want: 'format' },
    { description: 'landline prefix 01', input: '012345678', want: 'format' },
    { description: 'letters', input: '08l2345678', want: 'format' },
    { description: 'empty', input: '', want: 'empty' },
  ];
  for (const c of cases) it(c.description, () => expect(phoneProblem(c.input)).toBe(c.want));
});

describe('normalising, formatting, masking', () => {
  it('stores the national form', () => expect(normalizeThaiPhone('+66 81 234 5678')).toBe('0812345678'));
  it('formats mobiles and landlines', () => {
    expect(formatThaiPhone('0812345678')).toBe('081-234-5678');
    expect(formatThaiPhone('021234567')).toBe('02-123-4567');
    expect(formatThaiPhone('053123456')).toBe('053-123-456');
  });
  it('masks all but the last three digits', () => expect(maskThaiPhone('0812345678')).toBe('•••-•••-•678'));
});

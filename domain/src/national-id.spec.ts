import { describe, expect, it } from 'vitest';
import { formatNationalId, maskNationalId, nationalIdCheckDigit, nationalIdProblem, normalizeNationalId } from './national-id.ts';

// 1-1017-00230-70-5 style numbers below are computed, not real people's IDs.
function withCheckDigit(first12: string): string {
  return first12 + String(nationalIdCheckDigit(first12));
}
const VALID = withCheckDigit('110170023070');
const wrongCheck = VALID.slice(0, 12) + String((Number(VALID[12]) + 1) % 10);

describe('nationalIdProblem', () => {
  const cases: { description: string; input: string; want: ReturnType<typeof nationalIdProblem> }[] = [
    { description: 'a valid number', input: VALID, want: null },
    { description: 'another valid number', input: '3100600245679', want: null },
    { description: 'a bad check digit', input: wrongCheck, want: 'checksum' },
    { description: '12 digits', input: VALID.slice(0, 12), want: 'length' },
    { description: '14 digits', input: VALID + '1', want: 'length' },
    { description: 'spaces', input: `${VALID.slice(0, 1)} ${VALID.slice(1, 5)} ${VALID.slice(5)}`, want: null },
    { description: 'dashes as on the card', input: formatNationalId(VALID), want: null },
    { description: 'Thai digits', input: VALID.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d))), want: null },
    { description: 'all the same digit', input: '1111111111111', want: 'repeated' },
    { description: 'all zeros', input: '0000000000000', want: 'repeated' },
    { description: 'letters mixed in', input: VALID.slice(0, 12) + 'x', want: 'length' },
    { description: 'empty', input: '  ', want: 'empty' },
  ];
  for (const c of cases) {
    it(c.description, () => expect(nationalIdProblem(c.input)).toBe(c.want));
  }

  it('computes the check digit with weights 13..2', () => {
    // 3100600245679: sum = 3*13+1*12+0*11+0*10+6*9+0*8+0*7+2*6+4*5+5*4+6*3+7*2 = 189; (11 - 189 % 11) % 10 = 9
    expect(nationalIdCheckDigit('310060024567')).toBe(9);
  });
});

describe('formatting and masking', () => {
  it('groups digits as typed', () => {
    expect(formatNationalId('1')).toBe('1');
    expect(formatNationalId('11017')).toBe('1-1017');
    expect(formatNationalId('3100600245679')).toBe('3-1006-00245-67-9');
    expect(formatNationalId('3100600245679999')).toBe('3-1006-00245-67-9');
  });
  it('normalises to digits only', () => expect(normalizeNationalId('3-1006-00245-67-9')).toBe('3100600245679'));
  it('masks all but the last four digits', () => expect(maskNationalId('3100600245679')).toBe('•-••••-••••5-67-9'));
});

import { describe, expect, it } from 'vitest';
import { departmentOfCase, isLineGroupId, quotaIsTight } from './group-alerts.ts';

describe('the quota rule (decision 020)', () => {
  it('is tight from 80 % of the month’s allowance', () => {
    expect(quotaIsTight({ limit: 1000, used: 799 })).toBe(false);
    expect(quotaIsTight({ limit: 1000, used: 800 })).toBe(true);
    expect(quotaIsTight({ limit: 1000, used: 1000 })).toBe(true);
  });

  it('is never tight on a plan without a limit', () => {
    expect(quotaIsTight({ limit: null, used: 1_000_000 })).toBe(false);
  });
});

describe('the department of a case', () => {
  const config = {
    categories: [
      { id: 'road', labelTh: 'ถนน', dueWorkingDays: 5, departmentId: 'engineering' },
      { id: 'other', labelTh: 'อื่นๆ', dueWorkingDays: 10 },
    ],
  };

  it('is the one staff set, else its category’s, else none', () => {
    expect(departmentOfCase({ category: 'road', department: 'health' }, config)).toBe('health');
    expect(departmentOfCase({ category: 'road', department: null }, config)).toBe('engineering');
    expect(departmentOfCase({ category: 'other' }, config)).toBeNull();
  });
});

it('tells a group ID from a user or room ID', () => {
  expect(isLineGroupId('C' + 'a'.repeat(32))).toBe(true);
  expect(isLineGroupId('U' + 'a'.repeat(32))).toBe(false);
  expect(isLineGroupId('R' + 'a'.repeat(32))).toBe(false);
});

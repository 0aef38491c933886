import { describe, expect, it } from 'vitest';
import { formatRuleCoverage, summariseRuleCoverage, type CoverageReport } from './rule-coverage.ts';

// A rules file of two conditions, as the emulator reports it (endOffset is inclusive).
const SOURCE = 'allow read: if isStaff();\nallow create: if isStaff() && ok(x);';
const at = (text: string, from = 0) => {
  const start = SOURCE.indexOf(text, from);
  const line = SOURCE.slice(0, start).split('\n').length;
  return { line, column: start - SOURCE.lastIndexOf('\n', start - 1), currentOffset: start, endOffset: start + text.length - 1 };
};
const report = (createCount: number): CoverageReport => ({
  rules: { files: [{ content: SOURCE }] },
  report: [
    { sourcePosition: at('isStaff()'), values: [{ count: 3 }] },
    {
      sourcePosition: at('isStaff() && ok(x)'),
      values: createCount ? [{ count: createCount }] : [],
      children: [
        { sourcePosition: at('isStaff()', SOURCE.indexOf('create')), values: createCount ? [{ count: createCount }] : [] },
        { sourcePosition: at('ok(x)'), values: [] },
      ],
    },
  ],
});

describe('summariseRuleCoverage', () => {
  it('names the outermost expression the tests never evaluated, not each of its parts', () => {
    const summary = summariseRuleCoverage(report(0));
    expect(summary.expressions).toBe(4);
    expect(summary.unexercised).toEqual([{ line: 2, column: 18, text: 'isStaff() && ok(x)' }]);
  });
  it('names an unevaluated part of an evaluated expression', () => {
    expect(summariseRuleCoverage(report(2)).unexercised.map((u) => u.text)).toEqual(['ok(x)']);
  });
  it('formats a one-line summary followed by what was never evaluated', () => {
    expect(formatRuleCoverage(summariseRuleCoverage(report(2)))).toBe(
      'firestore.rules coverage: 3 of 4 expressions evaluated\n  never evaluated: line 2:31 ok(x)',
    );
  });
});

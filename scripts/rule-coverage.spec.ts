import { describe, expect, it } from 'vitest';
import { formatRuleCoverage, summariseRuleCoverage, type CoverageReport } from './rule-coverage.ts';

// A rules file of two conditions, as the emulator reports it (endOffset is inclusive).
const SOURCE = 'allow read: if isStaff();\nallow create: if isStaff() && ok(x);';
const at = (text: string, from = 0) => {
  const start = SOURCE.indexOf(text, from);
  const line = SOURCE.slice(0, start).split('\n').length;
  return { line, column: start - SOURCE.lastIndexOf('\n', start - 1), currentOffset: start, endOffset: start + text.length - 1 };
};
const outcomes = (...values: boolean[]) => values.map((boolValue) => ({ value: { boolValue }, count: 1 }));

/** `create` evaluated with these outcomes of `ok(x)` (none: create never evaluated). */
function report(okOutcomes: boolean[]): CoverageReport {
  const created = okOutcomes.length > 0;
  return {
    rules: { files: [{ content: SOURCE }] },
    report: [
      { sourcePosition: at('isStaff()'), values: outcomes(true, false) },
      {
        sourcePosition: at('isStaff() && ok(x)'),
        values: created ? outcomes(...okOutcomes) : [],
        children: [
          { sourcePosition: at('isStaff()', SOURCE.indexOf('create')), values: created ? outcomes(true) : [] },
          { sourcePosition: at('ok(x)'), values: outcomes(...okOutcomes) },
        ],
      },
      // The same expression reported again from another call site, evaluated there.
      { sourcePosition: at('isStaff()', SOURCE.indexOf('create')), values: outcomes(false) },
    ],
  };
}

describe('summariseRuleCoverage', () => {
  it('names the outermost expression the tests never evaluated, not each of its parts', () => {
    const summary = summariseRuleCoverage(report([]));
    expect(summary.expressions).toBe(4);
    expect(summary.unexercised).toEqual([{ line: 2, column: 18, text: 'isStaff() && ok(x)' }]);
  });
  it('adds up the evaluations of one expression reported at several call sites', () => {
    const summary = summariseRuleCoverage(report([true, false]));
    expect(summary.unexercised).toEqual([]);
    expect(summary.oneOutcome).toEqual([]);
  });
  it('names a condition that only ever came out one way', () => {
    expect(summariseRuleCoverage(report([true])).oneOutcome).toEqual([
      { line: 2, column: 18, text: 'isStaff() && ok(x)', always: true },
      { line: 2, column: 31, text: 'ok(x)', always: true },
    ]);
  });
  it('formats a one-line summary followed by what was never evaluated and what always came out the same', () => {
    expect(formatRuleCoverage(summariseRuleCoverage(report([])))).toBe(
      'firestore.rules coverage: 3 of 4 expressions evaluated\n  never evaluated: line 2:18 isStaff() && ok(x)\n  always false: line 2:18 isStaff()',
    );
    expect(formatRuleCoverage(summariseRuleCoverage(report([false, false])))).toBe(
      'firestore.rules coverage: 4 of 4 expressions evaluated\n  always false: line 2:18 isStaff() && ok(x)\n  always false: line 2:31 ok(x)',
    );
  });
});

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Reads the Firestore emulator's rule-coverage report (saved by test/support/global-setup.ts) and
 * names every rules expression the tests never evaluated. `npx tsx scripts/rule-coverage.ts
 * [report.json]` prints them and exits 1 if there is one. It also names the conditions that always came
 * out the same way (never both true and false, never an error): a test that would make one refuse
 * is probably missing. The emulator does not report literal `true`/`false` conditions
 * (`allow write: if false`), so those never show up either way.
 */
interface CoverageNode {
  sourcePosition?: { line: number; column: number; currentOffset: number; endOffset: number };
  values?: { value?: { boolValue?: boolean }; count?: number | string }[];
  children?: CoverageNode[];
}

export interface CoverageReport {
  rules: { files: { content: string }[] };
  report: CoverageNode[];
}

interface Place {
  line: number;
  column: number;
  text: string;
}

export interface CoverageSummary {
  expressions: number;
  unexercised: Place[];
  /** Boolean expressions evaluated, but only ever to this one value. */
  oneOutcome: (Place & { always: boolean })[];
}

export function summariseRuleCoverage(report: CoverageReport): CoverageSummary {
  const source = report.rules.files[0]?.content ?? '';
  // One expression can appear several times in the report (once per place a function is called from):
  // add its evaluations up by source position.
  const byPosition = new Map<string, { start: number; end: number; line: number; column: number; count: number; outcomes: Set<boolean | undefined> }>();
  const walk = (node: CoverageNode): void => {
    const pos = node.sourcePosition;
    if (pos) {
      const key = `${pos.currentOffset}-${pos.endOffset}`;
      const entry = byPosition.get(key) ?? { start: pos.currentOffset, end: pos.endOffset, line: pos.line, column: pos.column, count: 0, outcomes: new Set() };
      for (const v of node.values ?? []) {
        entry.count += Number(v.count ?? 0);
        entry.outcomes.add(v.value?.boolValue);
      }
      byPosition.set(key, entry);
    }
    for (const child of node.children ?? []) walk(child);
  };
  for (const node of report.report) walk(node);

  const all = [...byPosition.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const place = (e: (typeof all)[number]) => ({ line: e.line, column: e.column, text: source.slice(e.start, e.end + 1).replace(/\s+/g, ' ') });
  const never = all.filter((e) => e.count === 0);
  // Name the outermost unevaluated expression only: its parts are unevaluated with it.
  const unexercised = never.filter((e) => !never.some((o) => o !== e && o.start <= e.start && e.end <= o.end)).map(place);
  const oneOutcome = all.flatMap((e) => {
    const [only] = e.outcomes;
    return e.outcomes.size === 1 && typeof only === 'boolean' ? [{ ...place(e), always: only }] : [];
  });
  return { expressions: all.length, unexercised, oneOutcome };
}

export function formatRuleCoverage(summary: CoverageSummary): string {
  const head = `firestore.rules coverage: ${summary.expressions - summary.unexercised.length} of ${summary.expressions} expressions evaluated`;
  return [
    head,
    ...summary.unexercised.map((u) => `  never evaluated: line ${u.line}:${u.column} ${u.text}`),
    ...summary.oneOutcome.map((u) => `  always ${u.always}: line ${u.line}:${u.column} ${u.text}`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? 'test-results/firestore-rule-coverage.json';
  const summary = summariseRuleCoverage(JSON.parse(readFileSync(file, 'utf8')) as CoverageReport);
  console.log(formatRuleCoverage(summary));
  process.exit(summary.unexercised.length ? 1 : 0);
}

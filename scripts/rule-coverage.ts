import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Reads the Firestore emulator's rule-coverage report (saved by test/support/global-setup.ts) and
 * names every rules expression the tests never evaluated. `npx tsx scripts/rule-coverage.ts
 * [report.json]` prints them and exits 1 if there is one. The emulator does not report literal
 * `true`/`false` conditions (`allow write: if false`), so those never show up either way.
 */
interface CoverageNode {
  sourcePosition?: { line: number; column: number; currentOffset: number; endOffset: number };
  values?: { count?: number | string }[];
  children?: CoverageNode[];
}

export interface CoverageReport {
  rules: { files: { content: string }[] };
  report: CoverageNode[];
}

export interface CoverageSummary {
  expressions: number;
  unexercised: { line: number; column: number; text: string }[];
}

export function summariseRuleCoverage(report: CoverageReport): CoverageSummary {
  const source = report.rules.files[0]?.content ?? '';
  const unexercised: CoverageSummary['unexercised'] = [];
  const seen = new Set<string>();
  let expressions = 0;
  const walk = (node: CoverageNode, parentUnexercised: boolean): void => {
    const pos = node.sourcePosition;
    const evaluated = (node.values ?? []).reduce((n, v) => n + Number(v.count ?? 0), 0) > 0;
    if (pos && !seen.has(`${pos.currentOffset}-${pos.endOffset}`)) {
      seen.add(`${pos.currentOffset}-${pos.endOffset}`);
      expressions++;
      // Name the outermost unevaluated expression only: its parts are unevaluated with it.
      if (!evaluated && !parentUnexercised) {
        unexercised.push({ line: pos.line, column: pos.column, text: source.slice(pos.currentOffset, pos.endOffset + 1).replace(/\s+/g, ' ') });
      }
    }
    for (const child of node.children ?? []) walk(child, parentUnexercised || !evaluated);
  };
  for (const node of report.report) walk(node, false);
  return { expressions, unexercised };
}

export function formatRuleCoverage(summary: CoverageSummary): string {
  const head = `firestore.rules coverage: ${summary.expressions - summary.unexercised.length} of ${summary.expressions} expressions evaluated`;
  return [head, ...summary.unexercised.map((u) => `  never evaluated: line ${u.line}:${u.column} ${u.text}`)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? 'test-results/firestore-rule-coverage.json';
  const summary = summariseRuleCoverage(JSON.parse(readFileSync(file, 'utf8')) as CoverageReport);
  console.log(formatRuleCoverage(summary));
  process.exit(summary.unexercised.length ? 1 : 0);
}

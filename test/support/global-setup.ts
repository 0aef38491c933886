import { mkdirSync, writeFileSync } from 'node:fs';
import { formatRuleCoverage, summariseRuleCoverage, type CoverageReport } from '../../scripts/rule-coverage.ts';
import { FIRESTORE, LINE_AUTH_URL, PROJECT_ID } from './stack.ts';

/**
 * Before the emulator suite: prove the functions actually loaded (a param without a value makes them
 * fail to load while `emulators:exec` still runs the tests: PLATFORM-FACTS.md). After it: save the
 * Firestore emulator's rule-coverage report with the test output, and say which rules expressions the
 * run never evaluated (scripts/rule-coverage.ts).
 */
export async function setup(): Promise<void> {
  const res = await fetch(LINE_AUTH_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const body = await res.text();
  if (res.status !== 401 || !body.includes('missing_token')) {
    throw new Error(`The functions did not load: lineAuth answered ${res.status} ${body.slice(0, 300)}`);
  }
}

export async function teardown(): Promise<void> {
  const base = `http://${FIRESTORE.host}:${FIRESTORE.port}/emulator/v1/projects/${PROJECT_ID}:ruleCoverage`;
  mkdirSync('test-results', { recursive: true });
  const [html, json] = await Promise.all([fetch(`${base}.html`).then((r) => r.text()), fetch(base).then((r) => r.text())]);
  writeFileSync('test-results/firestore-rule-coverage.html', html);
  writeFileSync('test-results/firestore-rule-coverage.json', json);
  console.log(formatRuleCoverage(summariseRuleCoverage(JSON.parse(json) as CoverageReport)));
}

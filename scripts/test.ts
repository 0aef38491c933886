import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { emulatorsExec, ROOT, startLocalStack } from './local-stack.ts';
import { SetupError } from './emulator-env.ts';

/**
 * `npm test`: typecheck, lint, unit tests, then (after building functions and the web app) the rules,
 * integration and browser tests inside one `firebase emulators:exec` with the LINE stand-in running.
 * Stops at the first failing step and exits non-zero; ends with one "N passed, N failed" line.
 */
const RESULTS = { unit: 'test-results/unit.json', emulator: 'test-results/emulator.json' };
const reporters = (file: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`];

function step(name: string, cmd: string, args: string[]): void {
  console.log(`\n── ${name} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) finish(`${name} failed`, r.status ?? 1);
}

function counts(file: string): { passed: number; failed: number } {
  const path = resolve(ROOT, file);
  if (!existsSync(path)) return { passed: 0, failed: 0 };
  const r = JSON.parse(readFileSync(path, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests };
}

function finish(failure: string | null, code: number): never {
  const all = [counts(RESULTS.unit), counts(RESULTS.emulator)];
  const passed = all.reduce((n, c) => n + c.passed, 0);
  const failed = all.reduce((n, c) => n + c.failed, 0);
  if (failure) console.error(`\n✖ ${failure}`);
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exit(code);
}

for (const file of Object.values(RESULTS)) rmSync(resolve(ROOT, file), { force: true });
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('unit tests', 'vitest', ['run', '--project', 'unit', ...reporters(RESULTS.unit)]);
step('build functions and web (emulator mode)', 'npm', ['run', '--silent', 'build']);

console.log('\n── rules, integration and browser tests on the emulators ──');
try {
  const stack = await startLocalStack();
  const code = await emulatorsExec(stack.env, ['vitest run --project emulator', ...reporters(RESULTS.emulator)].join(' '));
  stack.stop();
  finish(code === 0 ? null : 'emulator tests failed', code);
} catch (err) {
  if (err instanceof SetupError) finish(err.message, 2);
  throw err;
}

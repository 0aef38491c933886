import { spawnSync } from 'node:child_process';
import { emulatorsExec, ROOT, startLocalStack } from './local-stack.ts';
import { SetupError } from './emulator-env.ts';

/**
 * `npm test`: typecheck, lint, unit tests, then (after building functions and the web app) the rules,
 * integration and browser tests inside one `firebase emulators:exec` with the LINE stand-in running.
 * Stops at the first failing step and exits non-zero.
 */
function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n── ${name} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, env });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(r.status ?? 1);
  }
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('unit tests', 'vitest', ['run', '--project', 'unit']);
step('build functions and web (emulator mode)', 'npm', ['run', '--silent', 'build']);

console.log('\n── rules, integration and browser tests on the emulators ──');
try {
  const stack = await startLocalStack();
  const code = await emulatorsExec(stack.env, 'vitest run --project emulator');
  stack.stop();
  if (code !== 0) console.error('\n✖ emulator tests failed');
  process.exit(code);
} catch (err) {
  if (err instanceof SetupError) {
    console.error(`\n✖ ${err.message}`);
    process.exit(2);
  }
  throw err;
}

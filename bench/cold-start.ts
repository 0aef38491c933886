import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { percentile } from './stats.ts';

/**
 * Module load time of the deployed functions bundle in a fresh Node process, as one function's
 * production instance loads it (FUNCTION_TARGET set): what a cold start pays before the handler runs.
 * Median of several fresh processes per function.
 */
export function measureColdStart(target: string, runs = 7): { p50Ms: number; maxMs: number } {
  const entry = resolve(import.meta.dirname, '../functions/lib/index.js');
  const script = `const t=performance.now();await import(${JSON.stringify(entry)});process.stdout.write(String(performance.now()-t));`;
  const times = Array.from({ length: runs }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, GCLOUD_PROJECT: 'demo-banmae', FUNCTION_TARGET: target },
        encoding: 'utf8',
      }),
    ),
  );
  return { p50Ms: percentile(times, 50), maxMs: Math.max(...times) };
}

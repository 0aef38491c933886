import { emulatorsExec, startLocalStack } from './local-stack.ts';

/**
 * `npm run bench`: the measures of bench/run.ts on the local stack (emulators + LINE stand-in).
 * `npx tsx scripts/bench.ts <section>` (after `npm run build`) runs one section alone (SECTIONS).
 */
const SECTIONS: Record<string, string> = {
  numbering: 'bench/numbering-alone.ts',
  delivery: 'bench/delivery-alone.ts',
  citizen: 'bench/citizen-alone.ts',
  lifecycle: 'bench/lifecycle-alone.ts',
  dashboard: 'bench/dashboard-alone.ts',
  photos: 'bench/photos-alone.ts',
};
const section = process.argv[2];
if (section && !SECTIONS[section]) {
  console.error(`unknown bench section "${section}"; known: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
const stack = await startLocalStack();
const code = await emulatorsExec(stack.env, `tsx ${section ? SECTIONS[section] : 'bench/run.ts'}`);
stack.stop();
process.exit(code);

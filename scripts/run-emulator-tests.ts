import { emulatorsExec, startLocalStack } from './local-stack.ts';

/**
 * `npx tsx scripts/run-emulator-tests.ts [vitest filters…]`: the emulator tests (or the files named)
 * on the local stack, for working on one area; run `npm run build` first. `npm test` runs everything.
 */
const filters = process.argv.slice(2);
const stack = await startLocalStack();
const code = await emulatorsExec(stack.env, ['vitest run --project emulator', ...filters].join(' '));
stack.stop();
process.exit(code);

import { emulatorsExec, startLocalStack } from './local-stack.ts';

/** `npm run bench`: the measures of bench/run.ts on the local stack (emulators + LINE stand-in). */
const stack = await startLocalStack();
const code = await emulatorsExec(stack.env, 'tsx bench/run.ts');
stack.stop();
process.exit(code);

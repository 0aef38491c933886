import { emulatorsExec, startLocalStack } from './local-stack.ts';
const stack = await startLocalStack();
const code = await emulatorsExec(stack.env, 'tsx bench/tmp-delivery.ts');
stack.stop();
process.exit(code);

import { clearFirestore } from '../test/support/stack.ts';
import { standin } from '../test/support/standin-client.ts';
import { citizenPageRows } from './citizen-pages.ts';

/** `npx tsx scripts/bench.ts citizen`: issue 11's rows of bench/run.ts on their own. */
await clearFirestore();
await standin.reset();
for (const [what, value, target] of await citizenPageRows()) console.log(`RESULT ${what}: ${value}${target ? ` (target ${target})` : ''}`);
process.exit(0);

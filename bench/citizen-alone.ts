import { clearFirestore } from '../test/support/stack.ts';
import { standin } from '../test/support/standin-client.ts';
import { citizenPageRows } from './citizen-pages.ts';

/** `npx tsx scripts/bench.ts citizen`: issue 11's rows of bench/run.ts on their own. */
await clearFirestore();
await standin.reset();
const line = ([what, value, target]: [string, string, string]) => `${what}: ${value}${target ? ` (target ${target})` : ''}`;
// Each figure as soon as it is measured (a later step failing on a loaded machine keeps the earlier ones).
const rows = await citizenPageRows(5, (row) => console.log(`so far: ${line(row)}`));
for (const row of rows) console.log(`RESULT ${line(row)}`);
process.exit(0);

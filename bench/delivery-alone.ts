import { clearFirestore } from '../test/support/stack.ts';
import { deliveryRows } from './delivery-resilience.ts';
import { numberingBurstRow } from './numbering-burst.ts';

/** `npx tsx scripts/bench.ts delivery`: issue 9's rows of bench/run.ts on their own. */
const rows = [await numberingBurstRow(300), ...(await deliveryRows(clearFirestore))];
for (const [what, value, target] of rows) console.log(`RESULT ${what}: ${value}${target ? ` (target ${target})` : ''}`);
process.exit(0);

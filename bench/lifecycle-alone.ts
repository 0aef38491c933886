import { lifecycleRows } from './lifecycle.ts';

/** `npx tsx scripts/bench.ts lifecycle`: pushes per case over a full life, on its own (issue 13, decision 018). */
for (const [what, value, target] of await lifecycleRows(5)) console.log(`${what}: ${value} (target ${target})`);
process.exit(0);

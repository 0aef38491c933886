import { numberingBurstRow } from './numbering-burst.ts';

/** `npx tsx scripts/bench.ts numbering`: the numbering-alone row of bench/run.ts on its own (issue 9). */
const [what, value, target] = await numberingBurstRow(300);
console.log(`${what}: ${value} (target ${target})`);
process.exit(0);

import { dashboardRows } from './dashboard.ts';

/** `npx tsx scripts/bench.ts dashboard`: issue 12's rows of bench/run.ts on their own. */
for (const [what, value, target] of await dashboardRows()) console.log(`RESULT ${what}: ${value}${target ? ` (target ${target})` : ''}`);
process.exit(0);

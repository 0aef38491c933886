import { measureCitizenBundle } from './bundle-size.ts';
import { photoRows } from './photo-compression.ts';

/** `npx tsx scripts/bench.ts photos`: issue 13's photo rows of bench/run.ts on their own. */
const size = measureCitizenBundle();
for (const [what, value, target] of await photoRows(size.formUsableKb!, size.photoChunkKb!))
  console.log(`${what}: ${value}${target ? ` (target ${target})` : ''}`);
process.exit(0);

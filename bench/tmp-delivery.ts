import { clearFirestore } from '../test/support/stack.ts';
import { measureBurstWithFlakyLine, measureOutage } from './delivery-resilience.ts';
await clearFirestore();
console.log('OUTAGE', JSON.stringify(await measureOutage(Number(process.env.OUT ?? 10))));
await clearFirestore();
console.log('BURST', JSON.stringify(await measureBurstWithFlakyLine(Number(process.env.N ?? 30), 2000)));

import { mkdirSync, writeFileSync } from 'node:fs';
import { clearFirestore } from '../test/support/stack.ts';
import { standin } from '../test/support/standin-client.ts';
import { measureBundle, measureCitizenBundle } from './bundle-size.ts';
import { measureColdStart } from './cold-start.ts';
import { measureReceiptLatency, measureStatusLatency } from './delivery-latency.ts';
import { measureStatusPageReads } from './page-load.ts';
import { citizenPageRows } from './citizen-pages.ts';
import { measureFirstWebhook, measureWebhookBurst } from './webhook-burst.ts';
import { round } from './stats.ts';
import { measureDeskQueue, measureReveal, seedDeskCases } from './desk.ts';
import { measureFilingBurst, measurePushesPerFiling, worstPushesPerCitizenPerDay } from './citizen-cost.ts';
import { deliveryRows } from './delivery-resilience.ts';
import { numberingBurstRow } from './numbering-burst.ts';
import { lifecycleRows } from './lifecycle.ts';
import { dashboardRows } from './dashboard.ts';
import { photoRows } from './photo-compression.ts';

/** Runs inside `firebase emulators:exec` (scripts/bench.ts). Prints a table and writes bench-results/. */
const results: [string, string, string][] = [];
const add = (what: string, value: string, target = '') => {
  results.push([what, value, target]);
  console.log(`${what}: ${value}${target ? ` (target ${target})` : ''}`);
};

// First, before anything else wakes the webhook's worker.
add('Webhook: first request after start (cold worker), one event', `${round(await measureFirstWebhook())} ms`, '< 2000 ms (LINE)');

const size = measureBundle();
add('Staff desk: JS+CSS before the queue is usable, gzip', `${round(size.deskQueueKb!, 1)} KB`, '≤ 160 KB');
add('Staff desk: case page (queue + lazy case chunk), gzip', `${round(size.deskCaseKb!, 1)} KB`);
add('Staff desk: map, Leaflet + CSS (lazy), gzip', `${round(size.deskMapChunkKb!, 1)} KB`);

for (const fn of ['lineAuth', 'lineWebhook', 'onComplaintCreated', 'revealReporter']) {
  const cold = measureColdStart(fn);
  add(`Cold start: module load of ${fn}, p50 of 7`, `${round(cold.p50Ms)} ms (max ${round(cold.maxMs)})`, '≤ 250 ms');
}

// The citizen pages (issue 11): sizes and times, with their targets.
await clearFirestore();
await standin.reset();
const citizenSize = measureCitizenBundle();
for (const row of await citizenPageRows()) add(...row);
// Issue 13: the photo code loads lazily; the form's own first chunk is in the rows above.
for (const row of (await photoRows(citizenSize.formUsableKb!, citizenSize.photoChunkKb!)).filter(([what]) => !what.startsWith('Form:'))) add(...row);

const reads = await measureStatusPageReads();
add('Firestore reads to open "เรื่องของฉัน" (3 cases)', String(reads.listReads));
add('Firestore reads to open one case (3 timeline steps)', String(reads.caseReads));

await standin.reset();
const receipt = await measureReceiptLatency(50);
add('Complaint created → receipt at LINE stand-in (50)', `p50 ${round(receipt.p50Ms)} ms, p95 ${round(receipt.p95Ms)} ms`);

await standin.reset();
const status = await measureStatusLatency(100);
add('Status change → message at LINE stand-in (100)', `p50 ${round(status.p50Ms)} ms, p95 ${round(status.p95Ms)} ms`);

// Issue 9: a rush of filings with a flaky LINE, end to end through the Functions emulator (one worker
// runs every trigger in turn there: PLATFORM-FACTS.md), and a LINE outage (decision 014).
for (const row of await deliveryRows(clearFirestore)) add(...row);

// What one citizen costs in paid LINE pushes (issue 8, decision 012).
await clearFirestore();
const perFiling = await measurePushesPerFiling(10);
add('Pushes per case filed from the OA chat (receipt as the reply), 10 cases', String(perFiling.fromChat), '0');
add('Pushes per case filed outside the chat, 10 cases', String(perFiling.outsideChat), '1');
const burst = await measureFilingBurst(100);
add('One citizen scripting 100 filings in a row', `${burst.filed} filed, ${burst.pushes} pushes`, '≤ casesPerHour filed, ≤ receiptPushesPerDay pushes');
add('Worst-case pushes one citizen can cause in a day (config)', String(worstPushesPerCitizenPerDay));

// Pushes per case over its whole life, the citizen's answers by reply (issue 13, decision 018).
await clearFirestore();
for (const row of await lifecycleRows(5)) add(...row);

// A rush of filings numbered without queueing on the year's counter (issue 9, decision 013).
add(...(await numberingBurstRow(300)));

// The Functions emulator runs one request per worker process and starts a process per concurrent
// request (each loading the SDKs on 2 cores); production gen2 instances take 80 at once.
for (const inFlight of [5, 20]) {
  await clearFirestore();
  const webhook = await measureWebhookBurst(1000, inFlight);
  add(
    `Webhook burst: 1,000 signed requests, 10% redeliveries, ${inFlight} in flight`,
    `${round(webhook.eventsPerSec)} events/s, p50 ${round(webhook.p50Ms)} ms, p99 ${round(webhook.p99Ms)} ms; ${webhook.handled} of ${webhook.unique} unique events handled once`,
  );
  if (webhook.handled !== webhook.unique) throw new Error(`webhook burst: ${webhook.handled} events handled, ${webhook.unique} unique`);
}

// The staff desk with 5,000 cases in Firestore (the issue's scale): queue, filter, reveal.
await clearFirestore();
const deskCases = await seedDeskCases(5000);
const desk = await measureDeskQueue(5);
add(
  'Desk: queue usable with 5,000 cases (first page on screen), cold cache, p50 of 5',
  `${round(desk.usableP50Ms)} ms (max ${round(desk.usableMaxMs)})`,
  '≤ 1500 ms',
);
add('Desk: status counts shown, p50 of 5', `${round(desk.countsP50Ms)} ms`);
add(
  'Desk: Firestore reads to open the queue',
  `${desk.docsRead} documents + ${desk.aggregations} count queries (${desk.aggregations} × ⌈matches/1000⌉ billed reads)`,
  '≤ page size (25) + the counts',
);
add('Desk: apply a status filter, p50 of 5', `${round(desk.filterP50Ms)} ms`);
const revealed = await measureReveal(deskCases, 20);
add('Desk: reveal (revealReporter, audit entry first), 20 calls', `p50 ${round(revealed.p50Ms)} ms, p95 ${round(revealed.p95Ms)} ms`);

// Issue 12: the dashboard and the CSV export with 5,000 past cases over two fiscal years.
for (const [what, value, target] of await dashboardRows()) add(what, value, target);

mkdirSync('bench-results', { recursive: true });
const table = ['| Measure | Result | Target |', '| --- | --- | --- |', ...results.map((r) => `| ${r.join(' | ')} |`)].join('\n');
writeFileSync('bench-results/latest.md', `Measured ${new Date().toISOString()} on the Firebase emulators (2 cores).\n\n${table}\n`);
console.log(`\n${table}`);

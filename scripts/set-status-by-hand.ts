import { PROJECT_ID } from './local-stack.ts';

/**
 * `npm run case:status -- <tracking number> <status> [public note]`: changes a case in the running
 * Firestore emulator the way a clerk types a field in the Firebase console: a raw field write through
 * the REST API, no validation, no helper (the emulator's `Bearer owner` bypasses the rules, as the
 * console does). Try an unknown status to see it recorded in problems/ instead of messaging anyone.
 */
const [trackingNo, status, ...noteWords] = process.argv.slice(2);
if (!trackingNo || !status) {
  console.error('usage: npm run case:status -- <tracking number> <status> [public note]');
  process.exit(2);
}
const BASE = `http://127.0.0.1:8080/v1/projects/${PROJECT_ID}/databases/(default)/documents`;
const headers = { authorization: 'Bearer owner', 'content-type': 'application/json' };

const found = (await (
  await fetch(`${BASE}:runQuery`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      structuredQuery: {
        from: [{ collectionId: 'complaints' }],
        where: { fieldFilter: { field: { fieldPath: 'trackingNo' }, op: 'EQUAL', value: { stringValue: trackingNo } } },
        limit: 1,
      },
    }),
  })
).json()) as { document?: { name: string } }[];
const name = found[0]?.document?.name;
if (!name) {
  console.error(`no case ${trackingNo} in the emulator (is \`npm start\` running?)`);
  process.exit(1);
}
const note = noteWords.join(' ');
const fields: Record<string, unknown> = { status: { stringValue: status }, ...(note ? { statusNote: { stringValue: note } } : {}) };
const mask = Object.keys(fields)
  .map((f) => `updateMask.fieldPaths=${f}`)
  .join('&');
const res = await fetch(`http://127.0.0.1:8080/v1/${name}?${mask}`, { method: 'PATCH', headers, body: JSON.stringify({ fields }) });
console.log(res.ok ? `${trackingNo}: status = ${status}${note ? `, note = ${note}` : ''}` : `failed: ${res.status} ${await res.text()}`);

import { DEMO_LINE_USER } from './seed.ts';
import { STANDIN_URL } from './local-stack.ts';
import { groupJoinEvent, groupLeaveEvent, lineGroupId } from '../test/line-standin/webhook-sender.ts';

/**
 * `npm run line:say -- <text> [--as U…]`: a citizen types <text> in the OA chat (`--follow`: adds the
 * OA as a friend instead, which gets the greeting; `--postback <data>`: presses a button whose data is
 * <data>, e.g. "แก้ไขแล้ว" of a done message as the stand-in's /__standin/requests shows it). The LINE stand-in
 * signs the webhook event and sends it to lineWebhook, and this prints what the desk replied, as
 * LINE would show it. Needs `npm start` running.
 */
const args = process.argv.slice(2);
const asIndex = args.indexOf('--as');
const userId = asIndex >= 0 ? args[asIndex + 1] : DEMO_LINE_USER;
const follow = args.includes('--follow');
const postbackIndex = args.indexOf('--postback');
const postback = postbackIndex >= 0 ? args[postbackIndex + 1] : undefined;
const skipped = new Set([asIndex, asIndex + 1, postbackIndex, postbackIndex + 1].filter((i) => i >= 0));

// `--join-group [C…]`: the OA is added to a staff LINE group (a new one unless named); the desk's
// "กลุ่มไลน์" page then lists it for an admin to link. `--leave-group C…`: the OA is removed from it.
for (const flag of ['--join-group', '--leave-group'] as const) {
  const at = args.indexOf(flag);
  if (at < 0) continue;
  const groupId = args[at + 1]?.startsWith('C') ? args[at + 1]! : lineGroupId();
  const event = flag === '--join-group' ? groupJoinEvent(groupId) : groupLeaveEvent(groupId);
  const res = await fetch(`${STANDIN_URL}/__standin/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ events: [event] }),
  });
  if (!res.ok) throw new Error(`stand-in: ${res.status} ${await res.text()} (is \`npm start\` running?)`);
  console.log(`${event.type} ${groupId}: webhook answered ${((await res.json()) as { status: number }).status}`);
  process.exit(0);
}
const text = args.filter((a, i) => !skipped.has(i) && a !== '--follow').join(' ') || 'ติดตามสถานะ';
const event = follow
  ? { type: 'follow', source: { userId }, follow: { isUnblocked: false } }
  : postback !== undefined
    ? { type: 'postback', source: { userId }, postback: { data: postback } }
    : { type: 'message', source: { userId }, message: { id: '1', type: 'text', text, quoteToken: 'q' } };

interface Recorded {
  path: string;
  status: number;
  body: { replyToken?: string; messages?: { type: string; text?: string; altText?: string; contents?: unknown }[] };
}

const sent = await fetch(`${STANDIN_URL}/__standin/webhook`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ events: [event] }),
});
if (!sent.ok) throw new Error(`stand-in: ${sent.status} ${await sent.text()} (is \`npm start\` running?)`);
const result = (await sent.json()) as { status: number; events: { replyToken?: string }[] };
console.log(`webhook answered ${result.status}`);
const replyToken = result.events[0]?.replyToken;
const replies = ((await (await fetch(`${STANDIN_URL}/__standin/requests?path=/v2/bot/message/reply`)).json()) as Recorded[]).filter(
  (r) => r.body.replyToken === replyToken,
);
if (replies.length === 0) console.log('(no reply: the desk does not answer this text automatically)');
for (const r of replies) {
  for (const m of r.body.messages ?? []) {
    console.log(m.type === 'text' ? m.text : `[${m.type}] ${m.altText}`);
    if (m.type === 'flex') console.log(JSON.stringify(m.contents).length, 'bytes of Flex JSON');
    // Buttons and quick replies to press next with --postback.
    for (const [, label, data] of JSON.stringify(m).matchAll(/"label":"([^"]*)","data":"([^"]*)"/g)) console.log(`  [${label}] --postback '${data}'`);
  }
}

import { parseMunicipalityConfig, receiptRequestText, STATUS_LABELS_TH } from '@banmae/domain';
import rawConfig from '../config/municipality.json' with { type: 'json' };
import { adminDb } from '../test/support/admin.ts';
import { setStatusByHand, timelineOf } from '../test/support/cases.ts';
import { fileAsCitizen, signInCitizen } from '../test/support/citizen.ts';
import { lineUserId, waitFor } from '../test/support/stack.ts';
import { standin, type RecordedRequest } from '../test/support/standin-client.ts';

const { notifications } = parseMunicipalityConfig(rawConfig);

type Row = [string, string, string];

/** The postback data of the button labelled `label` in a pushed message. */
function postbackData(push: RecordedRequest, label: string): string {
  const match = new RegExp(`"label":"${label}","data":"([^"]+)"`).exec(JSON.stringify(push.body));
  if (!match) throw new Error(`no "${label}" button in the done message`);
  return match[1]!;
}

const event = (userId: string, rest: Record<string, unknown>) => ({ events: [{ source: { type: 'user', userId }, ...rest }] });

/**
 * One case's full life, as a citizen and staff live it (decision 018): filed (from the OA chat, or not),
 * accepted, done, "แก้ไขแล้ว", a rating of 5. Returns the citizen and whether the case ended confirmed and rated.
 */
async function oneLife(fromChat: boolean): Promise<{ user: string; confirmed: boolean }> {
  const citizen = await signInCitizen(lineUserId());
  const user = citizen.userId;
  const ref = await fileAsCitizen(citizen, fromChat ? { case: { receiptByReply: true } } : {});
  await citizen.close();
  const trackingNo = await waitFor(
    'tracking number',
    async () => (await adminDb.doc(`complaints/${ref.id}`).get()).get('trackingNo') as string | undefined,
    30_000,
  );
  if (fromChat)
    await standin.webhook(event(user, { type: 'message', message: { id: '1', type: 'text', text: receiptRequestText(trackingNo), quoteToken: 'q' } }));
  await setStatusByHand(ref.id, 'accepted');
  await waitFor('accepted step', async () => (await timelineOf(ref.id)).some((e) => e.get('status') === 'accepted'), 30_000);
  await setStatusByHand(ref.id, 'done', { statusNote: 'ดำเนินการเรียบร้อย' });
  const done = await waitFor(
    'done message',
    async () => (await standin.deliveredPushes(user)).find((p) => JSON.stringify(p.body).includes(STATUS_LABELS_TH.done)),
    30_000,
  );
  await standin.webhook(event(user, { type: 'postback', postback: { data: postbackData(done, 'แก้ไขแล้ว') } }));
  const replies = async () => (await standin.requests('/v2/bot/message/reply')).filter((r) => r.status === 200 && JSON.stringify(r.body).includes('ให้คะแนน'));
  const rating = await waitFor('rating quick reply', async () => (await replies()).at(-1), 10_000);
  await standin.webhook(event(user, { type: 'postback', postback: { data: postbackData(rating, '★★★★★ 5') } }));
  const stored = await adminDb.doc(`complaints/${ref.id}`).get();
  return { user, confirmed: stored.get('status') === 'confirmed' && stored.get('feedback.rating') === 5 };
}

/**
 * `lifecycle` rows: pushes (paid) per case over filed → accepted → done → confirmed and rated, counted at
 * the LINE stand-in, for cases filed from the OA chat and from outside it; every answer to the citizen's
 * own action is a reply (free).
 */
export async function lifecycleRows(n: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const fromChat of [true, false]) {
    await standin.reset();
    const users: string[] = [];
    let confirmed = 0;
    for (let i = 0; i < n; i++) {
      const life = await oneLife(fromChat);
      users.push(life.user);
      if (life.confirmed) confirmed += 1;
    }
    // A receipt not taken by a reply is pushed after the wait: count once every receipt has settled.
    await new Promise((r) => setTimeout(r, notifications.receiptReplyWaitSeconds * 1000 + 3000));
    const pushes = (await standin.deliveredPushes()).filter((p) => users.includes(p.body.to!)).length;
    const replies = (await standin.requests('/v2/bot/message/reply')).filter((r) => r.status === 200).length;
    rows.push([
      `Pushes per case over a full life (filed ${fromChat ? 'from the OA chat' : 'outside the chat'} → accepted → done → confirmed + rated), ${n} cases`,
      `${pushes / n} pushes, ${replies / n} free replies; ${confirmed} of ${n} confirmed and rated`,
      '≤ 3 pushes',
    ]);
  }
  return rows;
}

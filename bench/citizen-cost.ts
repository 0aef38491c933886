import { parseMunicipalityConfig, receiptRequestText } from '@banmae/domain';
import rawConfig from '../config/municipality.json' with { type: 'json' };
import { adminDb } from '../test/support/admin.ts';
import { fileAsCitizen, signInCitizen } from '../test/support/citizen.ts';
import { lineUserId, waitFor } from '../test/support/stack.ts';
import { standin } from '../test/support/standin-client.ts';

const { limits, notifications } = parseMunicipalityConfig(rawConfig);

async function trackingNoOf(id: string): Promise<string> {
  return waitFor(`tracking number of ${id}`, async () => (await adminDb.doc(`complaints/${id}`).get()).get('trackingNo') as string | undefined);
}

/**
 * LINE pushes (the paid kind) per case filed, from the OA chat (the form says "ส่งเรื่อง …" and the
 * receipt is the reply) and from outside it, counted at the LINE stand-in once every receipt settled.
 */
export async function measurePushesPerFiling(n: number): Promise<{ fromChat: number; outsideChat: number }> {
  await standin.reset();
  const chatUsers: string[] = [];
  for (let i = 0; i < n; i++) {
    const citizen = await signInCitizen(lineUserId());
    const ref = await fileAsCitizen(citizen, { case: { receiptByReply: true } });
    await standin.webhook({
      events: [
        { type: 'message', source: { type: 'user', userId: citizen.userId }, message: { type: 'text', text: receiptRequestText(await trackingNoOf(ref.id)) } },
      ],
    });
    chatUsers.push(citizen.userId);
    await citizen.close();
  }
  const outsideUsers: string[] = [];
  for (let i = 0; i < n; i++) {
    const citizen = await signInCitizen(lineUserId());
    await fileAsCitizen(citizen);
    outsideUsers.push(citizen.userId);
    await citizen.close();
  }
  // Every receipt either replied or pushed: wait past the reply window for any late push.
  await new Promise((r) => setTimeout(r, notifications.receiptReplyWaitSeconds * 1000 + 3000));
  const pushes = await standin.deliveredPushes();
  const count = (users: string[]) => pushes.filter((p) => users.includes(p.body.to!)).length;
  return { fromChat: count(chatUsers) / n, outsideChat: count(outsideUsers) / n };
}

/** One citizen's script files as fast as it can: how many cases get in, and how many pushes they cost. */
export async function measureFilingBurst(attempts: number): Promise<{ filed: number; pushes: number }> {
  await standin.reset();
  const citizen = await signInCitizen(lineUserId());
  let filed = 0;
  for (let i = 0; i < attempts; i++) {
    if (
      await fileAsCitizen(citizen).then(
        () => true,
        () => false,
      )
    )
      filed += 1;
  }
  await new Promise((r) => setTimeout(r, 5000));
  const pushes = (await standin.deliveredPushes(citizen.userId)).length;
  await citizen.close();
  return { filed, pushes };
}

/** The most pushes one citizen can cause in a day, whatever they script: receipts are the only citizen-caused pushes. */
export const worstPushesPerCitizenPerDay = Math.min(limits.casesPerDay, limits.receiptPushesPerDay);

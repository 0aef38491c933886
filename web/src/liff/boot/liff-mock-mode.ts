import type liff from '@line/liff/core';
import { LiffMockPlugin } from '@line/liff-mock';
import { OA_CHAT_PARAM } from '@banmae/domain';
import { STANDIN_URL } from '../env.ts';

/**
 * LIFF outside LINE, for `npm start` and the browser tests: liff-mock answers the LIFF APIs, and the
 * LINE stand-in mints the ID token that lineAuth verifies, for the user in `?as=` (or the demo user).
 * Loaded only by the emulator build; the production bundle does not contain this module.
 */
type Liff = typeof liff;

export function installMock(sdk: Liff): void {
  // liff-mock is typed against the full SDK; the pluggable core accepts the same plugin at run time.
  sdk.use(new LiffMockPlugin() as unknown as Parameters<Liff['use']>[0]);
}

/** `?as=U…` acts as another citizen; without it the stand-in answers for its demo user. */
const as = () => new URLSearchParams(location.search).get('as');

export async function useStandinIdToken(sdk: Liff): Promise<void> {
  const user = as();
  const res = await fetch(`${STANDIN_URL}/__standin/id-token${user ? `?sub=${encodeURIComponent(user)}` : ''}`);
  if (!res.ok) throw new Error(`LINE stand-in: ${res.status}`);
  const { idToken, sub } = (await res.json()) as { idToken: string; sub?: string };
  // Opened "from the OA's chat" (?from=oa-chat): inside LINE, in the citizen's one-to-one chat with the OA.
  const fromChat = new URLSearchParams(location.search).get(OA_CHAT_PARAM.name) === OA_CHAT_PARAM.value;
  const context = { type: 'utou', utouId: 'UU-standin', userId: sub ?? user, viewType: 'full' };
  (sdk as unknown as { $mock: { set: (f: (p: object) => object) => void } }).$mock.set((p) => ({
    ...p,
    getIDToken: idToken,
    ...(fromChat ? { isInClient: true, getContext: context } : {}),
  }));
}

/** liff.sendMessages as LINE does it: the citizen's text arrives at the webhook, with a reply token. */
export async function sayThroughStandin(text: string): Promise<void> {
  const user = as();
  const res = await fetch(`${STANDIN_URL}/__standin/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ events: [{ type: 'message', ...(user ? { source: { userId: user } } : {}), message: { type: 'text', text } }] }),
  });
  if (!res.ok) throw new Error(`LINE stand-in: ${res.status}`);
}

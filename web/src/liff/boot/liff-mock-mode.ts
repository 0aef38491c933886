import type liff from '@line/liff/core';
import { LiffMockPlugin } from '@line/liff-mock';
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

export async function useStandinIdToken(sdk: Liff): Promise<void> {
  // `?as=U…` acts as another citizen; without it the stand-in answers for its demo user.
  const as = new URLSearchParams(location.search).get('as');
  const res = await fetch(`${STANDIN_URL}/__standin/id-token${as ? `?sub=${encodeURIComponent(as)}` : ''}`);
  if (!res.ok) throw new Error(`LINE stand-in: ${res.status}`);
  const { idToken } = (await res.json()) as { idToken: string };
  (sdk as unknown as { $mock: { set: (f: (p: object) => object) => void } }).$mock.set((p) => ({ ...p, getIDToken: idToken }));
}

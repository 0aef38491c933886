import liff from '@line/liff/core';
import IsInClient from '@line/liff/is-in-client';
import IsLoggedIn from '@line/liff/is-logged-in';
import Login from '@line/liff/login';
import GetIDToken from '@line/liff/get-id-token';
import CloseWindow from '@line/liff/close-window';
import { config, DEMO_LINE_USER, EMULATOR, STANDIN_URL } from '../env.ts';

/**
 * LIFF's pluggable core with only the modules this app calls (≈26 KB gz instead of 36 KB). A module
 * missing here fails in LINE but not under liff-mock, which adds every API: test/e2e checks this list.
 */
export const LIFF_MODULES = [IsInClient, IsLoggedIn, Login, GetIDToken, CloseWindow];

export interface LiffSession {
  idToken: string;
  isInClient: boolean;
  closeWindow: () => void;
}

async function installMock(): Promise<void> {
  // Only in the emulator build: the branch and the liff-mock chunk vanish from production bundles.
  const { LiffMockPlugin } = await import('@line/liff-mock');
  // liff-mock is typed against the full SDK; the pluggable core accepts the same plugin at run time.
  liff.use(new LiffMockPlugin() as unknown as Parameters<typeof liff.use>[0]);
}

async function mockIdToken(): Promise<string> {
  const as = new URLSearchParams(location.search).get('as') ?? DEMO_LINE_USER;
  const res = await fetch(`${STANDIN_URL}/__standin/id-token?sub=${encodeURIComponent(as)}`);
  if (!res.ok) throw new Error(`LINE stand-in: ${res.status}`);
  return ((await res.json()) as { idToken: string }).idToken;
}

/** Initialises LIFF and returns the raw ID token; the server verifies it, we never trust profile data. */
export async function startLiff(): Promise<LiffSession | 'redirecting'> {
  for (const Module of LIFF_MODULES) liff.use(new Module());
  if (EMULATOR) await installMock();
  await liff.init({ liffId: config.line.liffId, ...(EMULATOR ? { mock: true } : {}) });
  if (EMULATOR) {
    const token = await mockIdToken();
    (liff as unknown as { $mock: { set: (f: (p: object) => object) => void } }).$mock.set((p) => ({ ...p, getIDToken: token }));
  }
  if (!liff.isLoggedIn()) {
    // In LINE's browser the user is already logged in; elsewhere login() leaves for LINE Login and
    // comes back. liff-mock logs in on the spot.
    liff.login({ redirectUri: location.href });
    if (!EMULATOR) return 'redirecting';
  }
  const idToken = liff.getIDToken();
  if (!idToken) throw new Error('LIFF returned no ID token: the LIFF app needs the openid scope');
  return { idToken, isInClient: liff.isInClient(), closeWindow: () => liff.closeWindow() };
}

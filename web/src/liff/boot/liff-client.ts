import liff from '@line/liff/core';
import IsInClient from '@line/liff/is-in-client';
import IsLoggedIn from '@line/liff/is-logged-in';
import Login from '@line/liff/login';
import GetIDToken from '@line/liff/get-id-token';
import CloseWindow from '@line/liff/close-window';
import GetContext from '@line/liff/get-context';
import SendMessages from '@line/liff/send-messages';
import { OA_CHAT_PARAM } from '@banmae/domain';
import { config, EMULATOR } from '../env.ts';

/**
 * LIFF's pluggable core with only the modules this app calls (≈26 KB gz instead of 36 KB). A module
 * missing here fails in LINE but not under liff-mock, which adds every API: test/e2e checks this list.
 */
export const LIFF_MODULES = [IsInClient, IsLoggedIn, Login, GetIDToken, CloseWindow, GetContext, SendMessages];

export interface LiffSession {
  idToken: string;
  isInClient: boolean;
  closeWindow: () => void;
  /**
   * Sends a text as the citizen into the OA's chat, when the page was opened from it: inside LINE, from
   * a one-to-one chat, through the OA's menu link (OA_CHAT_PARAM). Null anywhere else.
   */
  sayInChat: ((text: string) => Promise<void>) | null;
}

function openedFromOaChat(sdk: typeof liff): boolean {
  const marked = new URLSearchParams(location.search).get(OA_CHAT_PARAM.name) === OA_CHAT_PARAM.value;
  return marked && sdk.isInClient() && sdk.getContext()?.type === 'utou';
}

/** Initialises LIFF and returns the raw ID token; the server verifies it, we never trust profile data. */
export async function startLiff(): Promise<LiffSession | 'redirecting'> {
  // The modules' install() signatures differ, which liff.use's typing cannot express for a list.
  for (const Module of LIFF_MODULES as unknown as (new () => Parameters<typeof liff.use>[0])[]) liff.use(new Module());
  // Written out (not the EMULATOR constant) so the production build drops the branch and its chunk.
  const mock = import.meta.env.MODE === 'emulator' ? await import('./liff-mock-mode.ts') : null;
  mock?.installMock(liff);
  await liff.init({ liffId: config.line.liffId, ...(mock ? { mock: true } : {}) });
  await mock?.useStandinIdToken(liff);
  if (!liff.isLoggedIn()) {
    // In LINE's browser the user is already logged in; elsewhere login() leaves for LINE Login and
    // comes back. liff-mock logs in on the spot.
    liff.login({ redirectUri: location.href });
    if (!EMULATOR) return 'redirecting';
  }
  const idToken = liff.getIDToken();
  if (!idToken) throw new Error('LIFF returned no ID token: the LIFF app needs the openid scope');
  // Under liff-mock the text goes to the LINE stand-in, which delivers it to the webhook as LINE would.
  const send = mock?.sayThroughStandin ?? ((text: string) => liff.sendMessages([{ type: 'text', text }]));
  return { idToken, isInClient: liff.isInClient(), closeWindow: () => liff.closeWindow(), sayInChat: openedFromOaChat(liff) ? send : null };
}

import liff from '@line/liff/core';
import IsInClient from '@line/liff/is-in-client';
import IsLoggedIn from '@line/liff/is-logged-in';
import Login from '@line/liff/login';
import GetIDToken from '@line/liff/get-id-token';
import CloseWindow from '@line/liff/close-window';
import { OA_CHAT_PARAM } from '@banmae/domain';
import type { SayInChat } from './liff-chat.ts';
import { config, EMULATOR } from '../env.ts';

/**
 * LIFF's pluggable core with only the modules this app calls (≈26 KB gz instead of 36 KB). A module
 * missing here fails in LINE but not under liff-mock, which adds every API: test/e2e checks this list.
 */
export const LIFF_MODULES = [IsInClient, IsLoggedIn, Login, GetIDToken, CloseWindow];

export interface LiffSession {
  idToken: string;
  isInClient: boolean;
  closeWindow: () => void;
  /**
   * Sends a text as the citizen into the OA's chat, when the page was opened from it: inside LINE, from
   * a one-to-one chat, through the OA's menu link (OA_CHAT_PARAM). Resolves to null anywhere else; the
   * modules it needs load after the form is usable (liff-chat.ts).
   */
  sayInChat: Promise<SayInChat | null>;
}

async function oaChatSayer(mocked: SayInChat | null): Promise<SayInChat | null> {
  const marked = new URLSearchParams(location.search).get(OA_CHAT_PARAM.name) === OA_CHAT_PARAM.value;
  if (!marked || !liff.isInClient()) return null;
  return (await import('./liff-chat.ts')).chatSayer(mocked);
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
  const sayInChat = oaChatSayer(mock?.sayThroughStandin ?? null).catch((err: unknown) => {
    console.warn('chat modules did not load; the receipt will be pushed', err);
    return null;
  });
  return { idToken, isInClient: liff.isInClient(), closeWindow: () => liff.closeWindow(), sayInChat };
}

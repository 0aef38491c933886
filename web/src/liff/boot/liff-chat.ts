import liff from '@line/liff/core';
import GetContext from '@line/liff/get-context';
import SendMessages from '@line/liff/send-messages';

export type SayInChat = (text: string) => Promise<void>;

/**
 * The LIFF modules for saying the tracking number in the OA's chat (decision 012), in their own chunk:
 * only a form opened from the chat loads them, after it is usable, so they add nothing to the ~90 KB
 * before the first field (issue 11). Under liff-mock every API is already there (`mocked`).
 */
export function chatSayer(mocked: SayInChat | null): SayInChat | null {
  if (!mocked) {
    for (const Module of [GetContext, SendMessages] as unknown as (new () => Parameters<typeof liff.use>[0])[]) liff.use(new Module());
  }
  if (liff.getContext()?.type !== 'utou') return null;
  return mocked ?? ((text: string) => liff.sendMessages([{ type: 'text', text }]));
}

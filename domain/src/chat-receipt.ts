/**
 * The receipt as a free reply (docs/decisions/012): when the form was opened from the OA's own chat, it
 * sends the citizen's "ส่งเรื่อง BM-2569-00042" into that chat (liff.sendMessages), and the webhook
 * answers that message with the receipt. A push, which costs quota, is only the fallback.
 */

/** The OA's chat menus open the form with this query parameter: a LIFF link shared into a friend's chat does not carry it. */
export const OA_CHAT_PARAM = { name: 'from', value: 'oa-chat' } as const;

const WORD = 'ส่งเรื่อง';

/** What the citizen's phone sends into the chat after filing. */
export function receiptRequestText(trackingNo: string): string {
  return `${WORD} ${trackingNo}`;
}

/** The tracking number of a receipt request, or null for any other text (bounded: never scans a long text). */
export function parseReceiptRequest(text: string, prefix: string): string | null {
  if (text.length > 40) return null;
  const m = new RegExp(`^\\s*${WORD}\\s+(${prefix}-\\d{4}-\\d{5,7})\\s*$`, 'i').exec(text);
  return m ? m[1]!.toUpperCase() : null;
}

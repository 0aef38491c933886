import type { messagingApi } from '@line/bot-sdk';
import { truncateGraphemes } from '@banmae/domain';
import type { CaseSummary } from '../../complaints/citizen-cases.js';
import { caseBubble } from './case-bubble.js';
import { linkButton } from './card-bubble.js';
import { freeText } from './free-text.js';

/** LINE's carousel limit (PLATFORM-FACTS.md): 12 bubbles. With more cases, the 12th links to the full list. */
export const CAROUSEL_MAX = 12;
/**
 * How many tracking numbers of one chat message are looked up: one Firestore `in` query, a carousel
 * without its overflow bubble, and an echo of the unknown ones that stays far below 5,000 characters.
 */
export const TRACKING_NOS_PER_MESSAGE = 10;

function caseCard(c: CaseSummary, liffBase: string): messagingApi.FlexBubble {
  return caseBubble({
    headline: 'สถานะเรื่อง',
    trackingNo: c.trackingNo ?? 'กำลังออกเลขที่',
    subject: c.subject,
    status: c.status,
    at: c.changedAt,
    detailUrl: `${liffBase}/cases/${encodeURIComponent(c.id)}`,
  });
}

function linkBubble(title: string, body: string, label: string, uri: string): messagingApi.FlexBubble {
  return {
    type: 'bubble',
    size: 'kilo',
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'md',
      contents: [
        { type: 'text', text: title, weight: 'bold', size: 'md', wrap: true },
        { type: 'text', text: body, size: 'sm', color: '#555555', wrap: true },
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      contents: [linkButton(label, uri)],
    },
  };
}

/** The answer to "ติดตามสถานะ": a carousel of the newest cases, or an invitation to file one. */
export function statusReply(cases: CaseSummary[], total: number, liffBase: string): messagingApi.Message[] {
  if (cases.length === 0) {
    const bubble = linkBubble('ท่านยังไม่มีเรื่องที่แจ้งไว้', 'แจ้งเรื่องร้องเรียน ร้องทุกข์ หรือขอรับบริการได้ที่นี่', 'แจ้งเรื่อง', `${liffBase}/`);
    return [{ type: 'flex', altText: 'ท่านยังไม่มีเรื่องที่แจ้งไว้', contents: bubble }];
  }
  const overflow = total > CAROUSEL_MAX;
  const shown = cases.slice(0, overflow ? CAROUSEL_MAX - 1 : CAROUSEL_MAX);
  const bubbles = shown.map((c) => caseCard(c, liffBase));
  if (overflow) bubbles.push(linkBubble(`เรื่องทั้งหมดของท่าน ${total} เรื่อง`, `แสดง ${shown.length} เรื่องล่าสุดด้านซ้าย`, 'ดูทั้งหมด', `${liffBase}/cases`));
  const listed = shown.map((c) => `${c.trackingNo ?? ''} ${freeText(c.subject, 40)}`).join(', ');
  const altText = truncateGraphemes(`สถานะเรื่องของท่าน ${total} เรื่อง: ${listed}`, 400);
  return [{ type: 'flex', altText, contents: { type: 'carousel', contents: bubbles } }];
}

/**
 * The answer to tracking numbers typed in chat: the citizen's cases among them, then a line naming the
 * ones not found. `asked` holds at most TRACKING_NOS_PER_MESSAGE well-formed numbers, so the echo stays
 * short whatever the citizen typed; `capped` says the message had more, which were not checked.
 */
export function trackingNoReply(found: CaseSummary[], asked: string[], capped: boolean, liffBase: string): messagingApi.Message[] {
  const messages = found.length > 0 ? statusReply(found, found.length, liffBase) : [];
  const foundNos = new Set(found.map((c) => c.trackingNo));
  const missing = asked.filter((no) => !foundNos.has(no));
  const lines: string[] = [];
  if (missing.length > 0) lines.push(`ไม่พบเรื่องเลขที่ ${missing.join(', ')} ในรายการของท่าน กรุณาตรวจสอบเลขที่เรื่อง หรือกดเมนู “ติดตามสถานะ”`);
  if (capped) lines.push(`ข้อความของท่านมีเลขที่เรื่องหลายเลขที่ จึงตรวจสอบเฉพาะ ${TRACKING_NOS_PER_MESSAGE} เลขที่แรก`);
  if (lines.length > 0) messages.push({ type: 'text', text: lines.join('\n') });
  return messages;
}

/** The citizen typed "BM-" and digits that make no tracking number (too many digits, no year...). */
export function malformedTrackingNoReply(prefix: string): messagingApi.Message[] {
  const example = `${prefix}-2569-00042`;
  return [{ type: 'text', text: `เลขที่เรื่องไม่ถูกต้อง เลขที่เรื่องมีรูปแบบ ${example} (ปี พ.ศ. และลำดับเรื่อง) กรุณาตรวจสอบอีกครั้ง หรือกดเมนู “ติดตามสถานะ” เพื่อดูเรื่องทั้งหมดของท่าน` }];
}

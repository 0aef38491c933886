import type { messagingApi } from '@line/bot-sdk';
import { truncateGraphemes } from '@banmae/domain';
import type { CaseSummary } from '../../complaints/citizen-cases.js';
import { caseBubble } from './case-bubble.js';

/** LINE's carousel limit (PLATFORM-FACTS.md): 12 bubbles. With more cases, the 12th links to the full list. */
export const CAROUSEL_MAX = 12;

function caseCard(c: CaseSummary, liffBase: string): messagingApi.FlexBubble {
  return caseBubble({
    headline: 'สถานะเรื่อง',
    trackingNo: c.trackingNo ?? 'กำลังออกเลขที่',
    subject: c.subject,
    status: c.status,
    at: c.changedAt,
    detailUrl: `${liffBase}/cases/${c.id}`,
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
      contents: [{ type: 'button', style: 'primary', color: '#1d4f91', height: 'sm', action: { type: 'uri', label, uri } }],
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
  const altText = truncateGraphemes(`สถานะเรื่องของท่าน ${total} เรื่อง: ` + shown.map((c) => `${c.trackingNo ?? ''} ${c.subject}`).join(', '), 400);
  return [{ type: 'flex', altText, contents: { type: 'carousel', contents: bubbles } }];
}

export function notFoundReply(trackingNos: string[]): messagingApi.Message[] {
  return [{ type: 'text', text: `ไม่พบเรื่องเลขที่ ${trackingNos.join(', ')} ในรายการของท่าน กรุณาตรวจสอบเลขที่เรื่อง หรือกดเมนู “ติดตามสถานะ”` }];
}

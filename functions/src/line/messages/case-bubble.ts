import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDateTime, STATUS_COLOURS, STATUS_LABELS_TH, truncateGraphemes, type Status } from '@banmae/domain';
import { cardBubble, cardRow, linkButton } from './card-bubble.js';
import { freeText } from './free-text.js';

export interface CaseCard {
  headline: string;
  trackingNo: string;
  subject: string;
  status: Status;
  note?: string | null;
  at: Date;
  detailUrl: string;
  /** Buttons above "รายละเอียด": the "done" message's "แก้ไขแล้ว / ยังไม่ได้แก้ไข" (feedback-messages.ts). */
  buttons?: messagingApi.FlexButton[];
}

// Short texts keep a carousel of 12 bubbles far below LINE's 50 KB limit.
const SUBJECT_MAX = 80;
const NOTE_MAX = 300;

/**
 * One case as a Flex bubble: the receipt, a status-change message and a card of the "ติดตามสถานะ"
 * carousel all use it. It carries no personal data (no ID number, phone or location: PDPA), and the
 * subject and note, written by people, go out with any ID or phone number in them masked.
 */
export function caseBubble(c: CaseCard): messagingApi.FlexBubble {
  return cardBubble({
    heading: [
      { type: 'text', text: c.headline, weight: 'bold', size: 'md', color: '#111111', wrap: true },
      { type: 'text', text: STATUS_LABELS_TH[c.status], weight: 'bold', size: 'lg', color: STATUS_COLOURS[c.status], wrap: true, margin: 'md' },
    ],
    rows: [cardRow('เลขที่', c.trackingNo, true), cardRow('เรื่อง', freeText(c.subject, SUBJECT_MAX)), cardRow('เมื่อ', formatThaiDateTime(c.at))],
    after: c.note?.trim() ? [{ type: 'text', text: freeText(c.note, NOTE_MAX), size: 'sm', color: '#333333', wrap: true, margin: 'md' }] : [],
    buttons: [...(c.buttons ?? []), linkButton('รายละเอียด', c.detailUrl, c.buttons?.length ? 'link' : 'primary')],
    buttonSpacing: 'sm',
  });
}

/** altText is what the chat list and notifications show; LINE allows 1,500 characters, we keep it short. */
export function caseAltText(c: Pick<CaseCard, 'headline' | 'trackingNo' | 'status'>): string {
  return truncateGraphemes(`${c.headline} ${c.trackingNo}: ${STATUS_LABELS_TH[c.status]}`, 400);
}

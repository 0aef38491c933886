import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate, formatThaiDateTime, truncateGraphemes } from '@banmae/domain';
import { cardBubble, cardRow, linkButton } from '../line/messages/card-bubble.js';
import { freeText } from '../line/messages/free-text.js';

export interface NewCaseCard {
  trackingNo: string;
  categoryTh: string;
  departmentTh: string;
  subject: string;
  filedAt: Date;
  /** Midnight after the last working day allowed (domain dueAt). */
  dueAt: Date;
  deskUrl: string;
}

const SUBJECT_MAX = 80;

/**
 * The card a department's LINE group gets for a new case. A group has many members, some not staff:
 * it carries the case's number, category, subject (ID and phone numbers masked) and when it was filed,
 * never the reporter's name, phone, ID or location; staff open the case in the desk for the rest.
 */
export function newCaseCard(c: NewCaseCard): messagingApi.FlexMessage {
  const lastDay = new Date(c.dueAt.getTime() - 1);
  return {
    type: 'flex',
    altText: truncateGraphemes(`เรื่องใหม่ ${c.trackingNo}: ${c.categoryTh}`, 400),
    contents: cardBubble({
      heading: [
        { type: 'text', text: 'เรื่องใหม่', weight: 'bold', size: 'lg', color: '#1d4f91' },
        { type: 'text', text: c.departmentTh, size: 'sm', color: '#6b6b6b', wrap: true },
      ],
      rows: [
        cardRow('เลขที่', c.trackingNo, true),
        cardRow('ประเภท', c.categoryTh),
        cardRow('เรื่อง', freeText(c.subject, SUBJECT_MAX)),
        cardRow('ยื่นเมื่อ', formatThaiDateTime(c.filedAt)),
        cardRow('กำหนดเสร็จ', formatThaiDate(lastDay)),
      ],
      buttons: [linkButton('เปิดในระบบ', c.deskUrl)],
    }),
  };
}

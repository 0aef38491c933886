import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate, formatThaiDateTime, truncateGraphemes } from '@banmae/domain';
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

function row(label: string, value: string, bold = false): messagingApi.FlexBox {
  return {
    type: 'box',
    layout: 'baseline',
    spacing: 'sm',
    contents: [
      { type: 'text', text: label, size: 'sm', color: '#6b6b6b', flex: 3 },
      { type: 'text', text: value, size: 'sm', color: '#111111', flex: 7, wrap: true, weight: bold ? 'bold' : 'regular' },
    ],
  };
}

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
    contents: {
      type: 'bubble',
      size: 'kilo',
      body: {
        type: 'box',
        layout: 'vertical',
        contents: [
          { type: 'text', text: 'เรื่องใหม่', weight: 'bold', size: 'lg', color: '#1d4f91' },
          { type: 'text', text: c.departmentTh, size: 'sm', color: '#6b6b6b', wrap: true },
          { type: 'separator', margin: 'md' },
          {
            type: 'box',
            layout: 'vertical',
            margin: 'md',
            spacing: 'sm',
            contents: [
              row('เลขที่', c.trackingNo, true),
              row('ประเภท', c.categoryTh),
              row('เรื่อง', freeText(c.subject, SUBJECT_MAX)),
              row('ยื่นเมื่อ', formatThaiDateTime(c.filedAt)),
              row('กำหนดเสร็จ', formatThaiDate(lastDay)),
            ],
          },
        ],
      },
      footer: {
        type: 'box',
        layout: 'vertical',
        contents: [{ type: 'button', style: 'primary', height: 'sm', color: '#1d4f91', action: { type: 'uri', label: 'เปิดในระบบ', uri: c.deskUrl } }],
      },
    },
  };
}

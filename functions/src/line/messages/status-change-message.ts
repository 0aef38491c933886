import type { messagingApi } from '@line/bot-sdk';
import { caseAltText, caseBubble, type CaseCard } from './case-bubble.js';

/** Pushed when staff move a case: new status in Thai, their public note, and "รายละเอียด". */
export function statusChangeMessage(c: Omit<CaseCard, 'headline'>): messagingApi.FlexMessage {
  const card = { ...c, headline: 'อัปเดตสถานะเรื่องของท่าน' };
  return { type: 'flex', altText: caseAltText(card), contents: caseBubble(card) };
}

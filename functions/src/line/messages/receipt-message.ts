import type { messagingApi } from '@line/bot-sdk';
import { caseAltText, caseBubble, type CaseCard } from './case-bubble.js';

/** The receipt the citizen gets after filing: tracking number and subject, nothing personal. */
export function receiptMessage(c: Omit<CaseCard, 'headline'>): messagingApi.FlexMessage {
  const card = { ...c, headline: 'ได้รับเรื่องของท่านแล้ว' };
  return { type: 'flex', altText: caseAltText(card), contents: caseBubble(card) };
}

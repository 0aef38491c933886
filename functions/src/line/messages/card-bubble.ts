import type { messagingApi } from '@line/bot-sdk';

/**
 * The layout every case card shares, the citizen's (case-bubble.ts) and the department group's
 * (group-alerts/new-case-card.ts): a heading, a separator, label–value rows, then buttons in the
 * footer. One place, so the two cards keep looking alike when one changes.
 */
export interface CardParts {
  /** What comes above the separator: the title and the line under it. */
  heading: messagingApi.FlexComponent[];
  rows: messagingApi.FlexBox[];
  /** What follows the rows in the body (a staff note). */
  after?: messagingApi.FlexComponent[];
  buttons: messagingApi.FlexButton[];
  /** Room between the footer's buttons; a footer of one button needs none. */
  buttonSpacing?: messagingApi.FlexBox['spacing'];
}

/** One label–value line: the label grey and narrow, the value wrapping beside it. */
export function cardRow(label: string, value: string, bold = false): messagingApi.FlexBox {
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

/** A button that opens a page, in the municipality's blue. */
export function linkButton(label: string, uri: string, style: 'primary' | 'link' = 'primary'): messagingApi.FlexButton {
  return { type: 'button', style, height: 'sm', color: '#1d4f91', action: { type: 'uri', label, uri } };
}

export function cardBubble(p: CardParts): messagingApi.FlexBubble {
  return {
    type: 'bubble',
    size: 'kilo',
    body: {
      type: 'box',
      layout: 'vertical',
      contents: [
        ...p.heading,
        { type: 'separator', margin: 'md' },
        { type: 'box', layout: 'vertical', margin: 'md', spacing: 'sm', contents: p.rows },
        ...(p.after ?? []),
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      ...(p.buttonSpacing ? { spacing: p.buttonSpacing } : {}),
      contents: p.buttons,
    },
  };
}

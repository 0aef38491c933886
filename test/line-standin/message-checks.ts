/**
 * The parts of LINE's request validation that this project can trip over, with LINE's limits
 * (PLATFORM-FACTS.md): 1-5 messages, text ≤ 5,000 chars, Flex altText ≤ 1,500, bubble ≤ 30 KB,
 * carousel ≤ 12 bubbles and ≤ 50 KB, an action's label ≤ 20 and its URI ≤ 1,000 characters (http,
 * https, line or tel). Text lengths count UTF-16 units, action labels graphemes, as LINE counts them.
 * Returns LINE-style error details, empty when the body is fine.
 */
export interface LineErrorDetail {
  message: string;
  property: string;
}

const BUBBLE_MAX_BYTES = 30 * 1024;
const CAROUSEL_MAX_BYTES = 50 * 1024;
const ACTION_LABEL_MAX = 20;
const ACTION_URI_MAX = 1000;
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

function checkAction(a: Record<string, unknown>, at: string, details: LineErrorDetail[]): void {
  if (typeof a.label === 'string' && [...graphemes.segment(a.label)].length > ACTION_LABEL_MAX) {
    details.push({ message: `Length must be between 0 and ${ACTION_LABEL_MAX}`, property: `${at}.label` });
  }
  if (a.type !== 'uri') return;
  const uri = a.uri;
  if (typeof uri !== 'string' || uri.length > ACTION_URI_MAX || !/^(https?|line|tel):/.test(uri)) {
    details.push({ message: `must be an http, https, line or tel URI of at most ${ACTION_URI_MAX} characters`, property: `${at}.uri` });
  }
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** LINE refuses a Flex text component with empty text (and a button without a label). */
function checkComponents(node: unknown, at: string, details: LineErrorDetail[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => checkComponents(n, `${at}[${i}]`, details));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (n.type === 'text' && (typeof n.text !== 'string' || n.text === '') && !Array.isArray(n.contents)) {
    details.push({ message: 'must be non-empty text', property: `${at}.text` });
  }
  if (n.action && typeof n.action === 'object') checkAction(n.action as Record<string, unknown>, `${at}.action`, details);
  for (const [key, value] of Object.entries(n)) if (typeof value === 'object') checkComponents(value, `${at}.${key}`, details);
}

function checkFlexContents(contents: unknown, at: string, details: LineErrorDetail[]): void {
  const c = contents as { type?: string; contents?: unknown[] } | undefined;
  if (c?.type === 'bubble') {
    if (bytes(c) > BUBBLE_MAX_BYTES) details.push({ message: 'size must be at most 30KB', property: at });
    checkComponents(c, at, details);
    return;
  }
  if (c?.type === 'carousel') {
    const bubbles = Array.isArray(c.contents) ? c.contents : [];
    if (bubbles.length < 1 || bubbles.length > 12) details.push({ message: 'must be between 1 and 12', property: `${at}.contents` });
    if (bytes(c) > CAROUSEL_MAX_BYTES) details.push({ message: 'size must be at most 50KB', property: at });
    bubbles.forEach((b, i) => checkFlexContents(b, `${at}.contents[${i}]`, details));
    return;
  }
  details.push({ message: 'must be specified', property: `${at}.type` });
}

function checkMessage(m: Record<string, unknown>, at: string, details: LineErrorDetail[]): void {
  switch (m.type) {
    case 'text': {
      const text = m.text;
      if (typeof text !== 'string' || text.length === 0) details.push({ message: 'must be specified', property: `${at}.text` });
      else if (text.length > 5000) details.push({ message: 'Length must be between 0 and 5000', property: `${at}.text` });
      return;
    }
    case 'flex': {
      const alt = m.altText;
      if (typeof alt !== 'string' || alt.length === 0) details.push({ message: 'must be specified', property: `${at}.altText` });
      else if (alt.length > 1500) details.push({ message: 'Length must be between 0 and 1500', property: `${at}.altText` });
      checkFlexContents(m.contents, `${at}.contents`, details);
      return;
    }
    default:
      details.push({ message: 'Must be one of the following values: [text, flex]', property: `${at}.type` });
  }
}

export function checkMessages(messages: unknown): LineErrorDetail[] {
  const details: LineErrorDetail[] = [];
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
    details.push({ message: 'Size must be between 1 and 5', property: 'messages' });
    return details;
  }
  messages.forEach((m, i) => checkMessage((m ?? {}) as Record<string, unknown>, `messages[${i}]`, details));
  return details;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

import { createHash } from 'node:crypto';

/**
 * X-Line-Retry-Key must be a UUID and the same on every attempt of one message (LINE keeps it 24 h).
 * Deriving it from the trigger's event and the timeline entry makes a second run of the trigger send
 * the same key, so LINE delivers the message once (a repeat answers 409).
 */
export function retryKeyFor(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest();
  h[6] = (h[6]! & 0x0f) | 0x50; // version 5 layout (name-based)
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

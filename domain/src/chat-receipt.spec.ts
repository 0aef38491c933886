import { describe, expect, it } from 'vitest';
import { parseReceiptRequest, receiptRequestText } from './chat-receipt.ts';

describe('the receipt request the form sends into the chat', () => {
  it('round-trips through the webhook parser', () => {
    expect(parseReceiptRequest(receiptRequestText('BM-2569-00042'), 'BM')).toBe('BM-2569-00042');
  });
  it('ignores other texts, other prefixes and unbounded numbers', () => {
    expect(parseReceiptRequest('BM-2569-00042', 'BM')).toBeNull();
    expect(parseReceiptRequest('ส่งเรื่อง XX-2569-00042', 'BM')).toBeNull();
    expect(parseReceiptRequest('ส่งเรื่อง BM-2569-00042 ด่วน', 'BM')).toBeNull();
    expect(parseReceiptRequest(`ส่งเรื่อง BM-2569-${'1'.repeat(5000)}`, 'BM')).toBeNull();
  });
});

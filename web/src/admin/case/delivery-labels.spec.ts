import { describe, expect, it } from 'vitest';
import type { Delivery } from '@banmae/domain';
import { deliveryLabel } from './delivery-labels.ts';

const base = { attempts: 1, lastError: null };

describe('the LINE delivery state a clerk reads on each timeline step', () => {
  const table: { description: string; input: Delivery | null; want: { text: string; detail: string | null; resendable: boolean } }[] = [
    { description: 'sent', input: { ...base, state: 'sent' }, want: { text: 'ส่งแล้ว', detail: null, resendable: false } },
    {
      description: 'failed, with LINE’s reason, and can be sent again',
      input: { ...base, state: 'failed', lastError: '400 The property, to, in the request body is invalid' },
      want: { text: 'ส่งไม่สำเร็จ', detail: '400 The property, to, in the request body is invalid', resendable: true },
    },
    {
      description: 'skipped: notifications switched off',
      input: { ...base, state: 'skipped', reason: 'disabled' },
      want: { text: 'ข้ามการส่ง', detail: 'ปิดการแจ้งเตือน', resendable: false },
    },
    {
      description: 'skipped: the citizen unfollowed',
      input: { ...base, state: 'skipped', reason: 'unfollowed' },
      want: { text: 'ข้ามการส่ง', detail: 'ผู้ใช้เลิกติดตาม', resendable: false },
    },
    {
      description: 'skipped: the status does not notify',
      input: { ...base, state: 'skipped', reason: 'not_notified_status' },
      want: { text: 'ข้ามการส่ง', detail: 'สถานะนี้ไม่แจ้ง', resendable: false },
    },
    {
      description: 'skipped: a newer status came first',
      input: { ...base, state: 'skipped', reason: 'superseded' },
      want: { text: 'ข้ามการส่ง', detail: 'มีสถานะใหม่กว่า', resendable: false },
    },
    {
      description: 'failed for good after 24 h of retries: staff should phone, and may try once more',
      input: { ...base, state: 'failed', reason: 'retry_window_over', lastError: '500 Internal server error' },
      want: { text: 'ส่งไม่สำเร็จ', detail: 'LINE ไม่ยืนยันการส่งภายใน 24 ชั่วโมง โปรดโทรแจ้งผู้แจ้ง', resendable: true },
    },
    {
      description: 'unknown: an attempt went unanswered; not a failure, and not for the clerk to resend',
      input: { ...base, state: 'unknown', lastError: 'network: Error: no answer from LINE within 5000 ms' },
      want: { text: 'ยังไม่ทราบผลจาก LINE', detail: 'ระบบจะลองส่งอีกครั้งโดยอัตโนมัติ ผู้แจ้งจะได้รับไม่เกินหนึ่งครั้ง', resendable: false },
    },
    {
      description: 'pending after LINE said "not now": being retried',
      input: { ...base, state: 'pending', lastError: '429 The API rate limit has been exceeded.' },
      want: { text: 'รอส่ง', detail: 'ระบบจะลองส่งอีกครั้งโดยอัตโนมัติ ผู้แจ้งจะได้รับไม่เกินหนึ่งครั้ง', resendable: false },
    },
    { description: 'pending', input: { ...base, state: 'pending' }, want: { text: 'รอส่ง', detail: null, resendable: false } },
    { description: 'no delivery recorded yet', input: null, want: { text: 'รอส่ง', detail: null, resendable: false } },
  ];
  it.each(table)('$description', ({ input, want }) => {
    expect(deliveryLabel(input)).toMatchObject(want);
  });
});

import { nationalIdCheckDigit } from '@banmae/domain';

/** A valid 13-digit national ID built from 12 digits (test data, not a real person's). */
export function nationalId(first12 = '110170023070'): string {
  return first12 + String(nationalIdCheckDigit(first12));
}

/** The case fields a citizen's create carries, as the LIFF form writes them (createdAt added by the caller). */
export function complaintFields(owner: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    owner,
    kind: 'complaint',
    category: 'road',
    subject: 'ไฟถนนดับหน้าวัด',
    details: 'ไฟถนนหน้าวัดบ้านแม่ดับมาสามคืนแล้ว มืดมาก',
    hasLocation: false,
    privacyNoticeVersion: '2569-11-v1',
    status: 'received',
    ...over,
  };
}

/** The private reporter document that goes with a case (complaints/{id}/private/reporter). */
export function reporterFields(owner: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { owner, name: 'สมชาย ใจดี', nationalId: nationalId(), phone: '0812345678', ...over };
}

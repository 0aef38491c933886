import type { Delivery } from '@banmae/domain';

/**
 * Each timeline step's LINE message state, as a clerk reads it: sent, failed with LINE's own reason,
 * skipped and why, or still waiting. Nothing fails silently (mysociety/fixmystreet's outbox habit).
 */
const SKIP_REASONS_TH: Record<NonNullable<Delivery['reason']>, string> = {
  disabled: 'ปิดการแจ้งเตือน',
  unfollowed: 'ผู้ใช้เลิกติดตาม',
  not_notified_status: 'สถานะนี้ไม่แจ้ง',
  superseded: 'มีสถานะใหม่กว่า',
  citizen_cap: 'ครบจำนวนใบรับเรื่องที่ส่งให้ผู้แจ้งรายนี้ในวันนี้',
  retry_window_over: 'LINE ไม่ยืนยันการส่งภายใน 24 ชั่วโมง โปรดโทรแจ้งผู้แจ้ง',
};

/** The sweeper keeps trying for 24 h with the same retry key (docs/decisions/014): nothing for the clerk to do yet. */
const RETRYING = 'ระบบจะลองส่งอีกครั้งโดยอัตโนมัติ ผู้แจ้งจะได้รับไม่เกินหนึ่งครั้ง';

export interface DeliveryLabel {
  tone: 'ok' | 'failed' | 'skipped' | 'pending';
  text: string;
  /** LINE's answer for a failure, or why it was skipped. */
  detail: string | null;
  resendable: boolean;
}

export function deliveryLabel(d: Delivery | null): DeliveryLabel {
  if (!d) return { tone: 'pending', text: 'รอส่ง', detail: null, resendable: false };
  switch (d.state) {
    case 'sent':
      return { tone: 'ok', text: 'ส่งแล้ว', detail: d.via === 'reply' ? 'ตอบกลับในแชท (ไม่เสียโควตา)' : null, resendable: false };
    case 'failed':
      return { tone: 'failed', text: 'ส่งไม่สำเร็จ', detail: d.reason ? SKIP_REASONS_TH[d.reason] : (d.lastError ?? 'ไม่ทราบสาเหตุ'), resendable: true };
    case 'unknown':
      // An attempt went unanswered: LINE may have delivered it. Saying "failed" would have staff resend or phone needlessly.
      return { tone: 'pending', text: 'ยังไม่ทราบผลจาก LINE', detail: RETRYING, resendable: false };
    case 'skipped':
      return { tone: 'skipped', text: 'ข้ามการส่ง', detail: d.reason ? SKIP_REASONS_TH[d.reason] : null, resendable: false };
    default:
      return { tone: 'pending', text: 'รอส่ง', detail: d.lastError ? RETRYING : null, resendable: false };
  }
}

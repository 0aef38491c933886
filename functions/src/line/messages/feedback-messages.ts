import type { messagingApi } from '@line/bot-sdk';
import { RATINGS, STATUS_LABELS_TH } from '@banmae/domain';
import { feedbackPostbackData } from '../feedback-postback.js';

/** The buttons of a "done" message: the citizen's answer comes back as a postback (decision 018). */
export function feedbackButtons(caseId: string, token: string): messagingApi.FlexButton[] {
  const button = (label: string, kind: 'fixed' | 'not_fixed', color: string): messagingApi.FlexButton => ({
    type: 'button',
    style: 'primary',
    height: 'sm',
    color,
    action: { type: 'postback', label, data: feedbackPostbackData({ action: { kind }, caseId, token }), displayText: label },
  });
  return [button('แก้ไขแล้ว', 'fixed', '#1e7d32'), button('ยังไม่ได้แก้ไข', 'not_fixed', '#b3261e')];
}

const text = (t: string, quickReply?: messagingApi.QuickReply): messagingApi.TextMessage => ({ type: 'text', text: t, ...(quickReply ? { quickReply } : {}) });

/** "แก้ไขแล้ว": thanks, and the 1–5 rating as quick replies (they vanish once one is tapped). */
export function fixedReply(trackingNo: string, caseId: string, token: string): messagingApi.Message[] {
  const items: messagingApi.QuickReplyItem[] = RATINGS.map((rating) => ({
    type: 'action',
    action: {
      type: 'postback',
      label: `${'★'.repeat(rating)} ${rating}`,
      data: feedbackPostbackData({ action: { kind: 'rate', rating }, caseId, token }),
      displayText: `ให้คะแนน ${rating}`,
    },
  }));
  return [text(`ขอบคุณที่ยืนยันผล เรื่องเลขที่ ${trackingNo} ปิดเรื่องเรียบร้อยแล้ว\nกรุณาให้คะแนนความพึงพอใจ 1–5 (5 = พอใจมากที่สุด)`, { items })];
}

export function ratedReply(rating: number): messagingApi.Message[] {
  return [text(`ขอบคุณสำหรับคะแนน ${rating} จาก 5 ความเห็นของท่านช่วยให้เทศบาลบริการได้ดีขึ้น`)];
}

/** "ยังไม่ได้แก้ไข" within the window: the case is back with staff; the next chat text is the reason. */
export function reopenedReply(trackingNo: string, detailUrl: string): messagingApi.Message[] {
  return [
    {
      type: 'text',
      text: `รับทราบ เรื่องเลขที่ ${trackingNo} ถูกส่งกลับให้เจ้าหน้าที่ตรวจสอบอีกครั้ง (สถานะ: ${STATUS_LABELS_TH.reopened})\nกรุณาพิมพ์เหตุผลสั้น ๆ ว่ายังมีปัญหาอะไร ในข้อความถัดไป หรือเพิ่มข้อมูลที่หน้ารายละเอียดเรื่อง`,
      quickReply: { items: [{ type: 'action', action: { type: 'uri', label: 'เพิ่มข้อมูล', uri: detailUrl } }] },
    },
  ];
}

/** "ยังไม่ได้แก้ไข" after the window: the case stays closed; how to file a new one. */
export function lateNotFixedReply(trackingNo: string, days: number, formUrl: string): messagingApi.Message[] {
  return [
    {
      type: 'text',
      text: `ขออภัย เรื่องเลขที่ ${trackingNo} ปิดไปเกิน ${days} วันแล้ว จึงเปิดเรื่องเดิมอีกไม่ได้\nหากปัญหายังอยู่ กรุณาแจ้งเรื่องใหม่ และระบุเลขที่เรื่องเดิมไว้ในรายละเอียด เจ้าหน้าที่จะดำเนินการให้โดยเร็ว`,
      quickReply: { items: [{ type: 'action', action: { type: 'uri', label: 'แจ้งเรื่องใหม่', uri: formUrl } }] },
    },
  ];
}

/** The reason typed after "ยังไม่ได้แก้ไข" was added to the case. */
export function reasonReceivedReply(trackingNo: string): messagingApi.Message[] {
  return [text(`ได้รับข้อมูลเพิ่มเติมของเรื่องเลขที่ ${trackingNo} แล้ว เจ้าหน้าที่จะตรวจสอบอีกครั้ง`)];
}

/**
 * Anything else: another user's case, an unknown or old button, a second answer, forged data. One text
 * for all, naming no case, so the reply tells nobody anything about any case.
 */
export function staleButtonReply(): messagingApi.Message[] {
  return [text('ปุ่มนี้ใช้ไม่ได้แล้ว หากต้องการทราบสถานะเรื่องของท่าน พิมพ์ "ติดตามสถานะ"')];
}

import { httpsCallable } from 'firebase/functions';
import {
  STAFF_FUNCTIONS,
  type FindCasesByPhoneRequest,
  type FindCasesByPhoneResponse,
  type ResendMessageRequest,
  type ResendMessageResponse,
  type RevealReporterRequest,
  type RevealReporterResponse,
} from '@banmae/domain';
import { functions } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';

/**
 * The staff callables (functions/src/staff). Personal data reaches the desk only through these: each
 * writes its audit entry (who, when, which case, which fields, why) before it answers.
 */
function callable<Req, Res>(name: string): (req: Req) => Promise<Res> {
  const call = httpsCallable<Req, Res>(functions, name);
  return (req) => guarded(() => call(req)).then((r) => r.data);
}

export const revealReporter = callable<RevealReporterRequest, RevealReporterResponse>(STAFF_FUNCTIONS.revealReporter);
export const findCasesByPhone = callable<FindCasesByPhoneRequest, FindCasesByPhoneResponse>(STAFF_FUNCTIONS.findCasesByPhone);
export const resendMessage = callable<ResendMessageRequest, ResendMessageResponse>(STAFF_FUNCTIONS.resendMessage);

/** The Thai message the function sent with a refusal (HttpsError), or a generic one. */
export function callableMessage(err: unknown): string {
  const e = err as { code?: string; message?: string } | null;
  if (e?.code === 'functions/unavailable' || e?.code === 'functions/internal' || e?.code === 'functions/deadline-exceeded')
    return 'เชื่อมต่อระบบไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองใหม่';
  if (e?.code === 'functions/permission-denied' || e?.code === 'functions/unauthenticated') return 'บัญชีนี้ไม่มีสิทธิ์ทำรายการนี้';
  return e?.message && /[\u0E00-\u0E7F]/.test(e.message) ? e.message : 'ทำรายการไม่สำเร็จ กรุณาลองใหม่';
}

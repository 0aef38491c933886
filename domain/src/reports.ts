/**
 * Names and shapes the reports share: the CSV export (an HTTP function behind /api/exportCases, so it
 * can stream), the LINE message quota (a callable), and the desk pages that use them.
 */
export const REPORT_FUNCTIONS = {
  exportCases: 'exportCases',
  messageQuota: 'messageQuota',
} as const;

/** Where the desk asks for a CSV (a Hosting rewrite to the function: same origin, no CORS). */
export const EXPORT_CASES_PATH = '/api/exportCases';

/** Cases read per page of an export: bounded reads, and the response streams page by page. */
export const EXPORT_PAGE_SIZE = 500;

/** The desk warns at 80 % of the month's LINE messages and shows a red banner when none are left. */
export const QUOTA_WARNING_SHARE = 0.8;

export type QuotaLevel = 'ok' | 'warning' | 'exhausted';

export function quotaLevel(used: number, limit: number | null): QuotaLevel {
  if (limit === null) return 'ok';
  if (used >= limit) return 'exhausted';
  return used >= QUOTA_WARNING_SHARE * limit ? 'warning' : 'ok';
}

/** A case whose LINE message was not delivered this month: staff phone the citizen instead. */
export interface UndeliveredCase {
  caseId: string;
  trackingNo: string | null;
  subject: string;
  /** When the message was given up on (ms since epoch). */
  atMs: number;
  reason: string | null;
}

export interface MessageQuotaResponse {
  /** The month's allowance; null when the plan has no limit (LINE's quota type "none"). */
  limit: number | null;
  /** Messages counted against it this month (LINE's own count). */
  used: number;
  level: QuotaLevel;
  /** When LINE was asked (the function keeps the answer a few minutes). */
  fetchedAtMs: number;
  /** Pushes this month that LINE accepted, from our own delivery records (Bangkok month). */
  pushes: { receipt: number; status: number };
  /** Only once the quota is used up: the cases whose messages failed this month. */
  undelivered: UndeliveredCase[] | null;
}

/** Counts per Bangkok month of pushed messages LINE accepted, kept by the functions: messageUsage/{YYYY-MM}. */
export interface MessageUsage {
  month: string;
  receipt: number;
  status: number;
}

export const REPORT_MESSAGES = {
  adminsOnly: 'การส่งออกพร้อมข้อมูลส่วนบุคคลทำได้เฉพาะผู้ดูแลระบบ',
  exportFailed: 'ส่งออกไฟล์ไม่สำเร็จ กรุณาลองใหม่',
  quotaUnavailable: 'ดึงข้อมูลโควตาข้อความ LINE ไม่สำเร็จ',
} as const;

import { buddhistYearInBangkok } from './bangkok-time.ts';

/**
 * "วันและเวลาที่เกิดเหตุ" (the manual's เหตุการณ์): optional, picked as day, month, Buddhist-era year,
 * hour and minute from plain selects, which LINE's in-app browser shows the same on every phone (its
 * native date picker shows the Christian era and differs by OS). Stored on the case as an instant.
 */
export interface IncidentParts {
  day: string;
  month: string;
  yearBE: string;
  hour: string;
  minute: string;
}

export const NO_INCIDENT: IncidentParts = { day: '', month: '', yearBE: '', hour: '', minute: '' };

export const THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'] as const;

/** How far back an incident may be: the rules refuse older (firestore.rules, newComplaintOk). */
export const INCIDENT_MAX_AGE_DAYS = 366;
/** A phone's clock may run a little ahead of the server's; the rules allow the same slack. */
export const INCIDENT_CLOCK_SLACK_MS = 5 * 60_000;

const INCIDENT_MESSAGES = {
  partial: 'กรุณาเลือกวัน เดือน ปี และเวลาที่เกิดเหตุให้ครบ หรือเว้นว่างไว้ทั้งหมด',
  noSuchDay: 'ไม่มีวันที่นี้ในปฏิทิน กรุณาตรวจสอบวันที่',
  future: 'วันและเวลาที่เกิดเหตุต้องไม่เลยเวลาปัจจุบัน',
  tooOld: 'ระบุวันที่เกิดเหตุย้อนหลังได้ไม่เกิน 1 ปี',
} as const;

/** The Buddhist-era years the picker offers: this year in Bangkok and the one before. */
export function incidentYearsBE(now: Date): number[] {
  const year = buddhistYearInBangkok(now);
  return [year, year - 1];
}

export type IncidentResult = { ok: true; value: Date | null } | { ok: false; error: string };

/** The instant the parts name in Bangkok time (UTC+7), null when all are empty, or the Thai reason it is refused. */
export function parseIncident(parts: IncidentParts, now: Date): IncidentResult {
  const values = [parts.day, parts.month, parts.yearBE, parts.hour, parts.minute];
  if (values.every((v) => v === '')) return { ok: true, value: null };
  if (values.some((v) => !/^\d{1,4}$/.test(v))) return { ok: false, error: INCIDENT_MESSAGES.partial };
  const [day, month, yearBE, hour, minute] = values.map(Number) as [number, number, number, number, number];
  const year = yearBE - 543;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return { ok: false, error: INCIDENT_MESSAGES.noSuchDay };
  const at = new Date(Date.UTC(year, month - 1, day, hour - 7, minute));
  // 31 เมษายน rolls over to 1 May in Date.UTC: a day the calendar does not have.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return { ok: false, error: INCIDENT_MESSAGES.noSuchDay };
  if (at.getTime() > now.getTime() + INCIDENT_CLOCK_SLACK_MS) return { ok: false, error: INCIDENT_MESSAGES.future };
  if (at.getTime() < now.getTime() - INCIDENT_MAX_AGE_DAYS * 86_400_000) return { ok: false, error: INCIDENT_MESSAGES.tooOld };
  return { ok: true, value: at };
}

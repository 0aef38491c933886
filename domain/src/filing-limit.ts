import type { MunicipalityConfig } from './config.ts';
import { formatThaiDateTime } from './bangkok-time.ts';

/**
 * How many cases one LINE account may file: a fixed hourly and daily window per citizen, counted in
 * filingCounters/{uid}. The citizen's batch writes the counter with the case; firestore.rules accept
 * the pair only if the counter went up by one within the limits (docs/decisions/012), so a script with
 * the citizen's own sign-in is held to the same numbers as the form.
 */
export const FILING_WINDOWS = { hour: 60 * 60 * 1000, day: 24 * 60 * 60 * 1000 } as const;
export type FilingWindow = keyof typeof FILING_WINDOWS;

/**
 * A phone's clock is not the server's: the form starts a new window only when its own clock says the
 * old one ended this long ago, so the rules (server time) never disagree.
 */
const CLOCK_MARGIN_MS = 2 * 60 * 1000;

export type FilingLimits = Pick<MunicipalityConfig['limits'], 'casesPerHour' | 'casesPerDay'>;

/** filingCounters/{uid} as stored (timestamps as Dates). */
export interface FilingCounter {
  hourStart: Date;
  hourCount: number;
  dayStart: Date;
  dayCount: number;
  /** The case filed with this write: the rules pair the counter and the new case through it. */
  lastCaseId: string;
}

/** The counter to write; 'server-time' is the SDK's serverTimestamp() (a new window starts at request.time). */
export type NextFilingCounter = { [K in keyof FilingCounter]: FilingCounter[K] extends Date ? Date | 'server-time' : FilingCounter[K] };

export type FilingCheck = { ok: true; next: NextFilingCounter } | { ok: false; window: FilingWindow; retryAt: Date };

const limitOf = (limits: FilingLimits, window: FilingWindow) => (window === 'hour' ? limits.casesPerHour : limits.casesPerDay);

export function nextFilingCounter(before: FilingCounter | null, now: Date, limits: FilingLimits, caseId: string): FilingCheck {
  const next = { lastCaseId: caseId } as NextFilingCounter;
  for (const window of ['day', 'hour'] as const) {
    const start = before?.[`${window}Start`];
    const count = before?.[`${window}Count`] ?? 0;
    const ends = start ? start.getTime() + FILING_WINDOWS[window] : 0;
    if (!start || now.getTime() >= ends + CLOCK_MARGIN_MS) {
      next[`${window}Start`] = 'server-time';
      next[`${window}Count`] = 1;
    } else if (count < limitOf(limits, window)) {
      next[`${window}Start`] = start;
      next[`${window}Count`] = count + 1;
    } else {
      return { ok: false, window, retryAt: new Date(ends + CLOCK_MARGIN_MS) };
    }
  }
  return { ok: true, next };
}

/** The form's Thai message when a citizen reaches a limit, with when they can file again and how else to reach the municipality. */
export function filingLimitMessage(refusal: { window: FilingWindow; retryAt: Date }, config: Pick<MunicipalityConfig, 'limits' | 'municipality'>): string {
  const n = limitOf(config.limits, refusal.window);
  const per = refusal.window === 'hour' ? 'ชั่วโมง' : 'วัน';
  return (
    `ท่านส่งเรื่องครบ ${n} เรื่องต่อ${per}แล้ว ส่งเรื่องใหม่ได้อีกครั้งตั้งแต่ ${formatThaiDateTime(refusal.retryAt)} น. ` +
    `หากเป็นเรื่องเร่งด่วน กรุณาโทร ${config.municipality.phone}`
  );
}

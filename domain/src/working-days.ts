/**
 * Working days in Bangkok: Monday to Friday, minus the public holidays the configuration lists
 * (config.holidays, the Cabinet's annual announcement). Used to say when a case is overdue.
 */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-12-05": the calendar date of an instant as a clock in Bangkok shows it. */
export function bangkokDateKey(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

function isWorkingDay(bangkokMidnightUtcMs: number, holidays: ReadonlySet<string>): boolean {
  const d = new Date(bangkokMidnightUtcMs);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(d.toISOString().slice(0, 10));
}

/**
 * When a case filed at `filedAt` is due: the end (24:00 Bangkok) of the `workingDays`-th working day
 * after the filing day. A case filed on a Friday evening with 2 days allowed is due at the end of Tuesday.
 */
export function dueAt(filedAt: Date, workingDays: number, holidays: ReadonlySet<string>): Date {
  // Work on "Bangkok dates" represented as UTC midnights, so weekdays and keys are Bangkok's.
  let day = Date.parse(bangkokDateKey(filedAt));
  let left = workingDays;
  while (left > 0) {
    day += DAY_MS;
    if (isWorkingDay(day, holidays)) left--;
  }
  return new Date(day + DAY_MS - BANGKOK_OFFSET_MS);
}

/** Whole working days from `from` to `to` (0 when `to` is not later), for "เกินกำหนด 3 วันทำการ". */
export function workingDaysBetween(from: Date, to: Date, holidays: ReadonlySet<string>): number {
  let day = Date.parse(bangkokDateKey(from));
  const end = Date.parse(bangkokDateKey(to));
  let n = 0;
  while (day < end) {
    day += DAY_MS;
    if (isWorkingDay(day, holidays)) n++;
  }
  return n;
}

/** Thailand has no daylight saving: Bangkok is always UTC+7. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const BUDDHIST_ERA_OFFSET = 543;

/** The Buddhist-era year of an instant as a clock in Bangkok shows it (2026-12-31T17:00Z is 2570). */
export function buddhistYearInBangkok(at: Date): number {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).getUTCFullYear() + BUDDHIST_ERA_OFFSET;
}

/**
 * Made on first use, not on import: a Thai formatter with a time zone costs milliseconds to build on a
 * phone, inside the task that first draws the form, which shows no date.
 */
let dateFormat: Intl.DateTimeFormat | null = null;
let dateTimeFormat: Intl.DateTimeFormat | null = null;
const DATE = { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'short', year: 'numeric' } as const;

/** "24 พ.ย. 2569": th-TH uses the Buddhist era on its own. */
export function formatThaiDate(at: Date): string {
  return (dateFormat ??= new Intl.DateTimeFormat('th-TH', DATE)).format(at);
}

/** "24 พ.ย. 2569 14:05" */
export function formatThaiDateTime(at: Date): string {
  return (dateTimeFormat ??= new Intl.DateTimeFormat('th-TH', { ...DATE, hour: '2-digit', minute: '2-digit' })).format(at);
}

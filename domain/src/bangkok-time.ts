/** Thailand has no daylight saving: Bangkok is always UTC+7. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const BUDDHIST_ERA_OFFSET = 543;

/** The Buddhist-era year of an instant as a clock in Bangkok shows it (2026-12-31T17:00Z is 2570). */
export function buddhistYearInBangkok(at: Date): number {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).getUTCFullYear() + BUDDHIST_ERA_OFFSET;
}

const dateFormat = new Intl.DateTimeFormat('th-TH', {
  timeZone: 'Asia/Bangkok',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('th-TH', {
  timeZone: 'Asia/Bangkok',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "24 พ.ย. 2569": th-TH uses the Buddhist era on its own. */
export function formatThaiDate(at: Date): string {
  return dateFormat.format(at);
}

/** "24 พ.ย. 2569 14:05" */
export function formatThaiDateTime(at: Date): string {
  return dateTimeFormat.format(at);
}

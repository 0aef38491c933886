import { dueAt } from './working-days.ts';

const DAY_MS = 86_400_000;
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/**
 * The filing time before which an open case of a category is overdue now: the dashboard counts those
 * with one aggregation query per category (`createdAt < cutoff`) instead of reading the cases. Cases
 * filed on one Bangkok day share a due time, so the cut-off is the end of the last filing day whose due
 * time has passed.
 */
export function overdueCutoff(dueWorkingDays: number, holidays: ReadonlySet<string>, now: Date): Date {
  let dayStart = new Date(`${new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10)}T00:00:00+07:00`).getTime();
  while (dueAt(new Date(dayStart), dueWorkingDays, holidays).getTime() >= now.getTime()) dayStart -= DAY_MS;
  return new Date(dayStart + DAY_MS);
}

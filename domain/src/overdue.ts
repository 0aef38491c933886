import { isClosed, type Status } from './statuses.ts';
import { dueAt, workingDaysBetween } from './working-days.ts';

/**
 * Working days an open case is past its due time (config.categories[].dueWorkingDays, counted in
 * Bangkok working days without the configured public holidays), or null when it is not overdue.
 * A case overdue since the weekend counts as one day late: it missed its deadline already.
 */
export function overdueWorkingDays(
  c: { status: Status | null; createdAt: Date; category: string },
  categories: readonly { id: string; dueWorkingDays: number }[],
  holidays: ReadonlySet<string>,
  now: Date,
): number | null {
  if (c.status && isClosed(c.status)) return null;
  const allowed = categories.find((k) => k.id === c.category)?.dueWorkingDays;
  if (allowed === undefined) return null;
  const due = dueAt(c.createdAt, allowed, holidays);
  if (now.getTime() <= due.getTime()) return null;
  // `due` is midnight after the last allowed day: count from that last day.
  return Math.max(1, workingDaysBetween(new Date(due.getTime() - 1), now, holidays));
}

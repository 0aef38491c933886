import { collection, getCount, getDocs, query, Timestamp, where } from 'firebase/firestore/lite';
import {
  COLLECTIONS,
  fiscalMonths,
  overdueCutoff,
  holidaySet,
  isClosed,
  STATUSES,
  summariseMonths,
  type DashboardSummary,
  type FiscalRound,
  type MonthStats,
} from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';
import { config } from '../env.ts';

/**
 * The dashboard's figures: the period's month documents (at most 12 reads, whatever the number of
 * cases; fetchMonthFigures) and "overdue now" as one aggregation query per category (open cases filed
 * before that category's cut-off; fetchOverdueNow). Nothing here reads a case (decision 017). The page
 * draws the month figures first and counts after them: the counts scan an index and take longer as
 * cases accumulate.
 */
export interface OverdueNow {
  total: number;
  byCategory: Record<string, number>;
}

const OPEN_STATUSES = STATUSES.filter((s) => !isClosed(s));

export async function fetchOverdueNow(now: Date): Promise<OverdueNow> {
  const holidays = holidaySet(config);
  const cases = collection(db, COLLECTIONS.complaints);
  const counts = await guarded(() =>
    Promise.all(
      config.categories.map((c) =>
        getCount(
          query(
            cases,
            where('category', '==', c.id),
            where('status', 'in', OPEN_STATUSES),
            where('createdAt', '<', Timestamp.fromDate(overdueCutoff(c.dueWorkingDays, holidays, now))),
          ),
        ),
      ),
    ),
  );
  const byCategory = Object.fromEntries(config.categories.map((c, i) => [c.id, counts[i]!.data().count]));
  return { total: Object.values(byCategory).reduce((s, n) => s + n, 0), byCategory };
}

export async function fetchMonthFigures(fiscalYear: number, round: FiscalRound | null): Promise<DashboardSummary> {
  const snap = await guarded(() => getDocs(query(collection(db, COLLECTIONS.stats), where('fiscalYear', '==', fiscalYear))));
  return summariseMonths(
    fiscalMonths(fiscalYear, round),
    snap.docs.map((d) => d.data() as Partial<MonthStats>),
  );
}

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
 * cases) and "overdue now" as one aggregation query per category (open cases filed before that
 * category's cut-off). Nothing here reads a case (decision 017).
 */
export interface DashboardFigures {
  summary: DashboardSummary;
  overdueNow: number;
  overdueByCategory: Record<string, number>;
}

const OPEN_STATUSES = STATUSES.filter((s) => !isClosed(s));

async function overdueNow(now: Date): Promise<Record<string, number>> {
  const holidays = holidaySet(config);
  const cases = collection(db, COLLECTIONS.complaints);
  const counts = await Promise.all(
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
  );
  return Object.fromEntries(config.categories.map((c, i) => [c.id, counts[i]!.data().count]));
}

export async function fetchDashboard(fiscalYear: number, round: FiscalRound | null, now = new Date()): Promise<DashboardFigures> {
  const months = fiscalMonths(fiscalYear, round);
  const [snap, overdue] = await guarded(() =>
    Promise.all([getDocs(query(collection(db, COLLECTIONS.stats), where('fiscalYear', '==', fiscalYear))), overdueNow(now)]),
  );
  const docs = snap.docs.map((d) => d.data() as Partial<MonthStats>);
  return {
    summary: summariseMonths(months, docs),
    overdueNow: Object.values(overdue).reduce((s, n) => s + n, 0),
    overdueByCategory: overdue,
  };
}

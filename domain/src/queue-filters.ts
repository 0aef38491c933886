import { COMPLAINT_KINDS, type ComplaintKind } from './complaint-kinds.ts';
import type { MunicipalityConfig } from './config.ts';
import { isStatus, type Status } from './statuses.ts';

/**
 * The queue's filters, kept in the URL query string (?status=in_progress&department=engineering) so
 * a filtered queue can be bookmarked and shared. Unknown values are dropped, never queried.
 */
export interface QueueFilters {
  status: Status | null;
  category: string | null;
  department: string | null;
  kind: ComplaintKind | null;
  /** Only the cases assigned to the signed-in clerk. */
  mine: boolean;
  /** Bangkok dates, YYYY-MM-DD, both inclusive. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: QueueFilters = { status: null, category: null, department: null, kind: null, mine: false, from: null, to: null };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: string | null) => (v && DATE.test(v) && !Number.isNaN(Date.parse(v)) ? v : null);

export function filtersFromSearch(search: string, config: Pick<MunicipalityConfig, 'categories' | 'departments'>): QueueFilters {
  const q = new URLSearchParams(search);
  const status = q.get('status');
  const category = q.get('category');
  const department = q.get('department');
  const kind = q.get('kind');
  return {
    status: isStatus(status) ? status : null,
    category: config.categories.some((c) => c.id === category) ? category : null,
    department: config.departments.some((d) => d.id === department) ? department : null,
    kind: (COMPLAINT_KINDS as readonly (string | null)[]).includes(kind) ? (kind as ComplaintKind) : null,
    mine: q.get('assignee') === 'me',
    from: validDate(q.get('from')),
    to: validDate(q.get('to')),
  };
}

/** "?status=in_progress&department=engineering", or "" for the unfiltered queue. */
export function searchFromFilters(f: QueueFilters): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.category) q.set('category', f.category);
  if (f.department) q.set('department', f.department);
  if (f.kind) q.set('kind', f.kind);
  if (f.mine) q.set('assignee', 'me');
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The first instant of a Bangkok date (Thailand has no daylight saving: always UTC+7). */
export function bangkokDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** The first instant after a Bangkok date, for an inclusive "to" date. */
export function bangkokDayEnd(date: string): Date {
  return new Date(bangkokDayStart(date).getTime() + 24 * 60 * 60 * 1000);
}

import { describe, expect, it } from 'vitest';
import { bangkokDayEnd, bangkokDayStart, filtersFromSearch, NO_FILTERS, searchFromFilters, type QueueFilters } from './queue-filters.ts';

const config = { categories: [{ id: 'road', labelTh: 'ถนน', dueWorkingDays: 5 }], departments: [{ id: 'engineering', labelTh: 'กองช่าง' }] };

describe('queue filters in the URL', () => {
  const table: { description: string; search: string; want: Partial<QueueFilters> }[] = [
    { description: 'no query string is the whole queue', search: '', want: {} },
    {
      description: 'a bookmarked department and status',
      search: '?department=engineering&status=in_progress',
      want: { department: 'engineering', status: 'in_progress' },
    },
    {
      description: 'category, kind and "assigned to me"',
      search: '?category=road&kind=service_request&assignee=me',
      want: { category: 'road', kind: 'service_request', mine: true },
    },
    { description: 'a date range', search: '?from=2026-11-01&to=2026-11-30', want: { from: '2026-11-01', to: '2026-11-30' } },
    { description: 'unknown values are dropped, never queried', search: '?status=closed&category=x&department=y&kind=z&assignee=bob&from=yesterday', want: {} },
  ];
  it.each(table)('$description', ({ search, want }) => {
    const filters = filtersFromSearch(search, config);
    expect(filters).toEqual({ ...NO_FILTERS, ...want });
    expect(filtersFromSearch(searchFromFilters(filters), config)).toEqual(filters);
  });

  it('writes the filters back in a stable order, and nothing for the whole queue', () => {
    expect(searchFromFilters(NO_FILTERS)).toBe('');
    expect(searchFromFilters({ ...NO_FILTERS, status: 'done', department: 'engineering', mine: true })).toBe('?status=done&department=engineering&assignee=me');
  });
});

describe('Bangkok dates as instants', () => {
  it('starts a Bangkok day at 17:00 UTC the day before and ends it 24 hours later', () => {
    expect(bangkokDayStart('2026-11-02').toISOString()).toBe('2026-11-01T17:00:00.000Z');
    expect(bangkokDayEnd('2026-11-02').toISOString()).toBe('2026-11-02T17:00:00.000Z');
  });
});

// The queue's filters live in the domain: the CSV export function reads the same query string.
export { NO_FILTERS, bangkokDayEnd, bangkokDayStart, filtersFromSearch, searchFromFilters, type QueueFilters } from '@banmae/domain';

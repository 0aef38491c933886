import { useMemo, useRef, useState } from 'preact/hooks';
import type { QueryDocumentSnapshot } from 'firebase/firestore/lite';
import s from './queue.module.css';
import { config } from '../env.ts';
import { navigate, queueHref, rememberQueueSearch } from '../boot/router.ts';
import { fetchQueuePage, fetchStatusCounts } from '../data/queue-query.ts';
import { staffDirectory } from '../data/staff-directory.ts';
import { useFreshData } from '../../shared/use-fresh-data.ts';
import { Banner, ui } from '../ui/Field.tsx';
import { filtersFromSearch, searchFromFilters, type QueueFilters } from './queue-filters.ts';
import { StatusCounts } from './StatusCounts.tsx';
import { RatingSummary } from './RatingSummary.tsx';
import { FilterBar } from './FilterBar.tsx';
import { FindBar } from './FindBar.tsx';
import { QueueList } from './QueueList.tsx';
import { ExportBar } from '../reports/ExportBar.tsx';
import { QuotaMeter } from '../reports/QuotaMeter.tsx';
import type { StaffRole } from '@banmae/domain';

/** ~15 s: a new case or another clerk's change shows up without a reload while the tab is visible. */
export const QUEUE_REFRESH_MS = 15_000;

/** The queue: counts per status, find, filters, and one page of cases newest first. */
export function QueuePage({ search, uid, role }: { search: string; uid: string; role: StaffRole }) {
  const filters = useMemo(() => filtersFromSearch(search, config), [search]);
  rememberQueueSearch(search);
  // Cursors of the pages before this one ("ก่อนหน้า" pops one); a new filter starts at page 1.
  const [pages, setPages] = useState<{ search: string; cursors: QueryDocumentSnapshot[] }>({ search, cursors: [] });
  const cursors = pages.search === search ? pages.cursors : [];
  const after = cursors.at(-1) ?? null;

  const page = useFreshData(
    async () => {
      const [p, directory] = await Promise.all([fetchQueuePage(filters, uid, after), staffDirectory()]);
      return { ...p, directory, search };
    },
    QUEUE_REFRESH_MS,
    [search, uid, after],
  );
  // The counts wait for the first page of a filter: the cases are what the clerk came for, and six
  // aggregation queries in flight at once would hold the page up (measured: bench "Desk: queue usable").
  // Per filter, not per page: turning pages does not count again.
  const shownFor = useRef<string | null>(null);
  if (page.data?.search === search) shownFor.current = search;
  const pageShown = shownFor.current === search;
  const counts = useFreshData(() => (pageShown ? fetchStatusCounts(filters, uid) : Promise.resolve(undefined)), QUEUE_REFRESH_MS, [search, uid, pageShown]);

  const setFilters = (next: QueueFilters) => navigate(queueHref(searchFromFilters(next)));
  const turn = (to: QueryDocumentSnapshot[]) => {
    setPages({ search, cursors: to });
    window.scrollTo(0, 0);
  };

  return (
    <main class={ui.page}>
      <h1 class={s.heading}>รายการเรื่องร้องเรียนและคำขอ</h1>
      <QuotaMeter />
      <StatusCounts counts={counts.data} active={filters.status} onPick={(status) => setFilters({ ...filters, status })} />
      <RatingSummary />
      <FindBar />
      <FilterBar filters={filters} onChange={setFilters} />
      <ExportBar search={searchFromFilters(filters)} role={role} />
      {page.error && !page.data ? (
        <Banner kind="error">โหลดรายการไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ต ระบบจะลองใหม่อัตโนมัติ</Banner>
      ) : !page.data ? (
        <p class="boot">กำลังโหลด…</p>
      ) : (
        <>
          <QueueList cases={page.data.cases} directory={page.data.directory} />
          <nav class={s.pager} aria-label="เปลี่ยนหน้า">
            <button type="button" class={ui.secondary} disabled={cursors.length === 0} onClick={() => turn(cursors.slice(0, -1))}>
              ก่อนหน้า
            </button>
            <span class={s.pageNo}>หน้า {cursors.length + 1}</span>
            <button type="button" class={ui.secondary} disabled={!page.data.full || !page.data.last} onClick={() => turn([...cursors, page.data!.last!])}>
              หน้าถัดไป
            </button>
          </nav>
        </>
      )}
    </main>
  );
}

import type { Page } from 'playwright-core';
import { countReads } from '../../bench/page-load.ts';
import { HOSTING_ORIGIN } from './stack.ts';

/**
 * Opens /admin/dashboard on a signed-in desk page and waits until it is usable (month figures and
 * chart drawn), then until "overdue now" is counted (its count queries start once the month figures
 * are shown): the e2e test and the bench measure the same thing. Each moment is taken when the page
 * shows it (polled every frame; Playwright's own waiting polls every 500 ms after the first few
 * tries). Reads are Firestore documents returned to the page; aggregations are count() queries (one
 * read per 1,000 index entries each).
 */
export async function openDashboard(page: Page, search = ''): Promise<{ usableMs: number; overdueMs: number; docsRead: number; aggregations: number }> {
  // From a blank page: a request the previous page still had in flight (the queue's deferred counts)
  // must not be counted as the dashboard's.
  await page.goto('about:blank');
  const reads = countReads(page);
  const start = Date.now();
  await page.goto(`${HOSTING_ORIGIN}/admin/dashboard${search}`, { waitUntil: 'commit' });
  const shown = (selector: string) => page.waitForFunction((sel) => document.querySelector(sel) !== null, selector, { polling: 'raf', timeout: 30_000 });
  await shown('[data-testid="chart-months"] canvas');
  const usableMs = Date.now() - start;
  await shown('[data-testid="fig-overdue"][aria-busy="false"]');
  const overdueMs = Date.now() - start;
  await new Promise((r) => setTimeout(r, 500)); // let the read counter see every answer
  return { usableMs, overdueMs, docsRead: reads.reads(), aggregations: reads.aggregations() };
}

export const figure = (page: Page, id: string) => page.getByTestId(id).innerText();

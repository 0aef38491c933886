import type { Browser, Page } from 'playwright-core';
import { fileCase, setStatusByHand, stepsOf } from '../test/support/cases.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { asOnePhone } from '../test/support/client-ip.ts';
import { HOSTING_ORIGIN, lineUserId, waitFor } from '../test/support/stack.ts';
import { percentile } from './stats.ts';

/** A cheap phone on a poor mobile link: 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
const SLOW_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/**
 * When each selector first matched a visible element, as `Date.now()` in the page (the same clock as
 * the bench's). Recorded by the page itself on every DOM change: Playwright's own waiting polls at
 * 20, 50, 100, 100 then every 500 ms, which would add up to half a second to a timing.
 */
const MARK_SELECTORS = {
  formUsable: '#name:not([disabled])',
  formReady: '[data-testid="submit"][data-ready="true"]',
  listShown: '[data-testid="case-list"]',
} as const;
type MarkName = keyof typeof MARK_SELECTORS;

/**
 * The page's side of the marks, as text: a function handed to addInitScript would be serialised
 * as tsx compiled it, with helper calls (`__name`) that do not exist in the page.
 */
const RECORD_MARKS = `(() => {
  const selectors = ${JSON.stringify(MARK_SELECTORS)};
  const marks = (window.__benchMarks = {});
  new MutationObserver(() => {
    for (const [name, selector] of Object.entries(selectors)) {
      if (marks[name]) continue;
      const el = document.querySelector(selector);
      if (el && el.getClientRects().length > 0) marks[name] = Date.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** The page's mark `name` (RECORD_MARKS) as milliseconds since `start`; it must exist once Playwright saw the element. */
async function markSince(page: Page, name: MarkName, start: number): Promise<number> {
  const at = await page.evaluate((n) => (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks[n], name);
  if (!at) throw new Error(`the page recorded no "${name}" mark`);
  return at - start;
}

/** A fresh phone through the proxy (compressing-proxy.ts), which also names it to lineAuth as Hosting's CDN does. */
async function throttledPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'th-TH', ignoreHTTPSErrors: true });
  await context.addInitScript({ content: RECORD_MARKS });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  return page;
}

export interface FormTimes {
  /** Navigation → the first personal field is on screen and takes typing. */
  usableP50Ms: number;
  usableMaxMs: number;
  /** Navigation → signed in (LIFF init, LINE → Firebase sign-in) and the submit button ready. */
  readyP50Ms: number;
  readyMaxMs: number;
}

/**
 * The form, cold cache, throttled, loaded from `origin`: the proxy that serves the Hosting emulator
 * as production's Hosting does (compressing-proxy.ts: HTTP/2, compressed, the client named to
 * lineAuth). The emulator build
 * also loads liff-mock (≈3 KB gz) and asks the stand-in for a token, which the production build does
 * not: a little slower than production.
 */
export async function measureFormUsable(runs: number, origin: string): Promise<FormTimes> {
  const browser = await launchBrowser();
  const usable: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await throttledPage(browser);
    const start = Date.now();
    await page.goto(`${origin}/?as=${lineUserId()}`, { waitUntil: 'commit' });
    const name = page.getByLabel('ชื่อ-นามสกุล');
    await name.waitFor({ state: 'visible', timeout: 30_000 });
    await name.fill('ก'); // "usable" means it takes typing, not only that it is drawn
    if ((await name.inputValue()) !== 'ก') throw new Error('the name field did not take typing');
    usable.push(await markSince(page, 'formUsable', start));
    await page.locator(MARK_SELECTORS.formReady).waitFor({ timeout: 30_000 });
    ready.push(await markSince(page, 'formReady', start));
    await page.context().close();
  }
  await browser.close();
  return { usableP50Ms: percentile(usable, 50), usableMaxMs: Math.max(...usable), readyP50Ms: percentile(ready, 50), readyMaxMs: Math.max(...ready) };
}

/** "เรื่องของฉัน" with 3 cases, cold cache, throttled, from `origin` (as above): navigation → the list is on screen. */
export async function measureCaseListShown(runs: number, origin: string): Promise<{ p50Ms: number; maxMs: number }> {
  // Filed and left to settle (numbered, receipt sent) before the clock starts: the Hosting emulator
  // shares its process with the Functions emulator, and triggers running (their workers' cold start
  // above all) delayed every file it served by up to a second, a cost production's CDN does not have.
  const user = lineUserId();
  const cases = [await fileCase(user), await fileCase(user), await fileCase(user)];
  for (const c of cases) await waitFor(`receipt of ${c.id} settled`, async () => (await stepsOf(c.id)).every((s) => s.delivery?.state !== 'pending'));
  const browser = await launchBrowser();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await throttledPage(browser);
    const start = Date.now();
    await page.goto(`${origin}/cases?as=${user}`, { waitUntil: 'commit' });
    await page.getByTestId('case-list').waitFor({ timeout: 30_000 });
    times.push(await markSince(page, 'listShown', start));
    await page.context().close();
  }
  await browser.close();
  return { p50Ms: percentile(times, 50), maxMs: Math.max(...times) };
}

/**
 * Documents Firestore returned to the page (each is one billed read; an empty query bills one), and
 * aggregation (count) queries, billed one read per 1,000 index entries counted. Lite talks REST.
 */
export function countReads(page: Page): { reads: () => number; aggregations: () => number } {
  let reads = 0;
  let aggregations = 0;
  page.on('response', (res) => {
    const url = res.url();
    if (!url.includes('/v1/projects/') || !url.includes('127.0.0.1:8080')) return;
    if (url.includes(':runAggregationQuery')) {
      aggregations += 1;
      return;
    }
    void res
      .json()
      .then((body: unknown) => {
        if (Array.isArray(body)) reads += Math.max(1, body.filter((r: { document?: unknown }) => r.document).length);
        else if (body && typeof body === 'object' && 'fields' in body) reads += 1;
      })
      .catch(() => undefined);
  });
  return { reads: () => reads, aggregations: () => aggregations };
}

/** Reads to open "เรื่องของฉัน" (3 cases) and one case with 3 timeline steps, before any refresh. */
export async function measureStatusPageReads(): Promise<{ listReads: number; caseReads: number }> {
  const user = lineUserId();
  const cases = [await fileCase(user), await fileCase(user), await fileCase(user)];
  await setStatusByHand(cases[0]!.id, 'accepted');
  await setStatusByHand(cases[0]!.id, 'in_progress');
  await new Promise((r) => setTimeout(r, 1000));
  const browser = await launchBrowser();
  const context = await browser.newContext();
  await asOnePhone(context);
  const list = await context.newPage();
  const listCounter = countReads(list);
  await list.goto(`${HOSTING_ORIGIN}/cases?as=${user}`);
  await list.getByTestId('case-list').waitFor();
  await new Promise((r) => setTimeout(r, 300));
  const one = await context.newPage();
  const caseCounter = countReads(one);
  await one.goto(`${HOSTING_ORIGIN}/cases/${cases[0]!.id}?as=${user}`);
  await one.getByTestId('timeline').waitFor();
  await new Promise((r) => setTimeout(r, 300));
  await browser.close();
  return { listReads: listCounter.reads(), caseReads: caseCounter.reads() };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CASE_CSV_HEADER, parseCsv } from '@banmae/domain';
import { adminDb } from '../support/admin.ts';
import { desktopPage, launchBrowser, SCREENSHOTS } from '../support/browser.ts';
import { figure, openDashboard } from '../support/dashboard-page.ts';
import { REPORT_ANSWERS, seedReportCases } from '../support/report-history.ts';
import { clearFirestore, HOSTING_ORIGIN } from '../support/stack.ts';
import { signInOnDesk } from '../support/staff.ts';
import { standin } from '../support/standin-client.ts';
import rawConfig from '../../config/municipality.json' with { type: 'json' };

/** The reports on the desk in Chromium: the dashboard, the CSV download, the LINE quota meter. */
let browser: Browser;
const PASSWORD = 'report-password-1';

beforeAll(async () => {
  browser = await launchBrowser();
  await clearFirestore();
  await standin.reset();
  await seedReportCases(adminDb);
});
afterAll(() => browser.close());

const signedIn = async (role: 'staff' | 'admin'): Promise<Page> =>
  signInOnDesk(await desktopPage(browser), { email: `reports-${role}-${Date.now()}@banmae.go.th`, role, displayName: `รายงาน ${role}`, password: PASSWORD });

const cell = (page: Page, category: string, col: string) =>
  page.locator(`[data-testid="by-category"] tr[data-category="${category}"] td[data-col="${col}"]`).innerText();

describe('the dashboard', () => {
  it('shows fiscal 2570 exactly as worked out, from month counters and count queries only, with its chart', async () => {
    const page = await signedIn('admin');
    const assets: string[] = [];
    page.on('request', (r) => assets.push(r.url()));
    const queueAssets = assets.length;
    expect(assets.some((u) => u.includes('DashboardPage'))).toBe(false); // the chart library is not on the queue

    const { docsRead, aggregations } = await openDashboard(page, '?fy=2570');
    expect(assets.slice(queueAssets).some((u) => u.includes('DashboardPage'))).toBe(true);
    const want = REPORT_ANSWERS[2570];
    expect(await figure(page, 'period-label')).toBe('ปีงบประมาณ 2570');
    expect(await figure(page, 'fig-filed')).toBe(String(want.filed));
    expect(await figure(page, 'fig-done')).toBe(String(want.byStatus.done));
    expect(await figure(page, 'fig-overdue')).toBe(String(REPORT_ANSWERS.overdueNow));
    expect(await figure(page, 'fig-heard')).toBe(want.heard);
    expect(await cell(page, 'road', 'median')).toBe(`${want.road.median} วัน`);
    expect(await cell(page, 'road', 'p90')).toBe(`${want.road.p90} วัน`);
    expect(await cell(page, 'water', 'filed')).toBe(String(want.water.filed));
    expect(await page.locator('[data-testid="by-status"] tr[data-status="rejected"] td').first().innerText()).toBe('1');
    // Reads do not grow with the cases: at most the year's 12 month documents (plus the quota card's
    // callable, not a Firestore read), and one count() per category for "overdue now".
    expect(docsRead).toBeLessThanOrEqual(12);
    expect(aggregations).toBe(rawConfig.categories.length);
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard.png`, fullPage: true });

    await page.getByTestId('pick-year').selectOption('2569');
    await page.waitForFunction(() => document.querySelector('[data-testid="period-label"]')?.textContent === 'ปีงบประมาณ 2569');
    await expect.poll(() => figure(page, 'fig-filed'), { timeout: 20_000 }).toBe(String(REPORT_ANSWERS[2569].filed));
    expect(await cell(page, 'waste', 'median')).toBe(`${REPORT_ANSWERS[2569].waste.median} วัน`);
    await page.getByTestId('pick-round').selectOption('2');
    await expect.poll(() => figure(page, 'fig-filed'), { timeout: 20_000 }).toBe(String(REPORT_ANSWERS[2569].round2Filed));
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-print.png`, fullPage: true });
    expect(await page.getByTestId('pick-year').isVisible()).toBe(false);
  });
});

describe('CSV download from the queue', () => {
  it('saves the filtered queue as a CSV whose bytes open with Thai intact, and agrees with the dashboard', async () => {
    const page = await signedIn('staff');
    const { from, to } = REPORT_ANSWERS[2570].period;
    await page.goto(`${HOSTING_ORIGIN}/admin?from=${from}&to=${to}`);
    await page.getByTestId('queue').waitFor();
    // The export function may start cold on the emulator (several seconds on a busy machine).
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-csv').click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual([...CASE_CSV_HEADER]);
    expect(rows.slice(1)).toHaveLength(REPORT_ANSWERS[2570].filed);
    expect(rows.slice(1).filter((r) => r[6] === 'ดำเนินการแล้วเสร็จ')).toHaveLength(REPORT_ANSWERS[2570].byStatus.done);
    expect(await page.getByTestId('export-csv-personal').count()).toBe(0); // staff: masked only
  });
});

describe('the LINE quota meter', () => {
  it.each([
    { used: 79, level: 'ok', warning: false, banner: false },
    { used: 80, level: 'warning', warning: true, banner: false },
    { used: 100, level: 'exhausted', warning: false, banner: true },
  ])('at $used of 100 messages shows level $level', async ({ used, level, warning, banner }) => {
    await standin.quota({ monthlyQuota: 100, totalUsage: used });
    const page = await signedIn('staff');
    const card = page.getByTestId('quota');
    await card.waitFor();
    expect(await card.getAttribute('data-level')).toBe(level);
    expect(await page.getByTestId('quota-warning').count()).toBe(warning ? 1 : 0);
    expect(await page.getByTestId('quota-banner').count()).toBe(banner ? 1 : 0);
    expect(await figure(page, 'quota-figures')).toContain(`${used} / 100`);
    if (banner) await card.screenshot({ path: `${SCREENSHOTS}/desk-quota-exhausted.png` });
  });
});

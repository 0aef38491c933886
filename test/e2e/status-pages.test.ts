import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fileCase, setStatusByHand } from '../support/cases.ts';
import { launchBrowser, phonePage, SCREENSHOTS } from '../support/browser.ts';
import { reporterFields } from '../support/fixtures.ts';
import { HOSTING_ORIGIN, lineUserId } from '../support/stack.ts';
import { axeViolations } from '../support/axe.ts';
import { maskPersonName } from '@banmae/domain';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function open(path: string, userId: string): Promise<Page> {
  const page = await phonePage(browser);
  await page.goto(`${HOSTING_ORIGIN}${path}?as=${userId}`);
  return page;
}

describe('the LIFF status pages in Chromium', () => {
  it('lists the citizen’s cases newest first, in Thai with Buddhist-era dates', async () => {
    const user = lineUserId();
    const older = await fileCase(user, { subject: 'ไฟถนนดับหน้าวัด' });
    const newer = await fileCase(user, { subject: 'ขอถังขยะเพิ่ม', kind: 'service_request', category: 'waste' });
    await setStatusByHand(older.id, 'in_progress');
    const page = await open('/cases', user);
    await page.getByTestId('case-list').waitFor();
    const items = await page.getByRole('listitem').allTextContents();
    expect(items[0]).toContain(newer.trackingNo);
    expect(items[0]).toContain('ขอถังขยะเพิ่ม');
    expect(items[0]).toContain('รับเรื่องแล้ว');
    expect(items[1]).toContain('กำลังดำเนินการ');
    expect(items[1]).toMatch(/แจ้งเมื่อ \d{1,2} .+ 25\d\d/); // Buddhist era
    await page.screenshot({ path: `${SCREENSHOTS}/status-list.png`, fullPage: true });
    await page.context().close();
  });

  it('invites a citizen without cases to file one', async () => {
    const user = lineUserId();
    const page = await open('/cases', user);
    await page.getByText('ท่านยังไม่มีเรื่องที่แจ้งไว้').waitFor();
    // Mock mode: the link keeps acting as the same citizen (issue 11).
    expect(await page.getByRole('link', { name: 'แจ้งเรื่องร้องเรียน / ขอรับบริการ' }).getAttribute('href')).toBe(`/?as=${user}`);
    await page.context().close();
  });

  it('shows a new status on the open case page without a reload, up to "ดำเนินการแล้วเสร็จ"', async () => {
    const user = lineUserId();
    const c = await fileCase(user);
    const page = await open(`/cases/${c.id}`, user);
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('tracking-no').textContent()).toBe(c.trackingNo);
    const reporter = reporterFields(user) as { nationalId: string; phone: string };
    // Masked by default: only the last 4 ID digits and the last 3 phone digits show, until the owner asks.
    expect(await page.getByTestId('national-id').textContent()).toBe(
      `•-••••-••••${reporter.nationalId.slice(9, 10)}-${reporter.nationalId.slice(10, 12)}-${reporter.nationalId[12]}`,
    );
    expect(await page.getByTestId('phone').textContent()).toBe(`•••-•••-•${reporter.phone.slice(7)}`);
    await page.getByRole('button', { name: 'แสดงข้อมูลส่วนตัว' }).click();
    expect((await page.getByTestId('national-id').textContent())!.replace(/\D/g, '')).toBe(reporter.nationalId);
    await page.getByRole('button', { name: 'แสดงข้อมูลส่วนตัว', pressed: true }).click();
    let navigations = 0;
    page.on('framenavigated', () => navigations++);

    await setStatusByHand(c.id, 'in_progress', { statusNote: 'ช่างกำลังออกไปตรวจสอบ' });
    await expect.poll(() => page.getByTestId('timeline').textContent(), { timeout: 20_000 }).toContain('ช่างกำลังออกไปตรวจสอบ');
    await setStatusByHand(c.id, 'done', { statusNote: 'ซ่อมเสร็จแล้ว' });
    await expect.poll(() => page.getByTestId('status').first().textContent(), { timeout: 20_000 }).toBe('ดำเนินการแล้วเสร็จ');
    expect(navigations).toBe(0);
    const steps = await page.getByTestId('timeline').getByRole('listitem').allTextContents();
    expect(steps.map((s) => s.split(/\d/)[0])).toEqual(['รับเรื่องแล้ว', 'กำลังดำเนินการ', 'ดำเนินการแล้วเสร็จ']);
    await page.screenshot({ path: `${SCREENSHOTS}/status-timeline-done.png`, fullPage: true });
    await page.context().close();
  }, 60_000);

  it("shows a polite not-found, and none of the data, for another citizen's case", async () => {
    const c = await fileCase(lineUserId(), { subject: 'เรื่องส่วนตัวของคนอื่น' });
    const page = await open(`/cases/${c.id}`, lineUserId());
    await page.getByText('ไม่พบเรื่องที่ท่านต้องการ', { exact: false }).waitFor();
    const html = await page.content();
    expect(html).not.toContain('เรื่องส่วนตัวของคนอื่น');
    expect(html).not.toContain(c.trackingNo);
    await page.context().close();
  });

  it('has no axe violations on the list and a case page at 360 px; ?as= survives every link; the reveal is a 44 px toggle that also masks the name', async () => {
    const user = lineUserId();
    const c = await fileCase(user, { subject: 'ไฟถนนดับหน้าวัด' });
    const page = await phonePage(browser, { width: 360, height: 740 });
    await page.goto(`${HOSTING_ORIGIN}/cases?as=${user}`);
    await page.getByTestId('case-list').waitFor();
    expect(await page.title()).toContain('เรื่องของฉัน');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/status-list-360.png`, fullPage: true });

    // Every step by link, as a citizen taps: list → case → all cases, each as the same citizen.
    await page.getByRole('link', { name: /ไฟถนนดับหน้าวัด/ }).click();
    await page.getByTestId('timeline').waitFor();
    expect(new URL(page.url()).searchParams.get('as')).toBe(user);
    expect(await page.getByText('ไม่พบเรื่องนี้').count()).toBe(0);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.title()).toContain('รายละเอียดเรื่อง');
    const reporter = reporterFields(user) as { name: string };
    expect(await page.getByTestId('name').textContent()).toBe(maskPersonName(reporter.name));
    const reveal = page.getByRole('button', { name: 'แสดงข้อมูลส่วนตัว' });
    expect(await reveal.getAttribute('aria-pressed')).toBe('false');
    expect((await reveal.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/status-case-360.png`, fullPage: true });
    await reveal.click();
    expect(await reveal.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('name').textContent()).toBe(reporter.name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole('link', { name: 'ดูเรื่องของฉันทั้งหมด' }).click();
    await page.getByTestId('case-list').waitFor();
    expect(new URL(page.url()).searchParams.get('as')).toBe(user);
    expect(await page.getByRole('listitem').count()).toBe(1);
    void c;
    await page.context().close();
  });
});

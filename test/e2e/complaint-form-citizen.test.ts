import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Timestamp } from 'firebase-admin/firestore';
import { adminDb } from '../support/admin.ts';
import { fileCase } from '../support/cases.ts';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, phonePage, SCREENSHOTS } from '../support/browser.ts';
import { maskThaiPhone } from '@banmae/domain';
import { nationalId, reporterFields } from '../support/fixtures.ts';
import { HOSTING_ORIGIN, lineUserId } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';

// Issue 11: the form as a new citizen meets it on a 360 × 740 phone, by touch, keyboard and screen
// reader: errors only when they help and tied to their controls, the privacy notice first, the
// success screen on its own URL, the matter's draft surviving a reload, zero axe-core violations.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());
beforeEach(() => standin.reset());

const VALID_ID = nationalId('310060024567');
const SMALL = { width: 360, height: 740 };

async function openForm(userId: string): Promise<Page> {
  const page = await phonePage(browser, SMALL);
  await page.goto(`${HOSTING_ORIGIN}/?as=${userId}`);
  await page.getByLabel('ชื่อ-นามสกุล').waitFor();
  return page;
}

async function fillMatter(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'ร้องทุกข์' }).check();
  await page.getByLabel('หมวดหมู่').selectOption('water');
  await page.getByLabel('หัวข้อเรื่อง').fill('ท่อระบายน้ำอุดตัน');
  await page.getByLabel('รายละเอียด / เหตุการณ์').fill('ท่อระบายน้ำหน้าตลาดอุดตัน ฝนตกแล้วน้ำท่วมขังทุกครั้ง');
}

async function fillPersonal(page: Page): Promise<void> {
  await page.getByLabel('ชื่อ-นามสกุล').fill('สมหญิง รักถิ่น');
  await page.getByLabel('หมายเลขบัตรประจำตัวประชาชน').fill(VALID_ID);
  await page.getByLabel('เบอร์โทรศัพท์').fill('0891234567');
}

/** Yesterday at 21:30 in Bangkok, as the picker's parts (Buddhist era). */
function yesterdayEvening() {
  const bangkok = new Date(Date.now() + 7 * 3600_000 - 86_400_000);
  return {
    day: String(bangkok.getUTCDate()),
    month: String(bangkok.getUTCMonth() + 1),
    yearBE: String(bangkok.getUTCFullYear() + 543),
    hour: '21',
    minute: '30',
  };
}

async function pickIncident(page: Page, at: ReturnType<typeof yesterdayEvening>): Promise<void> {
  await page.locator('#incident-day').selectOption(at.day);
  await page.locator('#incident-month').selectOption(at.month);
  await page.locator('#incident-year').selectOption(at.yearBE);
  await page.locator('#incident-hour').selectOption(at.hour);
  await page.locator('#incident-minute').selectOption(at.minute);
}

/** Every control marked invalid, with the text its aria-describedby points to. */
async function invalidControls(page: Page): Promise<{ id: string; described: string }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-invalid="true"]')).map((el) => ({
      id: el.id,
      described: (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id: string) => document.getElementById(id)?.textContent ?? `<missing #${id}>`)
        .join(' | '),
    })),
  );
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the complaint form for a new citizen (issue 11)', () => {
  it('opens with the short privacy notice above the first personal field, required fields marked, and no axe violations', async () => {
    const page = await openForm(lineUserId());
    const notice = (await page.getByTestId('privacy-notice').boundingBox())!;
    const firstPersonal = (await page.getByLabel('ชื่อ-นามสกุล').boundingBox())!;
    expect(notice.y + notice.height).toBeLessThanOrEqual(firstPersonal.y);
    expect(await page.getByTestId('privacy-notice').textContent()).toContain('ม.24');
    // The full notice is one tap away; the acknowledgement sits right above the submit button.
    await page.getByText('อ่านประกาศฉบับเต็ม').click();
    await page.getByText('สิทธิของท่าน').waitFor();
    const ack = (await page.getByLabel('ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว').boundingBox())!;
    const submit = (await page.getByTestId('submit').boundingBox())!;
    expect(submit.y - ack.y).toBeLessThan(120);
    for (const label of ['ชื่อ-นามสกุล', 'หมายเลขบัตรประจำตัวประชาชน', 'เบอร์โทรศัพท์', 'หมวดหมู่', 'หัวข้อเรื่อง', 'รายละเอียด / เหตุการณ์']) {
      expect(await page.getByLabel(label).getAttribute('aria-required'), label).toBe('true');
    }
    expect(await page.getByLabel('อีเมล').getAttribute('aria-required')).toBeNull();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.title()).toContain('เทศบาลตำบลบ้านแม่');
    expect(await fitsWidth(page)).toBeLessThanOrEqual(360);
    await page.getByText('อ่านประกาศฉบับเต็ม').click();
    await page.screenshot({ path: `${SCREENSHOTS}/form-top-360.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('takes typing before sign-in is done, holds only the submit ("กำลังเตรียม…"), and the late prefill overwrites nothing typed', async () => {
    const user = lineUserId();
    await fileCase(user);
    const page = await phonePage(browser, SMALL);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/lineAuth', async (route) => {
      await held; // LINE → Firebase sign-in still under way
      await route.continue();
    });
    await page.goto(`${HOSTING_ORIGIN}/?as=${user}`);
    await page.getByLabel('ชื่อ-นามสกุล').fill('ชื่อที่พิมพ์เอง');
    await page.getByLabel('หัวข้อเรื่อง').fill('พิมพ์ก่อนลงชื่อเข้าใช้เสร็จ');
    expect(await page.getByTestId('submit').getAttribute('data-ready')).toBe('false');
    expect(await page.locator('#submit-preparing').textContent()).toContain('กำลังเตรียม…');
    expect(await page.getByTestId('submit').getAttribute('aria-describedby')).toBe('submit-preparing');
    release();
    await page.locator('[data-testid="submit"][data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#submit-preparing').textContent()).toBe('');
    // The prefill fills only what is still empty: the phone, masked; the typed name stays.
    await expect.poll(() => page.getByTestId('phone-masked').count()).toBe(1);
    expect(await page.getByTestId('phone-masked').textContent()).toBe(maskThaiPhone((reporterFields(user) as { phone: string }).phone));
    expect(await page.getByLabel('ชื่อ-นามสกุล').inputValue()).toBe('ชื่อที่พิมพ์เอง');
    expect(await page.getByLabel('หัวข้อเรื่อง').inputValue()).toBe('พิมพ์ก่อนลงชื่อเข้าใช้เสร็จ');
    await page.context().close();
  });

  it('is ready to submit after one sign-in request: lineAuth signs in on the server, the page asks Identity Toolkit nothing', async () => {
    const page = await phonePage(browser, SMALL);
    const requests: string[] = [];
    const firestoreAnswers: number[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => r.url().includes('/documents:') && r.request().method() === 'POST' && firestoreAnswers.push(r.status()));
    await page.goto(`${HOSTING_ORIGIN}/?as=${lineUserId()}`);
    await page.locator('[data-testid="submit"][data-ready="true"]').waitFor();
    expect(requests.filter((u) => u.includes('/api/lineAuth'))).toHaveLength(1);
    expect(requests.filter((u) => u.includes('identitytoolkit.googleapis.com'))).toEqual([]);
    // The session works: the prefill's reads of the citizen's own documents are answered, not refused.
    await expect.poll(() => firestoreAnswers.length).toBeGreaterThanOrEqual(2);
    expect(firestoreAnswers.every((status) => status === 200)).toBe(true);
    await page.context().close();
  });

  it('shows no error when the citizen tabs or taps past empty fields; a format error once something was typed', async () => {
    const page = await openForm(lineUserId());
    await page.getByLabel('ชื่อ-นามสกุล').focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    await page.getByLabel('รายละเอียด / เหตุการณ์').click();
    await page.getByLabel('หัวข้อเรื่อง').click();
    expect(await invalidControls(page)).toEqual([]);
    expect(await page.locator('[id$="-error"]').count()).toBe(0);

    await page.getByLabel('เบอร์โทรศัพท์').fill('12345');
    await page.getByLabel('อีเมล').focus();
    const invalid = await invalidControls(page);
    expect(invalid.map((c) => c.id)).toEqual(['phone']);
    expect(invalid[0]!.described).toContain('เบอร์โทรศัพท์ไม่ถูกต้อง');
    await page.context().close();
  });

  it('on an empty submit ties every error to its control, keeps hints, focuses the first, announces no pile of alerts', async () => {
    const page = await openForm(lineUserId());
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.locator('#name-error').waitFor();
    const invalid = await invalidControls(page);
    expect(invalid.map((c) => c.id).sort()).toEqual(['category', 'details', 'name', 'nationalId', 'phone', 'privacyAcknowledged', 'subject'].sort());
    for (const c of invalid) expect(c.described, c.id).toMatch(/^.*กรุณา/);
    // The ID field keeps its hint next to its error.
    expect(invalid.find((c) => c.id === 'nationalId')!.described).toContain('13 หลัก');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');
    expect(await page.getByRole('alert').count()).toBe(0); // focus reads the first error, once
    await page.screenshot({ path: `${SCREENSHOTS}/form-errors-360.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('refuses an incident time in the future, in Thai, tied to the picker', async () => {
    const page = await openForm(lineUserId());
    const bangkok = new Date(Date.now() + 7 * 3600_000 + 86_400_000);
    await pickIncident(page, {
      day: String(bangkok.getUTCDate()),
      month: String(bangkok.getUTCMonth() + 1),
      yearBE: String(bangkok.getUTCFullYear() + 543),
      hour: '10',
      minute: '0',
    });
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.locator('#incident-error').waitFor();
    expect(await page.locator('#incident-error').textContent()).toContain('ไม่เลยเวลาปัจจุบัน');
    expect(await page.locator('#incident-day').getAttribute('aria-describedby')).toContain('incident-error');
    await page.context().close();
  });

  it('keeps the matter (not the personal fields) through a reload mid-form', async () => {
    const page = await openForm(lineUserId());
    await fillPersonal(page);
    await fillMatter(page);
    const when = yesterdayEvening();
    await pickIncident(page, when);
    await page.reload();
    await page.getByLabel('ชื่อ-นามสกุล').waitFor();
    expect(await page.getByLabel('หัวข้อเรื่อง').inputValue()).toBe('ท่อระบายน้ำอุดตัน');
    expect(await page.getByLabel('รายละเอียด / เหตุการณ์').inputValue()).toContain('หน้าตลาด');
    expect(await page.getByLabel('หมวดหมู่').inputValue()).toBe('water');
    expect(await page.getByRole('radio', { name: 'ร้องทุกข์' }).isChecked()).toBe(true);
    expect(await page.locator('#incident-hour').inputValue()).toBe('21');
    expect(await page.getByLabel('ชื่อ-นามสกุล').inputValue()).toBe('');
    expect(await page.getByLabel('หมายเลขบัตรประจำตัวประชาชน').inputValue()).toBe('');
    expect(await page.getByLabel('เบอร์โทรศัพท์').inputValue()).toBe('');
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    for (const secret of ['สมหญิง', VALID_ID, '0891234567', '089-123-4567']) expect(stored).not.toContain(secret);
    await page.context().close();
  });

  it('after sending: focus on the success heading, its own URL, reload and back cannot send again, the incident time stored', async () => {
    const user = lineUserId();
    const page = await openForm(user);
    await fillPersonal(page);
    await fillMatter(page);
    const when = yesterdayEvening();
    await pickIncident(page, when);
    await page.getByLabel('ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว').check();
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByTestId('success-heading').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('success-heading');
    await expect.poll(() => page.getByTestId('tracking-no').textContent(), { timeout: 15_000 }).toMatch(/^BM-\d{4}-\d{5}$/);
    const trackingNo = await page.getByTestId('tracking-no').textContent();
    const [filed] = (await adminDb.collection('complaints').where('owner', '==', user).get()).docs;
    expect(new URL(page.url()).pathname).toBe(`/sent/${filed!.id}`);
    const incident = (filed!.get('incidentAt') as Timestamp).toDate();
    expect(incident.getUTCHours()).toBe(21 - 7);
    expect(incident.getUTCMinutes()).toBe(30);
    expect(await page.getByText('ขั้นตอนต่อไป').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await fitsWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/form-success-360.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await expect.poll(() => page.getByTestId('tracking-no').textContent(), { timeout: 15_000 }).toBe(trackingNo);
    expect(await page.getByTestId('submit').count()).toBe(0);
    await page.goBack().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).count()).toBe(0);
    expect((await adminDb.collection('complaints').where('owner', '==', user).get()).size).toBe(1);
    // A new form afterwards starts empty: the draft went with the case.
    const next = await openForm(user);
    expect(await next.getByLabel('หัวข้อเรื่อง').inputValue()).toBe('');
    await next.context().close();
    await page.context().close();
  });

  it('after a failed send focuses the explanation, with the retry button in view', async () => {
    const page = await openForm(lineUserId());
    await fillPersonal(page);
    await fillMatter(page);
    await page.getByLabel('ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว').check();
    await page.locator('[data-testid="submit"][data-ready="true"]').waitFor();
    await page.route('**/v1/projects/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByTestId('submit-failure').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('submit-failure');
    const button = (await page.getByTestId('submit').boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(SMALL.height);
    expect(button.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/form-send-failed-360.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps ?as= on every link of the success screen (mock mode acts as that citizen throughout)', async () => {
    const user = lineUserId();
    const page = await openForm(user);
    await fillPersonal(page);
    await fillMatter(page);
    await page.getByLabel('ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว').check();
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByTestId('success-heading').waitFor();
    expect(new URL(page.url()).searchParams.get('as')).toBe(user);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    for (const href of hrefs) expect(new URL(href, 'http://x').searchParams.get('as'), href).toBe(user);
    await page.getByRole('link', { name: 'ดูขั้นตอนของเรื่องนี้' }).click();
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByText('ไม่พบเรื่องนี้').count()).toBe(0);
    await page.context().close();
  });
});

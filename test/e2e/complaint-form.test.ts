import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GeoPoint } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { COLLECTIONS, formatNationalId, maskNationalId, maskThaiPhone, parseMunicipalityConfig, privateReporterPath } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { adminDb } from '../support/admin.ts';
import { launchBrowser, phonePage, SCREENSHOTS } from '../support/browser.ts';
import { nationalId } from '../support/fixtures.ts';
import { HOSTING_ORIGIN, lineUserId, waitFor } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';
import { firestoreEvent, pauseEmulatorTriggers, useFunctionsEnvironment } from '../support/triggers.ts';

const config = parseMunicipalityConfig(rawConfig);
const { limits } = config;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());
beforeEach(() => standin.reset());

const VALID_ID = nationalId('310060024567');
const BAD_ID = VALID_ID.slice(0, 12) + String((Number(VALID_ID[12]) + 1) % 10);

async function openForm(userId: string): Promise<Page> {
  const page = await phonePage(browser);
  await page.goto(`${HOSTING_ORIGIN}/?as=${userId}`);
  await page.getByLabel('ชื่อ-นามสกุล').waitFor();
  return page;
}

async function fillValidForm(page: Page): Promise<void> {
  await page.getByLabel('ชื่อ-นามสกุล').fill('สมหญิง รักถิ่น');
  await page.getByLabel('หมายเลขบัตรประจำตัวประชาชน').fill(VALID_ID);
  await page.getByLabel('เบอร์โทรศัพท์').fill('0891234567');
  await page.getByRole('radio', { name: 'ร้องทุกข์' }).check();
  await page.getByLabel('หมวดหมู่').selectOption('water');
  await page.getByLabel('หัวข้อเรื่อง').fill('ท่อระบายน้ำอุดตัน');
  await page.getByLabel('รายละเอียด / เหตุการณ์').fill('ท่อระบายน้ำหน้าตลาดอุดตัน ฝนตกแล้วน้ำท่วมขังทุกครั้ง');
  await page.getByLabel('ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว').check();
}

async function casesOf(owner: string) {
  return (await adminDb.collection('complaints').where('owner', '==', owner).get()).docs;
}

describe('the LIFF complaint form in Chromium (LIFF mock)', () => {
  it('shows the Thai error for a bad national ID, then files the corrected form and shows the number', async () => {
    const user = lineUserId();
    const page = await openForm(user);
    await fillValidForm(page);
    await page.getByLabel('หมายเลขบัตรประจำตัวประชาชน').fill(BAD_ID);
    await page.getByLabel('หัวข้อเรื่อง').focus(); // leave the field, as a citizen does
    await expect.poll(() => page.locator('#nationalId-error').textContent()).toBe('หมายเลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง');
    expect(await page.getByLabel('หมายเลขบัตรประจำตัวประชาชน').inputValue()).toMatch(/^\d-\d{4}-\d{5}-\d{2}-\d$/); // grouped as typed
    await page.getByRole('button', { name: 'ใช้ตำแหน่งปัจจุบัน' }).click();
    await page.getByTestId('location-text').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/form-with-error.png`, fullPage: true });

    await page.getByLabel('หมายเลขบัตรประจำตัวประชาชน').fill(VALID_ID);
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByText('ส่งข้อมูลสำเร็จ!').waitFor();
    await expect.poll(() => page.getByTestId('tracking-no').textContent(), { timeout: 15_000 }).toMatch(/^BM-\d{4}-\d{5}$/);
    await page.screenshot({ path: `${SCREENSHOTS}/form-success.png`, fullPage: true });

    const docs = await casesOf(user);
    expect(docs).toHaveLength(1);
    const stored = docs[0]!;
    expect(stored.get('owner')).toBe(user);
    expect(stored.get('kind')).toBe('grievance');
    // Personal data and the exact location sit in the case's private document, not on the case.
    for (const field of ['reporter', 'location']) expect(stored.get(field)).toBeUndefined();
    expect(stored.get('hasLocation')).toBe(true);
    const reporter = await adminDb.doc(privateReporterPath(stored.id)).get();
    expect(reporter.data()).toMatchObject({ owner: user, name: 'สมหญิง รักถิ่น', nationalId: VALID_ID, phone: '0891234567' });
    expect(reporter.get('email')).toBeUndefined();
    expect(reporter.get('location.accuracyM')).toBe(15);
    expect((reporter.get('location.geo') as GeoPoint).latitude).toBeCloseTo(18.6253, 4);
    expect(stored.get('privacyNoticeVersion')).toBe('2569-11-v1');
    expect(await page.getByTestId('tracking-no').textContent()).toBe(stored.get('trackingNo'));
    await page.context().close();
  }, 60_000);

  it('opened from the OA chat, says the number in the chat and gets the receipt as a free reply: no push', async () => {
    const user = lineUserId();
    const page = await phonePage(browser);
    await page.goto(`${HOSTING_ORIGIN}/?as=${user}&from=oa-chat`);
    await page.getByLabel('ชื่อ-นามสกุล').waitFor();
    await fillValidForm(page);
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByTestId('said-in-chat').waitFor({ timeout: 20_000 });
    const trackingNo = (await page.getByTestId('tracking-no').textContent())!;
    await page.screenshot({ path: `${SCREENSHOTS}/form-success-in-chat.png`, fullPage: true });
    const replies = await waitFor('the receipt as a reply', async () => {
      const r = (await standin.requests('/v2/bot/message/reply')).filter((x) => x.status === 200 && JSON.stringify(x.body).includes(trackingNo));
      return r.length > 0 && r;
    });
    expect(replies[0]!.body.messages![0]!.altText).toContain('ได้รับเรื่องของท่านแล้ว');
    await new Promise((r) => setTimeout(r, 2000));
    expect(await standin.deliveredPushes(user)).toHaveLength(0);
    await page.context().close();
  });

  it('says plainly while the number is still being issued, then shows it and says it in the chat when it comes late', async () => {
    // The created trigger is held back (a rush of filings ahead of it): the emulator's triggers are
    // paused while the citizen files, and the test runs the trigger itself later, as a late delivery.
    useFunctionsEnvironment();
    const { onComplaintCreated } = await import('../../functions/src/complaints/on-complaint-created.ts');
    const user = lineUserId();
    const page = await phonePage(browser, { width: 360 });
    await pauseEmulatorTriggers(async () => {
      await page.goto(`${HOSTING_ORIGIN}/?as=${user}&from=oa-chat`);
      await page.getByLabel('ชื่อ-นามสกุล').waitFor();
      await fillValidForm(page);
      await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
      await page.getByText('ส่งข้อมูลสำเร็จ!').waitFor();
      const pending = page.getByTestId('tracking-no-pending');
      await pending.waitFor();
      expect(await page.getByTestId('tracking-no').textContent()).toBe('กำลังออกเลขที่เรื่อง…');
      expect(await pending.textContent()).toContain('LINE');
      expect(await pending.textContent()).toContain('ติดตามสถานะ');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: `${SCREENSHOTS}/form-success-number-pending.png`, fullPage: true });

      // LINE hides the page (the citizen went back to the chat): the screen stops reading the case.
      let reads = 0;
      await page.route('**/documents:batchGet*', (route) => {
        reads++;
        return route.continue();
      });
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      reads = 0;
      await new Promise((r) => setTimeout(r, 6000));
      expect(reads).toBe(0);

      const [ref] = (await casesOf(user)).map((d) => d.ref);
      const handled = onComplaintCreated(firestoreEvent(`late-${ref!.id}`, await ref!.get(), { id: ref!.id }));
      await waitFor('the number', async () => (await ref!.get()).get('trackingNo') as string | undefined);
      // Back on the screen: it looks at once and shows the number, then says it in the chat.
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await expect.poll(() => page.getByTestId('tracking-no').textContent(), { timeout: 2000 }).toMatch(/^BM-\d{4}-\d{5}$/);
      expect(await page.getByTestId('tracking-no-pending').count()).toBe(0);
      await page.getByTestId('said-in-chat').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: `${SCREENSHOTS}/form-success-number-late.png`, fullPage: true });
      await handled;
    });
    const trackingNo = (await page.getByTestId('tracking-no').textContent())!;
    const replies = (await standin.requests('/v2/bot/message/reply')).filter((x) => x.status === 200 && JSON.stringify(x.body).includes(trackingNo));
    expect(replies).toHaveLength(1);
    expect(await standin.deliveredPushes(user)).toHaveLength(0);
    await page.context().close();
  }, 60_000);

  it('opened outside the chat, files with the receipt pushed at once', async () => {
    const user = lineUserId();
    const page = await openForm(user);
    await fillValidForm(page);
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByText('ส่งข้อมูลสำเร็จ!').waitFor();
    await waitFor('the receipt push', async () => (await standin.deliveredPushes(user)).length === 1);
    expect(await page.getByTestId('said-in-chat').count()).toBe(0);
    expect((await casesOf(user))[0]!.get('receiptByReply')).toBeUndefined();
    await page.context().close();
  });

  it('refuses to send with Thai errors on every missing field, and sends nothing', async () => {
    const user = lineUserId();
    const page = await openForm(user);
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    const errors = await page.locator('[id$="-error"]').allTextContents();
    expect(errors).toEqual(
      expect.arrayContaining([
        'กรุณากรอกชื่อ-นามสกุลผู้แจ้ง',
        'กรุณากรอกหมายเลขบัตรประชาชน',
        'กรุณากรอกเบอร์โทรศัพท์',
        'กรุณาเลือกหมวดหมู่',
        'กรุณาอ่านและรับทราบประกาศความเป็นส่วนตัวก่อนส่งข้อมูล',
      ]),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');
    expect(await casesOf(user)).toHaveLength(0);
    await page.context().close();
  });

  it('keeps what was typed when the connection drops during submit, and files once when sent again', async () => {
    const user = lineUserId();
    const page = await openForm(user);
    await fillValidForm(page);
    await page.route('**/google.firestore.v1.Firestore/**', (route) => route.abort('internetdisconnected'));
    await page.route('**/v1/projects/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    // The submit waits for sign-in, which the form no longer waits for before it is shown.
    await expect
      .poll(() => page.getByRole('alert').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('การเชื่อมต่ออินเทอร์เน็ตขาดหาย')]));
    expect(await page.getByLabel('หัวข้อเรื่อง').inputValue()).toBe('ท่อระบายน้ำอุดตัน');
    expect(await page.getByLabel('หมายเลขบัตรประจำตัวประชาชน').inputValue()).toContain('-');
    await page.screenshot({ path: `${SCREENSHOTS}/form-offline.png`, fullPage: true });

    await page.unrouteAll();
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByText('ส่งข้อมูลสำเร็จ!').waitFor();
    expect(await casesOf(user)).toHaveLength(1);
    await page.context().close();
  });

  it('files once when the case reached Firestore but the answer was lost, and the citizen sends again', async () => {
    const user = lineUserId();
    const page = await openForm(user);
    await fillValidForm(page);
    await page.route('**/documents:commit*', async (route) => {
      await route.fetch(); // the write lands…
      await route.abort('connectionreset'); // …and the phone never hears back
    });
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    // The submit waits for sign-in, which the form no longer waits for before it is shown.
    await expect
      .poll(() => page.getByRole('alert').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('การเชื่อมต่ออินเทอร์เน็ตขาดหาย')]));
    expect(await casesOf(user)).toHaveLength(1);
    await page.unrouteAll();
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByText('ส่งข้อมูลสำเร็จ!').waitFor();
    await expect.poll(() => page.getByTestId('tracking-no').textContent(), { timeout: 15_000 }).toMatch(/^BM-/);
    expect(await casesOf(user)).toHaveLength(1);
    await page.context().close();
  });

  it('files one case however fast the button is tapped twice', async () => {
    const user = lineUserId();
    const page = await openForm(user);
    await fillValidForm(page);
    const button = page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' });
    await button.evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await page.getByText('ส่งข้อมูลสำเร็จ!').waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(await casesOf(user)).toHaveLength(1);
    await page.context().close();
  });

  it('shows the form at once, and explains in Thai when LINE sign-in fails, then files once LINE is back', async () => {
    await standin.fault({ path: '/oauth2/v2.1/verify', status: 500, times: 2 });
    const user = lineUserId();
    const page = await openForm(user);
    await fillValidForm(page);
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('ระบบ LINE ไม่ตอบสนองชั่วคราว')]));
    expect(await casesOf(user)).toHaveLength(0);
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByText('ส่งข้อมูลสำเร็จ!').waitFor();
    expect(await casesOf(user)).toHaveLength(1);
    await page.context().close();
  });

  it("offers the reporter's details again on the next case, read from their own cases", async () => {
    const user = lineUserId();
    const first = await openForm(user);
    await fillValidForm(first);
    await first.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await first.getByText('ส่งข้อมูลสำเร็จ!').waitFor();
    await first.context().close();

    const again = await openForm(user);
    // The form is on screen before sign-in; the prefill follows it.
    await expect.poll(() => again.getByLabel('ชื่อ-นามสกุล').inputValue(), { timeout: 15_000 }).toBe('สมหญิง รักถิ่น');
    // The personal numbers come back masked, as on the case page, until the citizen taps to edit one.
    expect(await again.getByTestId('nationalId-masked').textContent()).toBe(maskNationalId(VALID_ID));
    expect(await again.getByTestId('phone-masked').textContent()).toBe(maskThaiPhone('0891234567'));
    const shown = await again.evaluate(() => document.body.innerHTML);
    for (const secret of ['0891234567', '089-123-4567', VALID_ID, formatNationalId(VALID_ID)]) expect(shown).not.toContain(secret);
    await again.screenshot({ path: `${SCREENSHOTS}/form-prefill-masked.png`, fullPage: true });
    const stored = await again.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored).not.toContain('0891234567');
    expect(stored).not.toContain(VALID_ID);
    await again.getByRole('button', { name: 'แก้ไขเบอร์โทรศัพท์' }).click();
    const phone = again.getByRole('textbox', { name: 'เบอร์โทรศัพท์' });
    expect(await phone.inputValue()).toBe('089-123-4567');
    expect(await phone.evaluate((el) => el === document.activeElement)).toBe(true);
    // Sending with the ID still masked files the stored number, not the mask.
    await again.getByLabel('หัวข้อเรื่อง').fill('ไฟถนนดับ');
    await again.getByLabel('หมวดหมู่').selectOption('road');
    await again.getByLabel('รายละเอียด / เหตุการณ์').fill('ไฟถนนหน้าบ้านดับมาสามคืนแล้ว');
    await again.getByLabel('ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว').check();
    await again.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await again.getByText('ส่งข้อมูลสำเร็จ!').waitFor();
    const second = (await casesOf(user)).find((c) => c.get('subject') === 'ไฟถนนดับ')!;
    expect((await adminDb.doc(privateReporterPath(second.id)).get()).get('nationalId')).toBe(VALID_ID);
    await again.context().close();

    const someoneElse = await openForm(lineUserId());
    await new Promise((r) => setTimeout(r, 500));
    expect(await someoneElse.getByLabel('ชื่อ-นามสกุล').inputValue()).toBe('');
    await someoneElse.context().close();
  });

  it('says in Thai, on opening and on sending, when the citizen has filed as many cases as allowed this hour, and files nothing', async () => {
    const user = lineUserId();
    const now = Timestamp.now();
    await adminDb.doc(`${COLLECTIONS.filingCounters}/${user}`).set({
      hourStart: now,
      hourCount: limits.casesPerHour,
      dayStart: now,
      dayCount: limits.casesPerHour,
      lastCaseId: 'earlier0000000000001',
    });
    const page = await openForm(user);
    const notice = page.getByTestId('filing-limit');
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain(`ท่านส่งเรื่องครบ ${limits.casesPerHour} เรื่องต่อชั่วโมงแล้ว`);
    await fillValidForm(page);
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('ส่งเรื่องใหม่ได้อีกครั้งตั้งแต่'), expect.stringContaining(config.municipality.phone)]));
    await page.screenshot({ path: `${SCREENSHOTS}/form-filing-limit.png`, fullPage: true });
    expect(await casesOf(user)).toHaveLength(0);
    await page.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jpegMetadata, PHOTO_LIMITS } from '@banmae/domain';
import { adminDb } from '../support/admin.ts';
import { launchBrowser, phonePage, SCREENSHOTS } from '../support/browser.ts';
import { containsBytes, FIXTURE_DEVICE, FIXTURE_GPS_LATITUDE_BYTES, withExif } from '../support/exif-fixture.ts';
import { nationalId } from '../support/fixtures.ts';
import { drawnImage } from '../support/photo-fixtures.ts';
import { HOSTING_ORIGIN, lineUserId } from '../support/stack.ts';
import { signInOnDesk } from '../support/staff.ts';

/**
 * Issue 13, photos (decision 019): a citizen attaches two photos on a phone, one a camera JPEG with
 * GPS and the device in its EXIF; the stored bytes hold neither; the case page and the desk show them;
 * staff close the case with an "after" photo the citizen then sees.
 */
let browser: Browser;
let photoWithGps: Buffer;
let screenshotPng: Buffer;
beforeAll(async () => {
  browser = await launchBrowser();
  const page = await browser.newPage();
  photoWithGps = Buffer.from(withExif(await drawnImage(page, { width: 2400, height: 1800, noise: 6 })));
  screenshotPng = await drawnImage(page, { width: 900, height: 1600, type: 'image/png' });
  await page.close();
});
afterAll(() => browser.close());

async function fillForm(page: Page): Promise<void> {
  await page.getByLabel('ชื่อ-นามสกุล').fill('สมหญิง รักถิ่น');
  await page.getByLabel('หมายเลขบัตรประจำตัวประชาชน').fill(nationalId('310060024567'));
  await page.getByLabel('เบอร์โทรศัพท์').fill('0891234567');
  await page.getByRole('radio', { name: 'ร้องเรียน', exact: true }).check();
  await page.getByLabel('หมวดหมู่').selectOption('road');
  await page.getByLabel('หัวข้อเรื่อง').fill('ถนนเป็นหลุมหน้าโรงเรียน');
  await page.getByLabel('รายละเอียด / เหตุการณ์').fill('ถนนหน้าโรงเรียนบ้านแมเป็นหลุมลึก รถจักรยานยนต์ล้มไปแล้วสองคัน');
  await page.getByLabel('ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว').check();
}

const storedPhotos = async (caseId: string) => (await adminDb.collection(`complaints/${caseId}/photos`).get()).docs;

describe('photos in Chromium', () => {
  it('attaches two photos (one with EXIF GPS), keeps them through a lost connection, stores them without any metadata, and shows them to the citizen and the desk', async () => {
    // The fixture is what a phone camera writes: EXIF with the device and a GPS position.
    expect(jpegMetadata(photoWithGps)).toEqual(['exif']);
    expect(containsBytes(photoWithGps, FIXTURE_DEVICE.model)).toBe(true);
    expect(containsBytes(photoWithGps, FIXTURE_GPS_LATITUDE_BYTES)).toBe(true);

    const user = lineUserId();
    const page = await phonePage(browser, { width: 360 });
    await page.goto(`${HOSTING_ORIGIN}/?as=${user}`);
    await page.getByLabel('ชื่อ-นามสกุล').waitFor();
    await fillForm(page);
    await page.getByTestId('photo-gallery').setInputFiles([
      { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photoWithGps },
      { name: 'Screenshot.png', mimeType: 'image/png', buffer: screenshotPng },
    ]);
    const strip = page.getByRole('list', { name: 'รูปที่เลือก' });
    await expect.poll(() => strip.getByRole('img').count(), { timeout: 20_000 }).toBe(2);
    // A third is picked and removed again with its button.
    await page.getByTestId('photo-gallery').setInputFiles([{ name: 'extra.png', mimeType: 'image/png', buffer: screenshotPng }]);
    await expect.poll(() => strip.getByRole('img').count(), { timeout: 20_000 }).toBe(3);
    expect(await page.getByTestId('photo-gallery').count()).toBe(0); // three is the most: no more picking
    await page.getByRole('button', { name: 'ลบรูปที่ 3' }).click();
    await expect.poll(() => strip.getByRole('img').count(), { timeout: 20_000 }).toBe(2);
    await page.getByTestId('photo-field').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/photos-form-360.png` });

    // The connection drops while the photos are on their way: the case is filed, the photos are not.
    let dropped = 0;
    await page.route('**/documents:commit*', async (route) => {
      if ((route.request().postData() ?? '').includes('/photos/')) {
        dropped++;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByText('ส่งเรื่องแล้ว แต่ส่งรูปภาพไม่สำเร็จ', { exact: false }).waitFor({ timeout: 20_000 });
    expect(dropped).toBeGreaterThan(0);
    expect(await strip.getByRole('img').count()).toBe(2); // kept
    await page.screenshot({ path: `${SCREENSHOTS}/photos-send-failed-360.png` });
    const filed = (await adminDb.collection('complaints').where('owner', '==', user).get()).docs;
    expect(filed).toHaveLength(1);
    const caseId = filed[0]!.id;
    expect(await storedPhotos(caseId)).toHaveLength(0);

    // Back online: the same tap sends the photos to the same case, once.
    await page.unroute('**/documents:commit*');
    await page.getByRole('button', { name: 'ส่งข้อมูลผู้ร้องเรียน' }).click();
    await page.getByText('ส่งข้อมูลสำเร็จ!').waitFor({ timeout: 20_000 });
    expect((await adminDb.collection('complaints').where('owner', '==', user).get()).size).toBe(1);

    const photos = await storedPhotos(caseId);
    expect(photos.map((p) => p.id).sort()).toEqual(['r1', 'r2']);
    for (const p of photos) {
      const bytes = new Uint8Array(p.get('data') as Buffer);
      expect(jpegMetadata(bytes), p.id).toEqual([]); // no EXIF, XMP, IPTC or comment segment
      expect(containsBytes(bytes, 'Exif'), p.id).toBe(false);
      expect(containsBytes(bytes, FIXTURE_DEVICE.make), p.id).toBe(false);
      expect(containsBytes(bytes, FIXTURE_GPS_LATITUDE_BYTES), p.id).toBe(false); // the position's rationals
      expect(bytes.length).toBeLessThanOrEqual(PHOTO_LIMITS.targetBytes);
      expect(Math.max(p.get('width') as number, p.get('height') as number)).toBeLessThanOrEqual(PHOTO_LIMITS.maxLongSidePx);
      expect(p.get('kind')).toBe('reporter');
    }
    // In the order picked: the camera photo resized from 2400×1800, the screenshot kept at its size.
    expect(photos.map((p) => `${p.id} ${String(p.get('width'))}×${String(p.get('height'))}`).sort()).toEqual(['r1 1600×1200', 'r2 900×1600']);

    // The citizen's case page.
    await page.goto(`${HOSTING_ORIGIN}/cases/${caseId}?as=${user}`);
    await page.getByTestId('photos-reporter').waitFor();
    await expect.poll(() => page.getByTestId('photos-reporter').locator('img').count(), { timeout: 20_000 }).toBe(2);
    await expect
      .poll(() =>
        page
          .getByTestId('photos-reporter')
          .getByRole('img')
          .evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
      )
      .toBe(true);
    await page.getByTestId('case-photos').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/photos-case-page-360.png` });

    // The desk at 360 px: the photos, then "done" with an after photo.
    const desk = await signInOnDesk(await phonePage(browser, { width: 360 }), {
      email: `photos-${Date.now()}@banmae.go.th`,
      role: 'staff',
      displayName: 'สมศรี ช่างภาพ',
      password: 'desk-password-1',
    });
    await desk.goto(`${HOSTING_ORIGIN}/admin/cases/${caseId}`);
    await expect.poll(() => desk.getByTestId('photos-reporter').locator('img').count(), { timeout: 20_000 }).toBe(2);
    await desk.getByTestId('case-photos').scrollIntoViewIfNeeded();
    await desk.screenshot({ path: `${SCREENSHOTS}/photos-desk-360.png` });

    await desk.getByRole('radio', { name: 'รับเรื่องพิจารณา' }).check();
    await desk.getByRole('button', { name: 'ตรวจสอบก่อนบันทึก' }).click();
    await desk.getByRole('button', { name: 'ยืนยันเปลี่ยนสถานะ' }).click();
    await desk.getByRole('radio', { name: 'ดำเนินการแล้วเสร็จ' }).waitFor({ timeout: 15_000 });
    await desk.getByRole('radio', { name: 'ดำเนินการแล้วเสร็จ' }).check();
    await desk.getByLabel(/ข้อความถึงผู้แจ้ง/).fill('ซ่อมถนนเรียบร้อยแล้ว');
    await desk.getByTestId('after-photo').setInputFiles([{ name: 'after.jpg', mimeType: 'image/jpeg', buffer: photoWithGps }]);
    await desk.getByRole('img', { name: 'รูปหลังดำเนินการที่เลือก' }).waitFor();
    await desk.getByRole('button', { name: 'ตรวจสอบก่อนบันทึก' }).click();
    await desk.getByRole('button', { name: 'ยืนยันเปลี่ยนสถานะ' }).click();
    await expect.poll(() => desk.getByTestId('photos-after').locator('img').count(), { timeout: 15_000 }).toBe(1);
    const after = (await storedPhotos(caseId)).find((p) => p.get('kind') === 'after')!;
    expect(after.id).toMatch(/^after-[A-Za-z0-9]{20}$/);
    expect(jpegMetadata(new Uint8Array(after.get('data') as Buffer))).toEqual([]);
    expect((await adminDb.doc(`complaints/${caseId}`).get()).get('status')).toBe('done');
    await desk.context().close();

    // The citizen sees staff's after photo on the open page, without a reload.
    await expect.poll(() => page.getByTestId('photos-after').locator('img').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('case-photos').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/photos-case-page-after-360.png` });
    await page.getByRole('button', { name: /รูปหลังดำเนินการ รูปที่ 1/ }).click();
    await page.getByRole('dialog', { name: 'รูปภาพ' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/photos-viewer-360.png` });
    await page.context().close();
  }, 120_000);
});

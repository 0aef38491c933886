import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FieldValue } from 'firebase-admin/firestore';
import { ADDITIONS_COLLECTION, additionPhotoIds, PHOTO_CONTENT_TYPE, photoPath } from '@banmae/domain';
import { addStaff } from '../../scripts/staff-accounts.ts';
import { adminAuth, adminDb } from '../support/admin.ts';
import { launchBrowser, phonePage, SCREENSHOTS } from '../support/browser.ts';
import { fileCase, setStatusByHand } from '../support/cases.ts';
import { drawnImage } from '../support/photo-fixtures.ts';
import { HOSTING_ORIGIN, lineUserId } from '../support/stack.ts';

/**
 * Issue 13, photos with added information (decisions 018, 019): the owner adds text and two photos to
 * an open case through two lost connections (the text's answer, then the photos); the text is stored
 * once, the photos under the addition's IDs; the case page and the desk show them beside the text,
 * apart from the photo sent with the filing.
 */
let browser: Browser;
let photo: Buffer;
let screenshotPng: Buffer;
beforeAll(async () => {
  browser = await launchBrowser();
  const page = await browser.newPage();
  photo = await drawnImage(page, { width: 2400, height: 1800, noise: 6 });
  screenshotPng = await drawnImage(page, { width: 900, height: 1600, type: 'image/png' });
  await page.close();
});
afterAll(() => browser.close());

const additionsOf = async (caseId: string) => (await adminDb.collection(`complaints/${caseId}/${ADDITIONS_COLLECTION}`).get()).docs;
const photosOf = async (caseId: string) => (await adminDb.collection(`complaints/${caseId}/photos`).get()).docs;
const loaded = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('img')
    .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length);

async function deskCase(caseId: string): Promise<Page> {
  const email = `addition-photos-${Date.now()}@banmae.go.th`;
  await addStaff(adminAuth, adminDb, { email, role: 'staff', displayName: 'สมศรี ทดสอบ', password: 'desk-password-1' });
  const page = await phonePage(browser, { width: 360 });
  await page.goto(`${HOSTING_ORIGIN}/admin`);
  await page.getByLabel('อีเมล', { exact: true }).fill(email);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill('desk-password-1');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.locator('[data-testid="queue"], [data-testid="queue-empty"]').first().waitFor();
  await page.goto(`${HOSTING_ORIGIN}/admin/cases/${caseId}`);
  await page.getByTestId('timeline').waitFor();
  return page;
}

describe('photos with added information in Chromium', () => {
  it('adds text and two photos through lost connections: the text once, the photos beside it on the case page and the desk', async () => {
    const user = lineUserId();
    const c = await fileCase(user, { subject: 'ไฟถนนดับหน้าวัด' });
    // The photo sent with the filing, as the form stores it.
    await adminDb
      .doc(photoPath(c.id, 'r1'))
      .set({ kind: 'reporter', contentType: PHOTO_CONTENT_TYPE, width: 2400, height: 1800, data: photo, createdAt: FieldValue.serverTimestamp() });
    await setStatusByHand(c.id, 'in_progress', { statusNote: 'ช่างกำลังตรวจสอบ' });

    const page = await phonePage(browser, { width: 360 });
    await page.goto(`${HOSTING_ORIGIN}/cases/${c.id}?as=${user}`);
    await page.getByRole('button', { name: 'เพิ่มข้อมูล' }).click();
    await page.getByLabel('ข้อมูลเพิ่มเติม').fill('ไฟดับสามต้นติดกัน ตั้งแต่เสาหน้าวัดถึงทางเข้าหมู่บ้าน');
    const form = page.getByTestId('case-actions');
    await form.getByTestId('photo-gallery').setInputFiles([
      { name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'Screenshot.png', mimeType: 'image/png', buffer: screenshotPng },
    ]);
    const strip = form.getByRole('list', { name: 'รูปที่เลือก' });
    await expect.poll(() => strip.getByRole('img').count(), { timeout: 20_000 }).toBe(2);
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/addition-photos-form-360.png`, fullPage: true });

    // 1. The text reaches the server but its answer is lost: the page cannot know it was stored.
    let lostAnswers = 0;
    await page.route('**/documents:commit*', async (route) => {
      if (!(route.request().postData() ?? '').includes(`/${ADDITIONS_COLLECTION}/`)) return route.continue();
      await route.fetch();
      lostAnswers++;
      return route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'ส่งข้อมูลเพิ่มเติม' }).click();
    await form.getByRole('alert').getByText('ส่งไม่สำเร็จ เพราะการเชื่อมต่ออินเทอร์เน็ตขาดหาย', { exact: false }).waitFor({ timeout: 20_000 });
    expect(lostAnswers).toBe(1);
    expect(await additionsOf(c.id)).toHaveLength(1);
    await page.unroute('**/documents:commit*');

    // 2. The next tap lands on the same addition (not a second one); then the photos' connection drops.
    let droppedPhotos = 0;
    await page.route('**/documents:commit*', async (route) => {
      if (!(route.request().postData() ?? '').includes('/photos/')) return route.continue();
      droppedPhotos++;
      return route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'ส่งข้อมูลเพิ่มเติม' }).click();
    await form.getByText('ส่งข้อความแล้ว แต่ส่งรูปภาพไม่สำเร็จ', { exact: false }).waitFor({ timeout: 20_000 });
    expect(droppedPhotos).toBeGreaterThan(0);
    expect(await strip.getByRole('img').count()).toBe(2); // kept
    expect(await page.getByLabel('ข้อมูลเพิ่มเติม').getAttribute('readonly')).not.toBeNull(); // the stored text cannot drift
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/addition-photos-failed-360.png`, fullPage: true });
    await page.unroute('**/documents:commit*');

    // 3. Back online: the same tap sends the photos, and only them.
    await page.getByRole('button', { name: 'ส่งข้อมูลเพิ่มเติม' }).click();
    await page.getByText('ส่งข้อมูลเพิ่มเติมและรูปภาพแล้ว').waitFor({ timeout: 20_000 });
    const additions = await additionsOf(c.id);
    expect(additions.map((d) => d.data())).toMatchObject([{ text: 'ไฟดับสามต้นติดกัน ตั้งแต่เสาหน้าวัดถึงทางเข้าหมู่บ้าน', by: user, via: 'page' }]);
    const additionId = additions[0]!.id;
    const stored = await photosOf(c.id);
    expect(stored.map((p) => p.id).sort()).toEqual(['r1', ...additionPhotoIds(additionId).slice(0, 2)].sort());
    for (const p of stored) expect(p.get('kind')).toBe('reporter');

    // The case page: the two photos beside the added text, the filing's photo where it was.
    const added = page.getByTestId('addition');
    await added.getByText('ไฟดับสามต้นติดกัน', { exact: false }).waitFor();
    await expect.poll(() => loaded(page, 'addition-photos'), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => loaded(page, 'photos-reporter'), { timeout: 20_000 }).toBe(1);
    expect(await added.getByTestId('addition-photos').count()).toBe(1);
    await added.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/addition-photos-case-page-360.png` });
    await page.getByRole('button', { name: 'รูปประกอบข้อมูลเพิ่มเติม รูปที่ 2 แตะเพื่อดูรูปใหญ่' }).click();
    await page.getByRole('dialog', { name: 'รูปภาพ' }).waitFor();
    await page.getByRole('button', { name: 'ปิด' }).click();

    // The desk: the same, in "จากผู้แจ้ง".
    const desk = await deskCase(c.id);
    const input = desk.getByTestId('citizen-input');
    await input.getByText('ไฟดับสามต้นติดกัน', { exact: false }).waitFor();
    await expect.poll(() => loaded(desk, 'addition-photos'), { timeout: 20_000 }).toBe(2);
    expect(await input.getByTestId('addition-photos').count()).toBe(1);
    await expect.poll(() => loaded(desk, 'photos-reporter'), { timeout: 20_000 }).toBe(1);
    await input.scrollIntoViewIfNeeded();
    await desk.screenshot({ path: `${SCREENSHOTS}/addition-photos-desk-360.png` });
    // Nothing wider than the phone.
    for (const p of [page, desk]) expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
    await desk.context().close();
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADDITIONS_COLLECTION, STATUS_LABELS_TH } from '@banmae/domain';
import { adminDb } from '../support/admin.ts';
import { launchBrowser, phonePage, SCREENSHOTS } from '../support/browser.ts';
import { fileCase, setStatusByHand, timelineOf } from '../support/cases.ts';
import { HOSTING_ORIGIN, lineUserId, waitFor } from '../support/stack.ts';
import { signInOnDesk } from '../support/staff.ts';
import { standin } from '../support/standin-client.ts';

/**
 * The owner's own moves on the case page at 360 px (decision 018): cancel before acceptance with a
 * reason, add information to an open case; and the desk seeing both.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function casePage(caseId: string, userId: string): Promise<Page> {
  const page = await phonePage(browser, { width: 360 });
  await page.goto(`${HOSTING_ORIGIN}/cases/${caseId}?as=${userId}`);
  await page.getByTestId('timeline').waitFor();
  return page;
}

async function deskCase(caseId: string): Promise<Page> {
  const page = await signInOnDesk(await phonePage(browser, { width: 360 }), {
    email: `citizen-actions-${Date.now()}@banmae.go.th`,
    role: 'staff',
    displayName: 'สมศรี ทดสอบ',
    password: 'desk-password-1',
  });
  await page.goto(`${HOSTING_ORIGIN}/admin/cases/${caseId}`);
  await page.getByTestId('timeline').waitFor();
  return page;
}

describe('the case page: the owner cancels and adds information', () => {
  it('adds information to an open case: on the timeline, in the desk, and no LINE message', async () => {
    const user = lineUserId();
    const c = await fileCase(user, { subject: 'น้ำประปาไม่ไหล' });
    await setStatusByHand(c.id, 'in_progress', { statusNote: 'กำลังตรวจสอบท่อ' });
    await waitFor('in_progress step', async () => (await timelineOf(c.id)).some((e) => e.get('status') === 'in_progress'), 20_000);
    const page = await casePage(c.id, user);
    // Staff have moved it on, so no cancel; information can still be added.
    await expect.poll(() => page.getByRole('button', { name: 'ยกเลิกเรื่องนี้' }).count()).toBe(0);
    await page.getByRole('button', { name: 'เพิ่มข้อมูล' }).click();
    await page.getByRole('button', { name: 'ส่งข้อมูลเพิ่มเติม' }).click();
    await page.getByRole('alert').getByText('กรุณาพิมพ์อย่างน้อย', { exact: false }).waitFor(); // refused before anything is sent
    await page.getByLabel('ข้อมูลเพิ่มเติม').fill('น้ำไม่ไหลตั้งแต่ 6 โมงเช้า บ้านเลขที่ 12 ถึง 20');
    await page.getByRole('button', { name: 'ส่งข้อมูลเพิ่มเติม' }).click();
    await page.getByText('ส่งข้อมูลเพิ่มเติมแล้ว').waitFor();
    await page.getByTestId('addition').getByText('น้ำไม่ไหลตั้งแต่ 6 โมงเช้า', { exact: false }).waitFor();
    const stored = await adminDb.collection(`complaints/${c.id}/${ADDITIONS_COLLECTION}`).get();
    expect(stored.docs.map((d) => d.data())).toMatchObject([{ text: 'น้ำไม่ไหลตั้งแต่ 6 โมงเช้า บ้านเลขที่ 12 ถึง 20', by: user, via: 'page' }]);
    await page.screenshot({ path: `${SCREENSHOTS}/case-add-information-360.png`, fullPage: true });

    const desk = await deskCase(c.id);
    await desk.getByTestId('citizen-input').getByText('น้ำไม่ไหลตั้งแต่ 6 โมงเช้า', { exact: false }).waitFor();
    await desk.screenshot({ path: `${SCREENSHOTS}/desk-citizen-addition-360.png`, fullPage: true });
    expect((await standin.deliveredPushes(user)).filter((p) => JSON.stringify(p.body).includes('เพิ่มเติม'))).toHaveLength(0);
    await page.context().close();
    await desk.context().close();
  }, 90_000);

  it('cancels a case nobody has accepted, with a reason: one citizen step, seen by staff; then nothing more to do', async () => {
    const user = lineUserId();
    const c = await fileCase(user, { subject: 'ต้นไม้ล้มขวางถนน' });
    const page = await casePage(c.id, user);
    await page.getByRole('button', { name: 'ยกเลิกเรื่องนี้' }).click();
    await page.getByLabel('เหตุผลที่ยกเลิก').fill('ชาวบ้านช่วยกันตัดออกแล้ว');
    await page.screenshot({ path: `${SCREENSHOTS}/case-cancel-form-360.png`, fullPage: true });
    await page.getByRole('button', { name: 'ยืนยันยกเลิกเรื่อง' }).click();
    await page.getByText('ยกเลิกเรื่องแล้ว').waitFor();
    await expect.poll(() => page.getByTestId('status').first().textContent(), { timeout: 20_000 }).toBe(STATUS_LABELS_TH.cancelled);
    await expect.poll(() => page.getByTestId('timeline').textContent(), { timeout: 20_000 }).toContain('ชาวบ้านช่วยกันตัดออกแล้ว');
    await expect.poll(() => page.getByRole('button', { name: 'เพิ่มข้อมูล' }).count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/case-cancelled-360.png`, fullPage: true });

    const steps = await timelineOf(c.id);
    expect(steps.map((e) => [e.get('status') as string, e.get('by') as string])).toEqual([
      ['received', 'system'],
      ['cancelled', 'citizen'],
    ]);
    const desk = await deskCase(c.id);
    await desk.getByTestId('citizen-input').getByText('ชาวบ้านช่วยกันตัดออกแล้ว', { exact: false }).waitFor();
    expect(await desk.getByTestId('case-status').textContent()).toBe(STATUS_LABELS_TH.cancelled);
    await desk.screenshot({ path: `${SCREENSHOTS}/desk-cancelled-360.png`, fullPage: true });
    await page.context().close();
    await desk.context().close();
  }, 90_000);

  it("shows the citizen's answer and rating on the case page and in the desk", async () => {
    const user = lineUserId();
    const c = await fileCase(user);
    // As the webhook leaves a case after "แก้ไขแล้ว" and a rating of 4 (test/integration/case-feedback.test.ts).
    await adminDb.doc(`complaints/${c.id}`).update({ status: 'confirmed', feedback: { answer: 'fixed', confirmedBy: 'citizen', rating: 4 } });
    const page = await casePage(c.id, user);
    await expect.poll(() => page.getByTestId('feedback').textContent(), { timeout: 20_000 }).toBe('ผู้แจ้งยืนยันว่าแก้ไขแล้ว · ความพึงพอใจ 4/5');
    await page.screenshot({ path: `${SCREENSHOTS}/case-confirmed-rated-360.png`, fullPage: true });
    const desk = await deskCase(c.id);
    expect(await desk.getByTestId('desk-feedback').textContent()).toBe('ผู้แจ้งยืนยันว่าแก้ไขแล้ว · ความพึงพอใจ 4/5');
    await page.context().close();
    await desk.context().close();
  }, 60_000);

  it('offers no cancel once staff accepted the case', async () => {
    const user = lineUserId();
    const c = await fileCase(user);
    await setStatusByHand(c.id, 'accepted');
    await waitFor('accepted step', async () => (await timelineOf(c.id)).some((e) => e.get('status') === 'accepted'), 20_000);
    const page = await casePage(c.id, user);
    await page.getByRole('button', { name: 'เพิ่มข้อมูล' }).waitFor();
    expect(await page.getByRole('button', { name: 'ยกเลิกเรื่องนี้' }).count()).toBe(0);
    await page.context().close();
  }, 60_000);
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { GROUP_COLLECTIONS, parseMunicipalityConfig } from '@banmae/domain';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { adminDb } from '../support/admin.ts';
import { desktopPage, launchBrowser, SCREENSHOTS } from '../support/browser.ts';
import { fileCase } from '../support/cases.ts';
import { clearFirestore, HOSTING_ORIGIN, lineUserId, waitFor } from '../support/stack.ts';
import { signInOnDesk } from '../support/staff.ts';
import { standin } from '../support/standin-client.ts';
import { groupJoinEvent, lineGroupId } from '../line-standin/webhook-sender.ts';

/**
 * The admin's LINE-group page (/admin/groups) in Chromium: the OA joins a group (a signed webhook event
 * through the stand-in), the admin links it to a department on the desk, and the next case of that
 * department posts its card to the group. Staff are shown the page is not theirs.
 */
const config = parseMunicipalityConfig(rawConfig);
const ROAD = config.categories.find((c) => c.id === 'road')!;
const ENGINEERING = config.departments.find((d) => d.id === ROAD.departmentId)!;
const PASSWORD = 'desk-password-1';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());
beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

const signIn = async (role: 'staff' | 'admin'): Promise<Page> =>
  signInOnDesk(await desktopPage(browser), { email: `groups-${role}-${Date.now()}@banmae.go.th`, role, displayName: `ทดสอบ ${role}`, password: PASSWORD });

describe('linking a LINE group on the desk', () => {
  it('the admin links a joined group to a department; its next case posts one card there', async () => {
    const groupId = lineGroupId();
    expect((await standin.webhook({ events: [groupJoinEvent(groupId)] })).status).toBe(200);
    const page = await signIn('admin');
    await page.getByRole('link', { name: 'กลุ่มไลน์' }).click();
    const row = page.getByTestId(`group-${groupId}`);
    await row.waitFor();
    await row.getByRole('combobox').selectOption(ENGINEERING.id);
    await page.getByText('เชื่อมกลุ่มกับกองแล้ว').waitFor();
    await waitFor(
      'the link is stored',
      async () => (await adminDb.doc(`${GROUP_COLLECTIONS.lineGroups}/${groupId}`).get()).get('departmentId') === ENGINEERING.id,
    );
    await page.getByTestId(`alerts-${ENGINEERING.id}`).getByText('1 กลุ่ม').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/desk-groups-linked.png`, fullPage: true });

    // The admin switches the department's digest off; the new-case card stays on.
    await page.getByLabel(`สรุปเรื่องเกินกำหนดของ${ENGINEERING.labelTh}`).uncheck();
    await page.getByText(`บันทึกการแจ้งเตือนของ${ENGINEERING.labelTh}แล้ว`).waitFor();
    const stored = (await adminDb.doc(`${GROUP_COLLECTIONS.groupAlertSettings}/${ENGINEERING.id}`).get()).data();
    expect(stored).toMatchObject({ newCaseCards: true, digest: false });

    const c = await fileCase(lineUserId(), { category: ROAD.id });
    const cards = await waitFor(
      'the card in the group',
      async () => {
        const sent = await standin.deliveredPushes(groupId);
        return sent.length > 0 ? sent : null;
      },
      30_000,
    );
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]!.body.messages)).toContain(c.trackingNo);
  });

  it('shows staff that the page is for admins, and offers them no link to it', async () => {
    const page = await signIn('staff');
    await expect(page.getByRole('link', { name: 'กลุ่มไลน์' }).count()).resolves.toBe(0);
    await page.goto(`${HOSTING_ORIGIN}/admin/groups`);
    await page.getByTestId('admins-only').waitFor();
  });
});

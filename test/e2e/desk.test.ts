import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { COLLECTIONS, DESK_MESSAGES, formatNationalId, holidaySet, parseMunicipalityConfig, STATUS_LABELS_TH, type Status } from '@banmae/domain';
import { addStaff, removeStaff } from '../../scripts/staff-accounts.ts';
import { adminAuth, adminDb } from '../support/admin.ts';
import { desktopPage, launchBrowser, phonePage, SCREENSHOTS } from '../support/browser.ts';
import { fileCase, setStatusByHand, stepsOf } from '../support/cases.ts';
import { reporterFields } from '../support/fixtures.ts';
import { HOSTING_ORIGIN, lineUserId, waitFor } from '../support/stack.ts';
import { overdueWorkingDays } from '../../web/src/admin/queue/overdue.ts';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { standin } from '../support/standin-client.ts';

/**
 * The staff desk (/admin) in Chromium against the emulators, the staff functions and the LINE stand-in:
 * what a clerk does on an office PC (1280 px) and on a phone (360 px).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const PASSWORD = 'desk-password-1';
let n = 0;

interface Account {
  uid: string;
  email: string;
  name: string;
}

async function staffAccount(role: 'staff' | 'admin' = 'staff'): Promise<Account> {
  const i = ++n;
  const email = `desk-${Date.now()}-${i}@banmae.go.th`;
  const name = `สมศรี ทดสอบ${i}`;
  const added = await addStaff(adminAuth, adminDb, { email, role, displayName: name, password: PASSWORD });
  return { uid: added.uid, email, name };
}

type Viewport = 'desktop' | 'phone';
const pageFor = (viewport: Viewport) => (viewport === 'desktop' ? desktopPage(browser) : phonePage(browser, { width: 360 }));

async function fillSignIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${HOSTING_ORIGIN}/admin`);
  await page.getByLabel('อีเมล', { exact: true }).fill(email);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
}

async function signedIn(account: Account, viewport: Viewport = 'desktop'): Promise<Page> {
  const page = await pageFor(viewport);
  await fillSignIn(page, account.email);
  await page.locator('[data-testid="queue"], [data-testid="queue-empty"]').first().waitFor();
  return page;
}

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.goto(`${HOSTING_ORIGIN}/admin/cases/${caseId}`);
  await page.getByTestId('timeline').waitFor();
}

const row = (page: Page, caseId: string) => page.getByTestId('queue').locator(`li[data-case-id="${caseId}"]`);

/** Every LINE message of the case has been handled (sent, failed or skipped), so push counts are stable. */
async function deliveriesSettled(caseId: string, steps: number): Promise<void> {
  await waitFor(
    `${steps} settled deliveries on ${caseId}`,
    async () => {
      const all = await stepsOf(caseId);
      return all.length === steps && all.every((s) => s.delivery && s.delivery.state !== 'pending');
    },
    20_000,
  );
}

/** The staff-only audit entry of the case's last desk edit (its ID is the case's editId). */
async function lastEditAudit(caseId: string) {
  const editId = (await adminDb.doc(`complaints/${caseId}`).get()).get('editId') as string;
  return (await adminDb.doc(`complaints/${caseId}/audit/${editId}`).get()).data();
}

function uniquePhone(): string {
  return `08${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

async function auditOf(staffUid: string) {
  return (await adminDb.collection(COLLECTIONS.revealAudit).where('staffUid', '==', staffUid).get()).docs.map((d) => d.data());
}

async function chooseReason(page: Page, confirm: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('เหตุผลในการเปิดดูข้อมูล').selectOption('contact_reporter');
  await dialog.getByRole('button', { name: confirm }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('signing in to the staff desk', () => {
  it('tells a clerk a wrong password in Thai, then signs them in to the queue', async () => {
    const clerk = await staffAccount();
    const page = await pageFor('phone');
    await fillSignIn(page, clerk.email, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    await page.screenshot({ path: `${SCREENSHOTS}/desk-sign-in-error-360.png`, fullPage: true });
    await page.getByLabel('รหัสผ่าน', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByRole('heading', { name: 'รายการเรื่องร้องเรียนและคำขอ' }).waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(clerk.email);
    await expect(page.getByRole('button', { name: 'ออกจากระบบ' }).isVisible()).resolves.toBe(true);

    // The session survives a reload (IndexedDB), and signing out ends it.
    await page.reload();
    await page.getByRole('heading', { name: 'รายการเรื่องร้องเรียนและคำขอ' }).waitFor();
    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await page.getByRole('heading', { name: 'เข้าสู่ระบบเจ้าหน้าที่' }).waitFor();
    await page.context().close();
  });

  const noRole = [
    { description: 'a LINE citizen’s account (uid = LINE userId, never a role claim)', uid: () => lineUserId() },
    { description: 'an e-mail account without the role claim', uid: () => undefined },
  ];
  it.each(noRole)('shows $description the no-access screen, and makes no Firestore query', async ({ uid }) => {
    const c = await fileCase(lineUserId(), { subject: 'เรื่องที่บัญชีไม่มีสิทธิ์ต้องไม่เห็น' });
    const email = `nobody-${Date.now()}-${++n}@example.com`;
    const wantedUid = uid();
    await adminAuth.createUser({ ...(wantedUid ? { uid: wantedUid } : {}), email, password: PASSWORD });
    const page = await pageFor('phone');
    const firestoreCalls: string[] = [];
    page.on('request', (r) => r.url().includes(':8080/') && firestoreCalls.push(r.url()));
    await fillSignIn(page, email);
    await page.getByTestId('no-access').waitFor();
    expect(await page.getByTestId('no-access').textContent()).toContain(DESK_MESSAGES.notStaff);
    await page.screenshot({ path: `${SCREENSHOTS}/desk-no-access-360.png`, fullPage: true });

    await page.goto(`${HOSTING_ORIGIN}/admin/cases/${c.id}`); // a direct link does not help either
    await page.getByTestId('no-access').waitFor();
    const html = await page.content();
    expect(html).not.toContain(c.trackingNo);
    expect(html).not.toContain('เรื่องที่บัญชีไม่มีสิทธิ์ต้องไม่เห็น');
    expect(firestoreCalls).toEqual([]);
    await page.getByRole('button', { name: 'ออกจากระบบ' }).first().click();
    await page.getByRole('heading', { name: 'เข้าสู่ระบบเจ้าหน้าที่' }).waitFor();
    await page.context().close();
  });

  it('puts a removed member on the no-access screen as soon as a call is refused', async () => {
    const clerk = await staffAccount();
    const c = await fileCase(lineUserId());
    const page = await signedIn(clerk);
    await openCase(page, c.id);
    await removeStaff(adminAuth, adminDb, clerk.email);
    await page.getByRole('button', { name: 'แสดงเบอร์โทรศัพท์' }).click();
    await page.getByRole('dialog').getByLabel('เหตุผลในการเปิดดูข้อมูล').selectOption('contact_reporter');
    await page.getByRole('dialog').getByRole('button', { name: 'แสดงข้อมูล' }).click();
    await page.getByTestId('no-access').waitFor();
    const html = await page.content();
    expect(html).not.toContain('081-234-5678');
    expect(html).not.toContain(reporterFields(lineUserId()).phone);
    expect(await auditOf(clerk.uid)).toEqual([]);
    await page.context().close();
  });
});

describe('the queue', () => {
  it('lists cases newest first with status, category and filing date, and no personal data', async () => {
    const clerk = await staffAccount();
    const owner = lineUserId();
    const phone = uniquePhone();
    const older = await fileCase(owner, { subject: 'ถนนเป็นหลุมหน้าโรงเรียน' }, { phone, name: 'ประภา ลับเฉพาะ' });
    const newer = await fileCase(owner, { subject: 'ขอถังขยะเพิ่มที่ซอย 3', kind: 'service_request', category: 'waste' }, { phone, name: 'ประภา ลับเฉพาะ' });
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await signedIn(clerk, viewport);
      await row(page, newer.id).waitFor();
      const rows = await page
        .getByTestId('queue')
        .locator('li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-case-id')));
      expect(rows.indexOf(newer.id)).toBeLessThan(rows.indexOf(older.id));
      const text = await row(page, newer.id).textContent();
      expect(text).toContain(newer.trackingNo);
      expect(text).toContain('ขอถังขยะเพิ่มที่ซอย 3');
      expect(text).toContain('ขยะ ความสะอาด กลิ่น');
      expect(text).toContain('รับเรื่องแล้ว');
      expect(text).toMatch(/25\d\d/); // Buddhist era
      const html = await page.content();
      expect(html).not.toContain('ประภา ลับเฉพาะ');
      expect(html).not.toContain(phone);
      await page.screenshot({ path: `${SCREENSHOTS}/desk-queue-${viewport === 'desktop' ? 1280 : 360}.png`, fullPage: viewport === 'phone' });
      await page.context().close();
    }
  }, 60_000);

  it('marks an open case past its working days as overdue, and never a closed one', async () => {
    const config = parseMunicipalityConfig(rawConfig);
    const clerk = await staffAccount();
    const owner = lineUserId();
    const filedAt = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    const open = await fileCase(owner, { category: 'nuisance', subject: 'เสียงดังจากโรงงานทุกคืน', createdAt: Timestamp.fromDate(filedAt) });
    const closed = await fileCase(owner, { category: 'nuisance', subject: 'ควันจากการเผาขยะ', createdAt: Timestamp.fromDate(filedAt) });
    await setStatusByHand(closed.id, 'in_progress');
    await setStatusByHand(closed.id, 'done');
    const late = overdueWorkingDays({ status: 'received', category: 'nuisance', createdAt: filedAt }, config.categories, holidaySet(config), new Date());
    expect(late).toBeGreaterThan(15); // 40 calendar days, 7 working days allowed

    const page = await signedIn(clerk);
    await page.goto(`${HOSTING_ORIGIN}/admin?category=nuisance`);
    await row(page, open.id).waitFor();
    expect(await row(page, open.id).getByTestId('overdue').textContent()).toBe(`เกินกำหนด ${late} วันทำการ`);
    await expect.poll(() => row(page, closed.id).textContent()).toContain('ดำเนินการแล้วเสร็จ');
    expect(await row(page, closed.id).getByTestId('overdue').count()).toBe(0);
    await page.context().close();
  });

  it('filters by status and by category, keeps both in the URL and counts each status', async () => {
    const clerk = await staffAccount();
    const owner = lineUserId();
    const animalWorking = await fileCase(owner, { category: 'animal', subject: 'สุนัขจรจัดกัดคน' });
    const animalNew = await fileCase(owner, { category: 'animal', subject: 'งูเข้าบ้าน' });
    const roadWorking = await fileCase(owner, { category: 'road', subject: 'ไฟถนนดับทั้งซอย' });
    await setStatusByHand(animalWorking.id, 'in_progress');
    await setStatusByHand(roadWorking.id, 'in_progress');
    const page = await signedIn(clerk);

    await page.getByTestId('status-counts').locator('button[data-status="in_progress"]').click();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=in_progress');
    await row(page, roadWorking.id).waitFor();
    await expect.poll(() => row(page, animalNew.id).count()).toBe(0);
    for (const text of await page.getByTestId('queue').locator('li').allTextContents()) expect(text).toContain('กำลังดำเนินการ');

    await page.getByLabel('หมวดเรื่อง').selectOption('animal');
    await expect.poll(() => new URL(page.url()).search).toBe('?status=in_progress&category=animal');
    await row(page, animalWorking.id).waitFor();
    await expect.poll(() => row(page, roadWorking.id).count()).toBe(0);
    for (const text of await page.getByTestId('queue').locator('li').allTextContents()) expect(text).toContain('สัตว์จรจัด สัตว์มีพิษ');

    // The counts are of the other filters (category), one per status, as the database has them.
    const want = async (status: Status) =>
      (await adminDb.collection('complaints').where('category', '==', 'animal').where('status', '==', status).count().get()).data().count;
    const shown = (status: Status) => page.getByTestId('status-counts').locator(`button[data-status="${status}"]`).textContent();
    for (const status of ['received', 'in_progress'] as const) {
      const count = await want(status);
      expect(count).toBeGreaterThan(0);
      await expect.poll(() => shown(status)).toBe(`${STATUS_LABELS_TH[status]}${count.toLocaleString('th-TH')}`);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/desk-queue-filtered-1280.png` });

    // A bookmark brings the same filters back.
    await page.goto(`${HOSTING_ORIGIN}/admin?department=engineering&status=in_progress`);
    await page.getByTestId('status-counts').waitFor();
    expect(await page.getByLabel('หน่วยงานที่รับผิดชอบ').inputValue()).toBe('engineering');
    expect(await page.getByLabel('สถานะ', { exact: true }).inputValue()).toBe('in_progress');
    await page.context().close();
  }, 60_000);

  it('pages through a filtered queue with a cursor, a page at a time', async () => {
    const clerk = await staffAccount();
    const owner = lineUserId();
    // A filter no other test uses, so this test owns every case it shows.
    const filed = await Promise.all(
      Array.from({ length: 27 }, (_, i) => fileCase(owner, { category: 'welfare', kind: 'grievance', subject: `ขอเบี้ยยังชีพ รายที่ ${i + 1}` })),
    );
    const stored = await adminDb
      .collection('complaints')
      .where('category', '==', 'welfare')
      .where('kind', '==', 'grievance')
      .orderBy('createdAt', 'desc')
      .get();
    const page = await signedIn(clerk);
    await page.goto(`${HOSTING_ORIGIN}/admin?category=welfare&kind=grievance`);
    const ids = () =>
      page
        .getByTestId('queue')
        .locator('li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-case-id')));
    await expect.poll(ids).toEqual(stored.docs.slice(0, 25).map((d) => d.id));
    const reads: string[] = [];
    page.on('request', (r) => r.url().includes(':runQuery') && reads.push(r.postData() ?? ''));
    await page.getByRole('button', { name: 'หน้าถัดไป' }).click();
    await expect.poll(ids).toEqual(stored.docs.slice(25).map((d) => d.id));
    expect(reads.some((body) => body.includes('"startAt"') && /"limit":(\{"value":)?25\b/.test(body))).toBe(true); // a cursor, not an offset
    expect(await page.getByRole('button', { name: 'หน้าถัดไป' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'ก่อนหน้า' }).click();
    await expect.poll(ids).toEqual(stored.docs.slice(0, 25).map((d) => d.id));
    expect(stored.size).toBeGreaterThanOrEqual(filed.length);
    await page.context().close();
  }, 60_000);

  it('finds a case by the tracking number a citizen reads out, and says so when there is none', async () => {
    const clerk = await staffAccount();
    const c = await fileCase(lineUserId(), { subject: 'น้ำประปาไม่ไหลสามวัน' });
    const page = await signedIn(clerk, 'phone');
    const [, year, seq] = c.trackingNo.split('-');
    await page.getByLabel('ค้นหาด้วยเลขที่เรื่อง').fill(`bm-${year}-${Number(seq)}`);
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${HOSTING_ORIGIN}/admin/cases/${c.id}`);
    expect(await page.getByTestId('tracking-no').textContent()).toBe(c.trackingNo);

    await page.getByRole('link', { name: 'กลับไปที่รายการเรื่อง' }).click();
    await page.getByLabel('ค้นหาด้วยเลขที่เรื่อง').fill(`BM-${year}-99999`);
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await page.getByText(`ไม่พบเรื่องเลขที่ BM-${year}-99999`).waitFor();
    await page.context().close();
  });

  it('finds the cases of a phone number only with a reason, and the search is in the audit', async () => {
    const clerk = await staffAccount();
    const phone = uniquePhone();
    const c = await fileCase(lineUserId(), { subject: 'ท่อแตกหน้าบ้าน' }, { phone });
    const page = await signedIn(clerk, 'phone');
    await page.getByRole('button', { name: 'ค้นหาด้วยเบอร์โทรศัพท์' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('เบอร์โทรศัพท์').fill(`${phone.slice(0, 3)}-${phone.slice(3, 6)}-${phone.slice(6)}`);
    await dialog.getByRole('button', { name: 'ค้นหา' }).click();
    await dialog.getByText(DESK_MESSAGES.badReason).waitFor(); // no reason, no search
    await page.screenshot({ path: `${SCREENSHOTS}/desk-reason-dialog-360.png` });
    expect(await auditOf(clerk.uid)).toEqual([]);
    await chooseReason(page, 'ค้นหา');
    await page.getByTestId('phone-result').getByText('ท่อแตกหน้าบ้าน').waitFor();
    expect(await page.getByTestId('phone-result').textContent()).toContain(c.trackingNo);
    const audit = await auditOf(clerk.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: 'find_by_phone', caseIds: [c.id], fields: ['phone'], reason: 'contact_reporter' });
    await page.context().close();
  });
});

describe('a case on the desk', () => {
  it('shows what the citizen submitted with the reporter masked, and reveals the national ID only with a reason, audited', async () => {
    const clerk = await staffAccount();
    const owner = lineUserId();
    const c = await fileCase(owner, { subject: 'กิ่งไม้ขวางทาง', details: 'กิ่งไม้ใหญ่หักขวางถนนหน้าวัด รถผ่านไม่ได้' });
    const reporter = reporterFields(owner) as { nationalId: string; name: string };
    const page = await signedIn(clerk);
    await row(page, c.id).click();
    await page.getByTestId('timeline').waitFor();
    expect(page.url()).toBe(`${HOSTING_ORIGIN}/admin/cases/${c.id}`);
    expect(await page.getByTestId('case-details').textContent()).toBe('กิ่งไม้ใหญ่หักขวางถนนหน้าวัด รถผ่านไม่ได้');
    expect(await page.getByTestId('reporter-nationalId').textContent()).toBe('••••••');
    expect(await page.content()).not.toContain(reporter.nationalId);

    await page.getByRole('button', { name: 'แสดงเลขบัตรประชาชน' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'แสดงข้อมูล' }).click();
    await page.getByRole('dialog').getByText(DESK_MESSAGES.badReason).waitFor();
    await chooseReason(page, 'แสดงข้อมูล');
    await expect.poll(() => page.getByTestId('reporter-nationalId').textContent()).toBe(formatNationalId(reporter.nationalId));
    expect(await page.getByTestId('reveal-recorded').textContent()).toContain('บันทึกการเปิดดูเลขบัตรประชาชนแล้ว');
    expect(await page.getByTestId('reporter-name').textContent()).toBe('••••••'); // one field at a time

    const audit = await auditOf(clerk.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: 'reveal', caseIds: [c.id], fields: ['nationalId'], reason: 'contact_reporter', staffEmail: clerk.email });
    await page.screenshot({ path: `${SCREENSHOTS}/desk-case-revealed-1280.png`, fullPage: true });
    await page.context().close();
  });

  it('loads the map code only after the location is revealed, then shows the marker', async () => {
    const clerk = await staffAccount();
    const c = await fileCase(lineUserId(), { hasLocation: true }, { location: { geo: new GeoPoint(18.6253, 98.8917), accuracyM: 25 } });
    const page = await signedIn(clerk);
    await page.route(/tile\.openstreetmap\.org/, (r) => r.abort()); // offline: the marker, not the tiles
    const mapCode: string[] = [];
    page.on('request', (r) => /LocationMap/.test(r.url()) && mapCode.push(r.url()));
    await openCase(page, c.id);
    expect(mapCode).toEqual([]);
    await page.getByRole('button', { name: 'แสดงแผนที่' }).click();
    await chooseReason(page, 'แสดงแผนที่');
    await page.locator('[data-testid="location-map"] .leaflet-marker-icon').waitFor();
    expect(mapCode.length).toBeGreaterThan(0);
    expect(await page.getByText('พิกัด 18.62530, 98.89170').count()).toBe(1);
    expect((await auditOf(clerk.uid))[0]).toMatchObject({ kind: 'reveal', fields: ['location'] });
    await page.screenshot({ path: `${SCREENSHOTS}/desk-case-map-1280.png`, fullPage: true });
    await page.context().close();
  });

  it('adds an internal note that the citizen’s own case page never shows', async () => {
    const clerk = await staffAccount();
    const owner = lineUserId();
    const c = await fileCase(owner);
    const note = 'โทรหาผู้แจ้งแล้ว นัดช่างเข้าไปวันพฤหัส (ภายใน)';
    const page = await signedIn(clerk);
    await openCase(page, c.id);
    await page.getByRole('heading', { name: 'บันทึกภายใน — ประชาชนไม่เห็น' }).waitFor();
    await page.getByLabel('เพิ่มบันทึกภายใน').fill(note);
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByTestId('notes').getByText(note).waitFor();
    expect(await page.getByTestId('notes').textContent()).toContain(clerk.name);
    const stored = (await adminDb.collection(`complaints/${c.id}/notes`).get()).docs.map((d) => d.data());
    expect(stored).toEqual([expect.objectContaining({ text: note, by: clerk.uid })]);

    const citizen = await phonePage(browser);
    await citizen.goto(`${HOSTING_ORIGIN}/cases/${c.id}?as=${owner}`);
    await citizen.getByTestId('timeline').waitFor();
    await citizen.waitForTimeout(1000); // let any further reads land
    expect(await citizen.content()).not.toContain(note);
    await citizen.context().close();
    await page.context().close();
  });

  it('assigns a department and a staff member, stamped with the clerk', async () => {
    const clerk = await staffAccount();
    const colleague = await staffAccount();
    const c = await fileCase(lineUserId());
    const page = await signedIn(clerk, 'phone');
    await openCase(page, c.id);
    await page.getByLabel('หน่วยงานที่รับผิดชอบ').selectOption('engineering');
    await page.getByLabel('เจ้าหน้าที่ผู้รับผิดชอบ').selectOption({ label: colleague.name });
    await page.getByRole('button', { name: 'บันทึกการมอบหมาย' }).click();
    await page.getByText('บันทึกการมอบหมายแล้ว').waitFor();
    await expect.poll(() => page.getByTestId('case-assignee').textContent()).toBe(colleague.name);
    expect(await page.getByTestId('case-department').textContent()).toBe('กองช่าง');
    const stored = (await adminDb.doc(`complaints/${c.id}`).get()).data()!;
    expect(stored).toMatchObject({ department: 'engineering', assigneeUid: colleague.uid, status: 'received' });
    expect(JSON.stringify(stored)).not.toContain(clerk.uid); // the citizen reads the case
    expect(await lastEditAudit(c.id)).toMatchObject({ by: clerk.uid, department: 'engineering', assigneeUid: colleague.uid });

    // The colleague finds it under "assigned to me".
    const theirs = await signedIn(colleague);
    await theirs.goto(`${HOSTING_ORIGIN}/admin?assignee=me`);
    await row(theirs, c.id).waitFor();
    expect(await row(theirs, c.id).textContent()).toContain(colleague.name);
    await theirs.context().close();
    await page.context().close();
  });

  it('moves a case to "ดำเนินการแล้วเสร็จ" with a note: exactly one LINE push, and the citizen’s page shows it', async () => {
    const clerk = await staffAccount();
    const owner = lineUserId();
    const c = await fileCase(owner, { subject: 'ไฟถนนดับหน้าบ้านเลขที่ 9' });
    await setStatusByHand(c.id, 'in_progress');
    await deliveriesSettled(c.id, 2);
    const before = (await standin.deliveredPushes(owner)).length;

    const page = await signedIn(clerk);
    await openCase(page, c.id);
    const moves = await page
      .getByRole('group', { name: 'เปลี่ยนเป็น' })
      .getByRole('radio')
      .evaluateAll((rs) => rs.map((r) => (r as HTMLInputElement).value));
    expect(moves).toEqual(['forwarded', 'done', 'rejected']); // STATUS_TRANSITIONS.in_progress
    await page.getByRole('radio', { name: 'ดำเนินการแล้วเสร็จ' }).check();
    await page.getByRole('button', { name: 'ดำเนินการเรียบร้อยแล้ว ขอบคุณที่แจ้งเรื่อง' }).click(); // a template chip fills the note
    expect(await page.getByLabel(/ข้อความถึงผู้แจ้ง/).inputValue()).toBe('ดำเนินการเรียบร้อยแล้ว ขอบคุณที่แจ้งเรื่อง');
    await page.getByLabel(/ข้อความถึงผู้แจ้ง/).fill('เปลี่ยนหลอดไฟใหม่เรียบร้อยแล้ว ขอบคุณที่แจ้งเรื่อง');
    await page.getByRole('button', { name: 'ตรวจสอบก่อนบันทึก' }).click();
    expect(await page.getByTestId('status-confirm').textContent()).toContain('เปลี่ยนหลอดไฟใหม่เรียบร้อยแล้ว');
    await page.screenshot({ path: `${SCREENSHOTS}/desk-case-confirm-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'ยืนยันเปลี่ยนสถานะ' }).click();

    const lastStep = page.getByTestId('timeline').locator('li').last();
    await expect.poll(() => lastStep.textContent(), { timeout: 20_000 }).toContain('ดำเนินการแล้วเสร็จ');
    await expect.poll(() => lastStep.getByTestId('delivery').textContent(), { timeout: 20_000 }).toMatch(/^ข้อความ LINE: ส่งแล้ว · \d{1,2} .+ 25\d\d \d\d:\d\d$/); // when LINE took it
    expect(await lastStep.textContent()).toContain('เปลี่ยนหลอดไฟใหม่เรียบร้อยแล้ว');
    const pushes = await standin.deliveredPushes(owner);
    expect(pushes.length - before).toBe(1);
    expect(JSON.stringify(pushes.at(-1)!.body)).toContain('เปลี่ยนหลอดไฟใหม่เรียบร้อยแล้ว');
    const stored = (await adminDb.doc(`complaints/${c.id}`).get()).data()!;
    expect(stored.status).toBe('done');
    expect(JSON.stringify(stored)).not.toContain(clerk.uid);
    expect(await lastEditAudit(c.id)).toMatchObject({ by: clerk.uid, status: 'done', from: 'in_progress' });
    await page.screenshot({ path: `${SCREENSHOTS}/desk-case-done-1280.png`, fullPage: true });

    const phone = await signedIn(clerk, 'phone');
    await openCase(phone, c.id);
    await phone.screenshot({ path: `${SCREENSHOTS}/desk-case-done-360.png`, fullPage: true });
    await phone.context().close();

    const citizen = await phonePage(browser);
    await citizen.goto(`${HOSTING_ORIGIN}/cases/${c.id}?as=${owner}`);
    await citizen.getByTestId('timeline').waitFor();
    expect(await citizen.getByTestId('status').first().textContent()).toBe('ดำเนินการแล้วเสร็จ');
    expect(await citizen.getByTestId('timeline').textContent()).toContain('เปลี่ยนหลอดไฟใหม่เรียบร้อยแล้ว');
    await citizen.context().close();
    await page.context().close();
  }, 60_000);

  it('lets one of two clerks who change a case at once win, and tells the other in Thai with the fresh status', async () => {
    const [first, second] = [await staffAccount(), await staffAccount()];
    const c = await fileCase(lineUserId());
    const tabs = [await signedIn(first), await signedIn(second, 'phone')];
    const targets: Status[] = ['accepted', 'in_progress'];
    for (const [i, tab] of tabs.entries()) {
      await openCase(tab, c.id);
      await tab.getByRole('radio', { name: STATUS_LABELS_TH[targets[i]!] }).check();
      await tab.getByRole('button', { name: 'ตรวจสอบก่อนบันทึก' }).click();
    }
    await Promise.all(tabs.map((tab) => tab.getByRole('button', { name: 'ยืนยันเปลี่ยนสถานะ' }).click()));

    const outcome = async (tab: Page) => {
      const banners = await tab.getByRole('alert').allTextContents();
      if (banners.includes(DESK_MESSAGES.conflict)) return 'lost';
      return (await tab.getByText(/^เปลี่ยนสถานะเป็น/).count()) > 0 ? 'won' : 'waiting';
    };
    await expect.poll(async () => (await Promise.all(tabs.map(outcome))).sort(), { timeout: 15_000 }).toEqual(['lost', 'won']);
    const stored = (await adminDb.doc(`complaints/${c.id}`).get()).get('status') as Status;
    const winner = targets.indexOf(stored);
    const loser = tabs[1 - winner]!;
    expect(await lastEditAudit(c.id)).toMatchObject({ by: [first.uid, second.uid][winner], status: stored });
    await expect.poll(() => loser.getByTestId('case-status').textContent()).toBe(STATUS_LABELS_TH[stored]);
    await loser.screenshot({ path: `${SCREENSHOTS}/desk-conflict-${winner === 0 ? 360 : 1280}.png`, fullPage: true });
    await Promise.all(tabs.map((tab) => tab.context().close()));
  }, 60_000);

  it('tells a clerk whose page went stale (a console edit meanwhile) and writes nothing', async () => {
    const clerk = await staffAccount();
    const c = await fileCase(lineUserId());
    const page = await signedIn(clerk, 'phone');
    await openCase(page, c.id);
    await page.getByRole('radio', { name: 'รับเรื่องพิจารณา' }).check();
    await setStatusByHand(c.id, 'forwarded', { statusNote: 'ส่งต่อให้อำเภอแล้ว' });
    await page.getByRole('button', { name: 'ตรวจสอบก่อนบันทึก' }).click();
    await page.getByRole('button', { name: 'ยืนยันเปลี่ยนสถานะ' }).click();
    await page.getByRole('alert').filter({ hasText: DESK_MESSAGES.conflict }).waitFor();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('ส่งต่อหน่วยงานที่เกี่ยวข้อง');
    expect((await adminDb.doc(`complaints/${c.id}`).get()).get('status')).toBe('forwarded');
    await page.screenshot({ path: `${SCREENSHOTS}/desk-conflict-stale-360.png`, fullPage: true });
    await page.context().close();
  });

  it('shows a failed LINE delivery with LINE’s reason, and "ส่งอีกครั้ง" delivers it once', async () => {
    const clerk = await staffAccount();
    const owner = lineUserId();
    const c = await fileCase(owner);
    await deliveriesSettled(c.id, 1);
    const page = await signedIn(clerk);
    await openCase(page, c.id);
    await standin.fault({ path: '/v2/bot/message/push', status: 400, times: 1 });
    await page.getByRole('radio', { name: 'รับเรื่องพิจารณา' }).check();
    await page.getByRole('button', { name: 'ตรวจสอบก่อนบันทึก' }).click();
    await page.getByRole('button', { name: 'ยืนยันเปลี่ยนสถานะ' }).click();

    const lastStep = page.getByTestId('timeline').locator('li').last();
    await expect
      .poll(
        () =>
          lastStep
            .getByTestId('delivery')
            .textContent()
            .catch(() => ''),
        { timeout: 20_000 },
      )
      .toMatch(/^ข้อความ LINE: ส่งไม่สำเร็จ \(.+\)/);
    expect(await lastStep.textContent()).toContain('รับเรื่องพิจารณา');
    await page.screenshot({ path: `${SCREENSHOTS}/desk-delivery-failed-1280.png`, fullPage: true });
    const before = (await standin.deliveredPushes(owner)).length;
    await lastStep.getByRole('button', { name: 'ส่งอีกครั้ง' }).click();
    await expect.poll(() => lastStep.getByTestId('delivery').textContent(), { timeout: 20_000 }).toContain('ส่งแล้ว');
    expect(await lastStep.getByRole('button', { name: 'ส่งอีกครั้ง' }).count()).toBe(0);
    expect((await standin.deliveredPushes(owner)).length - before).toBe(1);
    await page.context().close();
  }, 60_000);
});

describe('the reveal audit', () => {
  it('shows an admin who read whose personal data, when and why, newest first, and a clerk nothing of it', async () => {
    const clerk = await staffAccount();
    const admin = await staffAccount('admin');
    const c = await fileCase(lineUserId(), { subject: 'ขอตรวจสอบบันทึก' });
    const clerkPage = await signedIn(clerk);
    await openCase(clerkPage, c.id);
    await clerkPage.getByRole('button', { name: 'แสดงเบอร์โทรศัพท์' }).click();
    await chooseReason(clerkPage, 'แสดงข้อมูล');
    await clerkPage.getByTestId('reveal-recorded').waitFor();
    // A clerk has no link to the audit, and the page itself refuses them without reading anything.
    expect(await clerkPage.getByRole('link', { name: 'บันทึกการเปิดดูข้อมูล' }).count()).toBe(0);
    await clerkPage.goto(`${HOSTING_ORIGIN}/admin/audit`);
    await clerkPage.getByTestId('admins-only').waitFor();
    expect(await clerkPage.getByTestId('reveal-audit').count()).toBe(0);
    await clerkPage.context().close();

    const page = await signedIn(admin, 'phone');
    await page.getByRole('link', { name: 'บันทึกการเปิดดูข้อมูล' }).click();
    const entries = page.getByTestId('reveal-audit').locator('li');
    await entries.first().waitFor();
    const newest = (await entries.first().textContent()) ?? '';
    for (const want of [clerk.email, 'เปิดดูข้อมูลผู้แจ้ง', 'เบอร์โทรศัพท์', 'ติดต่อผู้แจ้งเพื่อสอบถามหรือแจ้งผล', c.trackingNo]) expect(newest).toContain(want);
    expect(newest).not.toContain('0812345678'); // the audit says what was read, never the value
    await page.screenshot({ path: `${SCREENSHOTS}/desk-audit-360.png`, fullPage: true });
    await entries.first().getByRole('link', { name: c.trackingNo }).click();
    await page.getByTestId('timeline').waitFor();
    expect(page.url()).toBe(`${HOSTING_ORIGIN}/admin/cases/${c.id}`);
    await page.context().close();
  });
});

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { getAuth } from 'firebase/auth';
import {
  CASE_CSV_HEADER,
  COLLECTIONS,
  CSV_BOM,
  deliveryPath,
  EXPORT_CASES_PATH,
  DESK_MESSAGES,
  fiscalMonths,
  formatNationalId,
  formatTenths,
  formatThaiPhone,
  MASKED,
  monthKeyOf,
  parseCsv,
  REPORT_FUNCTIONS,
  REPORT_MESSAGES,
  summariseMonths,
  valuesPercentile,
  type MessageQuotaResponse,
  type MonthStats,
} from '@banmae/domain';
import { adminAuth, adminDb } from '../support/admin.ts';
import { deliveryOf, fileCase, setStatusByHand } from '../support/cases.ts';
import { signInCitizen } from '../support/citizen.ts';
import { complaintFields, reporterFields } from '../support/fixtures.ts';
import { REPORT_ANSWERS, seedReportCases } from '../support/report-history.ts';
import { callableOf, signInStaff, webApp, type SignedInStaff } from '../support/staff.ts';
import { clearFirestore, HOSTING_ORIGIN, lineUserId, waitFor } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';
import { useFunctionsEnvironment } from '../support/triggers.ts';

const cleanup: (() => Promise<void>)[] = [];
// The created trigger's first run loads its bundle: on a busy machine that alone can pass fileCase's 10 s.
beforeAll(async () => {
  const ref = adminDb.collection('complaints').doc();
  await ref.set({ ...complaintFields(lineUserId()), createdAt: Timestamp.now() });
  await waitFor('a warm created trigger', async () => (await ref.get()).get('trackingNo') as string | undefined, 55_000);
});
beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

async function member(role: 'staff' | 'admin' = 'staff'): Promise<SignedInStaff> {
  const s = await signInStaff(role);
  cleanup.push(s.close);
  return s;
}

async function exportCsv(who: SignedInStaff | null, query: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (who) headers.authorization = `Bearer ${await who.auth.currentUser!.getIdToken()}`;
  return fetch(`${HOSTING_ORIGIN}${EXPORT_CASES_PATH}?${query}`, { headers });
}

/** What exportCases writes, as the Functions runtime's response would carry it. */
function fakeResponse() {
  const out = { status: 200, sent: [] as string[], res: {} as Record<string, unknown> };
  out.res = {
    status: (s: number) => ((out.status = s), out.res),
    json: (b: unknown) => (out.sent.push(JSON.stringify(b)), out.res),
    set: () => out.res,
    write: (chunk: string) => (out.sent.push(chunk), true),
    end: () => out.res,
    destroy: () => out.res,
  };
  return out;
}

const requestOf = (query: string, token: string) =>
  ({ url: `/api/exportCases?${query}`, get: (h: string) => (h === 'authorization' ? `Bearer ${token}` : undefined) }) as never;

async function monthStats(): Promise<Partial<MonthStats>[]> {
  return (await adminDb.collection(COLLECTIONS.stats).get()).docs.map((d) => d.data() as Partial<MonthStats>);
}

describe('the month counters the triggers keep', () => {
  it('counts a filed case, its receipt, and its move to done, once each', { timeout: 90_000 }, async () => {
    // Filed as fileCase does, with room for a second trigger worker starting cold on a busy machine.
    const ref = adminDb.collection('complaints').doc();
    await ref.set({ ...complaintFields(lineUserId()), createdAt: Timestamp.now() });
    const c = { id: ref.id, trackingNo: await waitFor('its number', async () => (await ref.get()).get('trackingNo') as string | undefined, 40_000) };
    const month = monthKeyOf(new Date());
    const stats = () => adminDb.doc(`${COLLECTIONS.stats}/${month}`).get();
    await waitFor('the receipt counted as heard back', async () => (await stats()).get('heardWithin15') === 1, 20_000);
    expect((await stats()).get('filed')).toBe(1);
    expect((await stats()).get('byStatus.received')).toBe(1);
    expect((await adminDb.doc(`${COLLECTIONS.messageUsage}/${month}`).get()).data()).toMatchObject({ receipt: 1 });

    await setStatusByHand(c.id, 'done');
    await waitFor('the case counted as done', async () => (await stats()).get('byStatus.done') === 1);
    const after = (await stats()).data() as MonthStats;
    expect(after.filed).toBe(1);
    expect(after.byStatus.received).toBe(0);
    expect(Object.values(after.doneTenths.road ?? {}).reduce((a, b) => a + b, 0)).toBe(1);
    await waitFor('the status message counted', async () => (await adminDb.doc(`${COLLECTIONS.messageUsage}/${month}`).get()).get('status') === 1);

    // A trigger run again (production redelivers) changes nothing.
    useFunctionsEnvironment();
    const { syncCaseFigures } = await import('../../functions/src/reports/case-figures-sync.ts');
    await syncCaseFigures(adminDb, c.id);
    await syncCaseFigures(adminDb, c.id);
    expect((await stats()).data()).toEqual(after);
  });
});

describe('the dashboard figures and the CSV of the same period', () => {
  it('agree with each other and with the answers worked out by hand, across two fiscal years', async () => {
    await seedReportCases(adminDb);
    const clerk = await member();
    const docs = await monthStats();
    for (const fy of [2570, 2569] as const) {
      const want = REPORT_ANSWERS[fy];
      const summary = summariseMonths(fiscalMonths(fy), docs);
      expect(summary.filed).toBe(want.filed);
      expect(summary.byStatus).toMatchObject(want.byStatus);
      expect(`${(summary.heardWithin15Share! * 100).toFixed(1)}%`).toBe(want.heard);
      expect(formatTenths(summary.durations.road!.medianTenths!)).toBe(want.road.median);
      expect(formatTenths(summary.durations.road!.p90Tenths!)).toBe(want.road.p90);

      const res = await exportCsv(clerk, `from=${want.period.from}&to=${want.period.to}`);
      expect(res.status).toBe(200);
      const rows = parseCsv(await res.text()).slice(1);
      expect(rows).toHaveLength(summary.filed);
      const col = (name: (typeof CASE_CSV_HEADER)[number]) => CASE_CSV_HEADER.indexOf(name);
      expect(rows.every((r) => r[col('ปีงบประมาณ')] === String(fy))).toBe(true);
      const roadDone = rows.filter((r) => r[col('หมวดหมู่')]!.startsWith('ถนน') && r[col('สถานะ')] === 'ดำเนินการแล้วเสร็จ');
      const tenths = roadDone.map((r) => Math.round(Number(r[col('จำนวนวัน')]) * 10));
      expect(formatTenths(valuesPercentile(tenths, 0.5)!)).toBe(want.road.median);
      expect(formatTenths(valuesPercentile(tenths, 0.9)!)).toBe(want.road.p90);
      expect(rows.filter((r) => r[col('ได้รับข้อความ LINE ภายใน 15 วัน')] === 'ใช่')).toHaveLength(summary.heardWithin15);
    }
    const round1 = summariseMonths(fiscalMonths(2569, 1), docs);
    const round2 = summariseMonths(fiscalMonths(2569, 2), docs);
    expect([round1.filed, round2.filed]).toEqual([REPORT_ANSWERS[2569].round1Filed, REPORT_ANSWERS[2569].round2Filed]);
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM, a Thai header, Buddhist-era dates, and personal data masked for staff', async () => {
    const owner = lineUserId();
    const c = await fileCase(owner, { subject: 'ไฟดับ โทร 0899999999 ด่วน' });
    const clerk = await member();
    const res = await exportCsv(clerk, 'category=road');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(CSV_BOM + 'เลขที่เรื่อง,วันที่รับเรื่อง,')).toBe(true);
    expect(text).toContain('\r\n');
    const [header, row] = parseCsv(text);
    expect(header).toEqual([...CASE_CSV_HEADER]);
    expect(row![0]).toBe(c.trackingNo);
    expect(row![1]).toMatch(/^\d{2}\/\d{2}\/25\d{2}$/);
    expect(row![6]).toBe('รับเรื่องแล้ว');
    expect(row!.slice(14)).toEqual([MASKED, MASKED, MASKED, MASKED]);
    expect(text).not.toContain('0899999999');
    expect(text).not.toContain(reporterFields(owner).nationalId as string);
    expect(text).not.toContain(formatNationalId(reporterFields(owner).nationalId as string));
    expect(text).not.toContain(reporterFields(owner).name as string);
  });

  it('reads page after page (500 in production), each case once, in order', async () => {
    useFunctionsEnvironment();
    const { exportCases } = await import('../../functions/src/reports/export-cases.ts');
    const { writeCaseHistory } = await import('../../scripts/seed-history.ts');
    const many = Array.from({ length: 7 }, (_, i) => ({
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      status: 'received',
      category: 'road',
      kind: 'complaint',
    }));
    await writeCaseHistory(adminDb, many);
    const clerk = await member();
    const out = fakeResponse();
    await exportCases(adminDb, adminAuth, requestOf('', await clerk.auth.currentUser!.getIdToken()), out.res as never, undefined, 3);
    const rows = parseCsv(out.sent.join('')).slice(1);
    expect(out.status).toBe(200);
    expect(rows.map((r) => r[0])).toEqual([...new Set(rows.map((r) => r[0]))]);
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0])].sort().reverse()); // newest first
  });

  it('refuses the export with personal data to staff, and writes no audit entry', async () => {
    await fileCase(lineUserId());
    const res = await exportCsv(await member('staff'), 'personal=1&reason=forward_agency');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe(REPORT_MESSAGES.adminsOnly);
    expect((await adminDb.collection(COLLECTIONS.revealAudit).get()).size).toBe(0);
  });

  it('refuses a signed-out caller and a citizen', async () => {
    expect((await exportCsv(null, '')).status).toBe(401);
    const citizen = await signInCitizen(lineUserId());
    const res = await fetch(`${HOSTING_ORIGIN}${EXPORT_CASES_PATH}`, {
      headers: { authorization: `Bearer ${await getAuth(citizen.app).currentUser!.getIdToken()}` },
    });
    expect(res.status).toBe(403);
  });

  it('gives an admin the personal data, after writing the audit entry', async () => {
    const owner = lineUserId();
    await fileCase(owner);
    const admin = await member('admin');
    const res = await exportCsv(admin, 'personal=1&reason=forward_agency&category=road');
    expect(res.status).toBe(200);
    const [, row] = parseCsv(await res.text());
    const r = reporterFields(owner) as { name: string; phone: string; nationalId: string };
    expect(row!.slice(14, 17)).toEqual([r.name, formatThaiPhone(r.phone), formatNationalId(r.nationalId)]);
    const audit = (await adminDb.collection(COLLECTIONS.revealAudit).get()).docs.map((d) => d.data());
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: 'export', staffUid: admin.uid, reason: 'forward_agency', filter: '?category=road' });
  });

  it('exports nothing when the audit entry cannot be written', async () => {
    useFunctionsEnvironment();
    const { exportCases } = await import('../../functions/src/reports/export-cases.ts');
    await fileCase(lineUserId());
    const admin = await member('admin');
    const token = await admin.auth.currentUser!.getIdToken();
    const out = fakeResponse();
    await exportCases(adminDb, adminAuth, requestOf('personal=1&reason=forward_agency', token), out.res as never, () =>
      Promise.reject(new Error('Firestore unavailable')),
    );
    expect(out.status).toBe(503);
    expect(out.sent).toEqual([JSON.stringify({ error: DESK_MESSAGES.auditFailed })]);
  });
});

describe('LINE message quota', () => {
  async function quotaAt(used: number, limit = 1000): Promise<MessageQuotaResponse> {
    await standin.quota({ monthlyQuota: limit, totalUsage: used });
    const clerk = await member();
    return clerk.call<void, MessageQuotaResponse>(REPORT_FUNCTIONS.messageQuota, undefined);
  }

  it.each([
    { used: 790, level: 'ok' },
    { used: 800, level: 'warning' },
    { used: 1000, level: 'exhausted' },
  ])('at $used of 1,000 says $level', async ({ used, level }) => {
    const q = await quotaAt(used);
    expect(q).toMatchObject({ limit: 1000, used, level });
    expect(q.undelivered === null).toBe(level !== 'exhausted');
  });

  it('lists, once the quota is used up, the cases whose messages failed this month', async () => {
    const c = await fileCase(lineUserId());
    const entries = await adminDb.collection(`complaints/${c.id}/timeline`).get();
    // The receipt's own push settles first, or its "sent" could land after our "failed".
    await expect.poll(async () => (await deliveryOf(c.id, entries.docs[0]!.id))?.state, { timeout: 30_000 }).toBe('sent');
    await adminDb
      .doc(deliveryPath(c.id, entries.docs[0]!.id))
      .set({ state: 'failed', lastError: '429 You have reached your monthly limit.', settledAt: Timestamp.now() }, { merge: true });
    const q = await quotaAt(1000);
    expect(q.undelivered).toEqual([expect.objectContaining({ caseId: c.id, trackingNo: c.trackingNo })]);
  });

  it('refuses a citizen and a signed-out caller', async () => {
    const citizen = await signInCitizen(lineUserId());
    await expect(callableOf(citizen.app)(REPORT_FUNCTIONS.messageQuota, undefined)).rejects.toMatchObject({ code: 'functions/permission-denied' });
    await expect(callableOf(webApp())(REPORT_FUNCTIONS.messageQuota, undefined)).rejects.toMatchObject({ code: 'functions/permission-denied' });
  });

  it("keeps LINE's answer for the cache period, then asks again", async () => {
    useFunctionsEnvironment();
    const { messageQuota, forgetCachedQuota } = await import('../../functions/src/reports/message-quota.ts');
    const { messagingApi } = await import('@line/bot-sdk');
    const clerk = await member();
    const client = () =>
      Promise.resolve(
        new messagingApi.MessagingApiClient({ channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN ?? 'test', baseURL: process.env.LINE_STANDIN_URL }),
      );
    const request = { auth: { uid: clerk.uid, token: { role: 'staff' } } } as never;
    forgetCachedQuota();
    const t0 = new Date();
    await standin.quota({ monthlyQuota: 1000, totalUsage: 10 });
    expect((await messageQuota(adminDb, request, client, { cacheMs: 180_000, now: t0 })).used).toBe(10);
    await standin.quota({ totalUsage: 20 });
    expect((await messageQuota(adminDb, request, client, { cacheMs: 180_000, now: new Date(t0.getTime() + 60_000) })).used).toBe(10);
    expect((await messageQuota(adminDb, request, client, { cacheMs: 180_000, now: new Date(t0.getTime() + 181_000) })).used).toBe(20);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteApp } from 'firebase/app';
import { FunctionsError } from 'firebase/functions';
import { GeoPoint } from 'firebase-admin/firestore';
import {
  COLLECTIONS,
  deliveryPath,
  DESK_MESSAGES,
  privateReporterPath,
  type Delivery,
  type FindCasesByPhoneRequest,
  type FindCasesByPhoneResponse,
  type ResendMessageRequest,
  type ResendMessageResponse,
  type RevealReporterRequest,
  type RevealReporterResponse,
} from '@banmae/domain';
import { removeStaff } from '../../scripts/staff-accounts.ts';
import { adminAuth, adminDb } from '../support/admin.ts';
import { deliveryOf, fileCase, setStatusByHand, stepsOf } from '../support/cases.ts';
import { signInCitizen } from '../support/citizen.ts';
import { reporterFields } from '../support/fixtures.ts';
import { callableOf, signInStaff, webApp, type SignedInStaff } from '../support/staff.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';
import { useFunctionsEnvironment } from '../support/triggers.ts';

const PUSH = '/v2/bot/message/push';
const cleanup: (() => Promise<void>)[] = [];

beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

async function staffMember(role: 'staff' | 'admin' = 'staff'): Promise<SignedInStaff> {
  const s = await signInStaff(role);
  cleanup.push(s.close);
  return s;
}

const reveal = (who: { call: SignedInStaff['call'] }, data: Partial<RevealReporterRequest>) =>
  who.call<Partial<RevealReporterRequest>, RevealReporterResponse>('revealReporter', data);

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FunctionsError);
  return { code: (err as FunctionsError).code, message: (err as FunctionsError).message };
}

async function auditEntries() {
  return (await adminDb.collection(COLLECTIONS.revealAudit).get()).docs;
}

describe('revealReporter', () => {
  it('answers a staff member with only the fields asked for, after writing the audit entry', async () => {
    const owner = lineUserId();
    const c = await fileCase(owner, { hasLocation: true }, { email: 'somchai@example.com', location: { geo: new GeoPoint(18.62, 98.89), accuracyM: 12 } });
    const clerk = await staffMember();
    const answer = await reveal(clerk, { caseId: c.id, fields: ['nationalId', 'location'], reason: 'site_visit' });

    const reporter = reporterFields(owner);
    expect(answer.nationalId).toBe(reporter.nationalId);
    expect(answer.location).toEqual({ lat: 18.62, lng: 98.89, accuracyM: 12 });
    for (const notAsked of ['name', 'phone', 'email'] as const) expect(answer[notAsked]).toBeUndefined();

    // The entry exists the moment the answer arrives: it was written first.
    const audit = await adminDb.collection(COLLECTIONS.revealAudit).doc(answer.auditId).get();
    expect(audit.data()).toMatchObject({
      kind: 'reveal',
      staffUid: clerk.uid,
      staffEmail: clerk.email,
      caseIds: [c.id],
      trackingNos: [c.trackingNo],
      fields: ['nationalId', 'location'],
      reason: 'site_visit',
    });
    expect(audit.get('at')).toBeDefined();
    // The audit says what was read, never the values.
    expect(JSON.stringify(audit.data())).not.toContain(reporter.nationalId as string);
  });

  it('lets an admin reveal too', async () => {
    const c = await fileCase(lineUserId());
    const admin = await staffMember('admin');
    expect((await reveal(admin, { caseId: c.id, fields: ['phone'], reason: 'contact_reporter' })).phone).toBe('0812345678');
  });

  it('refuses a citizen, even the case owner, and writes nothing', async () => {
    const owner = lineUserId();
    const c = await fileCase(owner);
    const citizen = await signInCitizen(owner);
    cleanup.push(citizen.close);
    const r = await refusal(reveal({ call: callableOf(citizen.app) }, { caseId: c.id, fields: ['phone'], reason: 'contact_reporter' }));
    expect(r.code).toBe('functions/permission-denied');
    expect(r.message).toContain(DESK_MESSAGES.notStaff);
    expect(await auditEntries()).toHaveLength(0);
  });

  it('refuses a caller who is not signed in', async () => {
    const c = await fileCase(lineUserId());
    const app = webApp();
    cleanup.push(() => deleteApp(app));
    expect((await refusal(reveal({ call: callableOf(app) }, { caseId: c.id, fields: ['phone'], reason: 'contact_reporter' }))).code).toBe(
      'functions/permission-denied',
    );
  });

  it('refuses a removed member whose ID token still carries the old claim', async () => {
    const c = await fileCase(lineUserId());
    const clerk = await staffMember();
    await removeStaff(adminAuth, adminDb, clerk.email);
    // No token refresh here: the claim is still in the token, the directory says inactive.
    expect((await refusal(reveal(clerk, { caseId: c.id, fields: ['phone'], reason: 'contact_reporter' }))).code).toBe('functions/permission-denied');
    expect(await auditEntries()).toHaveLength(0);
  });

  const badRequests: { description: string; data: (caseId: string) => Partial<RevealReporterRequest>; code: string }[] = [
    { description: 'an unknown case', data: () => ({ caseId: 'nosuchcase', fields: ['phone'], reason: 'contact_reporter' }), code: 'functions/not-found' },
    {
      description: 'a case ID that is a path',
      data: (id) => ({ caseId: `${id}/private/reporter`, fields: ['phone'], reason: 'contact_reporter' }),
      code: 'functions/invalid-argument',
    },
    { description: 'no reason', data: (id) => ({ caseId: id, fields: ['phone'] }), code: 'functions/invalid-argument' },
    { description: 'a made-up reason', data: (id) => ({ caseId: id, fields: ['phone'], reason: 'curious' as never }), code: 'functions/invalid-argument' },
    { description: 'no fields', data: (id) => ({ caseId: id, fields: [], reason: 'contact_reporter' }), code: 'functions/invalid-argument' },
    {
      description: 'a field that is not personal data',
      data: (id) => ({ caseId: id, fields: ['owner' as never], reason: 'contact_reporter' }),
      code: 'functions/invalid-argument',
    },
  ];
  for (const b of badRequests) {
    it(`refuses ${b.description}, writing no audit entry`, async () => {
      const c = await fileCase(lineUserId());
      const clerk = await staffMember();
      expect((await refusal(reveal(clerk, b.data(c.id)))).code).toBe(b.code);
      expect(await auditEntries()).toHaveLength(0);
    });
  }

  it('returns no personal data when the audit entry cannot be written', async () => {
    useFunctionsEnvironment();
    const { revealReporter } = await import('../../functions/src/staff/reveal-reporter.ts');
    const owner = lineUserId();
    const c = await fileCase(owner);
    const clerk = await staffMember();
    const request = {
      auth: { uid: clerk.uid, token: { role: 'staff', email: clerk.email } },
      data: { caseId: c.id, fields: ['nationalId', 'phone'], reason: 'contact_reporter' },
    };
    const failingAudit = () => Promise.reject(new Error('Firestore unavailable'));
    const outcome = await revealReporter(adminDb, request as never, failingAudit).then(
      (answer) => ({ answer, error: null }),
      (error: unknown) => ({ answer: null, error }),
    );
    expect(outcome.answer).toBeNull();
    expect((outcome.error as { code?: string }).code).toBe('unavailable');
    expect((outcome.error as Error).message).toBe(DESK_MESSAGES.auditFailed);
    expect(JSON.stringify(outcome.error)).not.toContain(reporterFields(owner).nationalId as string);
  });

  it('answers with no fields for a case whose personal data retention has already removed', async () => {
    const c = await fileCase(lineUserId());
    await adminDb.doc(privateReporterPath(c.id)).delete();
    const clerk = await staffMember();
    const answer = await reveal(clerk, { caseId: c.id, fields: ['name', 'phone'], reason: 'contact_reporter' });
    expect(Object.keys(answer)).toEqual(['auditId']);
  });
});

describe('findCasesByPhone', () => {
  const find = (who: SignedInStaff, data: Partial<FindCasesByPhoneRequest>) =>
    who.call<Partial<FindCasesByPhoneRequest>, FindCasesByPhoneResponse>('findCasesByPhone', data);

  it('finds every case filed with that number, however it is typed, newest first, and audits the search', async () => {
    const owner = lineUserId();
    const first = await fileCase(owner, { subject: 'ท่อระบายน้ำอุดตัน' }, { phone: '0891112222' });
    const second = await fileCase(lineUserId(), { subject: 'ไฟถนนดับ' }, { phone: '0891112222' });
    await fileCase(lineUserId(), {}, { phone: '0812345678' });
    const clerk = await staffMember();
    const result = await find(clerk, { phone: '+66 89-111-2222', reason: 'contact_reporter' });
    expect(result.cases.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(result.cases[1]).toMatchObject({ trackingNo: first.trackingNo, subject: 'ท่อระบายน้ำอุดตัน', status: 'received' });
    // No personal data of the reporters comes back.
    expect(JSON.stringify(result)).not.toContain(reporterFields(owner).nationalId as string);
    expect(JSON.stringify(result)).not.toContain('สมชาย');
    const audit = await adminDb.collection(COLLECTIONS.revealAudit).doc(result.auditId).get();
    expect(audit.data()).toMatchObject({ kind: 'find_by_phone', staffUid: clerk.uid, fields: ['phone'], reason: 'contact_reporter' });
    expect((audit.get('caseIds') as string[]).sort()).toEqual([first.id, second.id].sort());
  });

  it('answers an unknown number with no cases, still audited', async () => {
    await fileCase(lineUserId());
    const clerk = await staffMember();
    const result = await find(clerk, { phone: '021234567', reason: 'contact_reporter' });
    expect(result.cases).toEqual([]);
    expect(await auditEntries()).toHaveLength(1);
  });

  it('refuses a malformed number, a missing reason and a citizen', async () => {
    const clerk = await staffMember();
    expect((await refusal(find(clerk, { phone: '12345', reason: 'contact_reporter' }))).message).toContain(DESK_MESSAGES.badPhone);
    expect((await refusal(find(clerk, { phone: '0891112222' }))).code).toBe('functions/invalid-argument');
    const citizen = await signInCitizen(lineUserId());
    cleanup.push(citizen.close);
    const r = await refusal(
      callableOf(citizen.app)<Partial<FindCasesByPhoneRequest>, FindCasesByPhoneResponse>('findCasesByPhone', {
        phone: '0891112222',
        reason: 'contact_reporter',
      }),
    );
    expect(r.code).toBe('functions/permission-denied');
    expect(await auditEntries()).toHaveLength(0);
  });
});

describe('resendMessage ("ส่งอีกครั้ง")', () => {
  const resend = (who: SignedInStaff, data: ResendMessageRequest) => who.call<ResendMessageRequest, ResendMessageResponse>('resendMessage', data);

  async function failedStatusMessage() {
    const owner = lineUserId();
    const c = await fileCase(owner);
    await waitFor('receipt', async () => (await standin.deliveredPushes(owner)).length === 1);
    await standin.fault({ path: PUSH, status: 400, body: { message: 'The request body has 1 error(s)' }, times: 1 });
    await setStatusByHand(c.id, 'in_progress', { statusNote: 'ช่างจะเข้าไปวันพรุ่งนี้' });
    const { entry, delivery } = await waitFor('failed delivery', async () => (await stepsOf(c.id)).find((s) => s.delivery?.state === 'failed'));
    return { owner, c, entry, delivery: delivery! };
  }
  /** A step's delivery record, read again. */
  const deliveryNow = async (caseId: string, entryId: string) => (await deliveryOf(caseId, entryId))!;
  const sentReceipt = (caseId: string) => waitFor('receipt sent', async () => (await stepsOf(caseId)).find((s) => s.delivery?.state === 'sent'));

  it('sends a failed message again with the same retry key, exactly once, and records it as sent', async () => {
    const { owner, c, entry, delivery } = await failedStatusMessage();
    const firstKey = delivery.retryKey;
    const clerk = await staffMember();
    const result = await resend(clerk, { caseId: c.id, entryId: entry.id });
    expect(result).toEqual({ state: 'sent', lastError: null });

    const delivered = await standin.deliveredPushes(owner);
    expect(delivered).toHaveLength(2); // the receipt and the resent status message
    expect(delivered[1]!.retryKey).toBe(firstKey);
    expect(JSON.stringify(delivered[1]!.body.messages)).toContain('ช่างจะเข้าไปวันพรุ่งนี้');
    const after = await deliveryNow(c.id, entry.id);
    expect(after.state).toBe('sent');
    expect(after.attempts).toBe(2);
    const audit = (await adminDb.collection(`complaints/${c.id}/audit`).where('kind', '==', 'resend').get()).docs;
    expect(audit.map((d) => d.get('by') as string)).toEqual([clerk.uid]);

    // Pressed again (a second tab, a double click): the message is no longer failed, nothing is sent.
    expect((await refusal(resend(clerk, { caseId: c.id, entryId: entry.id }))).message).toContain(DESK_MESSAGES.notResendable);
    expect(await standin.deliveredPushes(owner)).toHaveLength(2);
  });

  it('counts a resend that LINE had in fact accepted as sent, without a second copy', async () => {
    const owner = lineUserId();
    const c = await fileCase(owner);
    const { entry: receipt, delivery: sent } = await sentReceipt(c.id);
    const delivery = sent!;
    // Our side recorded a failure (an answer that never came) for a message LINE did accept.
    await adminDb
      .doc(deliveryPath(c.id, receipt.id))
      .set({ ...delivery, state: 'failed', lastError: 'network: no answer from LINE within 10000 ms' } satisfies Delivery);
    const clerk = await staffMember();
    expect((await resend(clerk, { caseId: c.id, entryId: receipt.id })).state).toBe('sent');
    const attempts = (await standin.requests(PUSH)).filter((r) => r.retryKey === delivery.retryKey);
    expect(attempts.map((r) => r.status)).toEqual([200, 409]); // LINE answered "already accepted"
    expect(await standin.deliveredPushes(owner)).toHaveLength(1);
  });

  it('refuses to resend the failed message of a step the case has since left, sending nothing', async () => {
    const { owner, c, entry } = await failedStatusMessage(); // "in_progress" failed
    await setStatusByHand(c.id, 'done');
    await waitFor('done delivered', async () => (await standin.deliveredPushes(owner)).length === 2);
    const clerk = await staffMember();
    const r = await refusal(resend(clerk, { caseId: c.id, entryId: entry.id }));
    expect(r.code).toBe('functions/failed-precondition');
    expect(r.message).toContain(DESK_MESSAGES.resendSuperseded);
    expect(await standin.deliveredPushes(owner)).toHaveLength(2); // the receipt and "done", never the old step
    expect((await deliveryNow(c.id, entry.id)).state).toBe('failed');
  });

  it('refuses to resend a message that was sent or skipped', async () => {
    const owner = lineUserId();
    const c = await fileCase(owner);
    const { entry: receipt } = await sentReceipt(c.id);
    const clerk = await staffMember();
    expect((await refusal(resend(clerk, { caseId: c.id, entryId: receipt.id }))).code).toBe('functions/failed-precondition');
    expect(await standin.deliveredPushes(owner)).toHaveLength(1);
  });

  it('refuses a citizen', async () => {
    const { owner, c, entry } = await failedStatusMessage();
    const citizen = await signInCitizen(owner);
    cleanup.push(citizen.close);
    const r = await refusal(callableOf(citizen.app)<ResendMessageRequest, ResendMessageResponse>('resendMessage', { caseId: c.id, entryId: entry.id }));
    expect(r.code).toBe('functions/permission-denied');
    expect((await deliveryNow(c.id, entry.id)).state).toBe('failed');
  });
});

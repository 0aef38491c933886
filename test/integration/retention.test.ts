import { beforeEach, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { adminDb } from '../support/admin.ts';
import { fileCase, setStatusByHand } from '../support/cases.ts';
import { complaintFields } from '../support/fixtures.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';

const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => clearFirestore());

describe('retention (the privacy notice promises deletion after the retention period)', () => {
  it('stamps closedAt when a case is finished by hand and clears it when the case is reopened', async () => {
    const c = await fileCase(lineUserId());
    await setStatusByHand(c.id, 'done');
    const closed = await waitFor('closedAt', async () => (await adminDb.doc(`complaints/${c.id}`).get()).get('closedAt') as Timestamp | undefined);
    expect(closed.toMillis()).toBeGreaterThan(Date.now() - 60_000);
    await setStatusByHand(c.id, 'in_progress');
    await waitFor('closedAt cleared', async () => (await adminDb.doc(`complaints/${c.id}`).get()).get('closedAt') === undefined);
  });

  it('anonymises cases closed longer ago than retentionDays, and keeps what statistics need', async () => {
    const { anonymiseExpiredCases } = await import('../../functions/src/retention/anonymise-expired-cases.ts');
    const owner = lineUserId();
    const base = { ...complaintFields(owner), createdAt: Timestamp.fromMillis(Date.now() - 800 * DAY), trackingNo: 'BM-2567-00001' };
    const old = adminDb.collection('complaints').doc();
    const recent = adminDb.collection('complaints').doc();
    const open = adminDb.collection('complaints').doc();
    // Written with the trigger's fields already in place, as an old database would hold them.
    await old.set({ ...base, location: { lat: 18.6, lng: 98.9, accuracyM: 10 }, status: 'done', closedAt: Timestamp.fromMillis(Date.now() - 731 * DAY) });
    await recent.set({ ...base, status: 'rejected', closedAt: Timestamp.fromMillis(Date.now() - 10 * DAY) });
    await open.set({ ...base, status: 'in_progress' });

    expect(await anonymiseExpiredCases(adminDb, 730)).toBe(1);

    const a = (await old.get()).data()!;
    expect(a.owner).toBe('anonymised');
    for (const gone of ['reporter', 'location', 'details', 'closedAt']) expect(a[gone]).toBeUndefined();
    expect(JSON.stringify(a)).not.toContain((complaintFields(owner).reporter as { nationalId: string }).nationalId);
    expect(a).toMatchObject({ kind: 'complaint', category: 'road', status: 'done', trackingNo: 'BM-2567-00001' });
    expect((await recent.get()).get('reporter')).toBeDefined();
    expect((await open.get()).get('owner')).toBe(owner);
    expect(await anonymiseExpiredCases(adminDb, 730)).toBe(0); // nothing left to do on the next run
  });
});

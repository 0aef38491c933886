import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doc, getDoc } from 'firebase/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { parseTrackingNo } from '@banmae/domain';
import { adminDb } from '../support/admin.ts';
import { stepsOf } from '../support/cases.ts';
import { fileAsCitizen, signInCitizen } from '../support/citizen.ts';
import { complaintFields, reporterFields } from '../support/fixtures.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';
import type { onComplaintCreated as OnComplaintCreated } from '../../functions/src/complaints/on-complaint-created.ts';
import { firestoreEvent, pauseEmulatorTriggers, useFunctionsEnvironment } from '../support/triggers.ts';

beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

async function trackingNoOf(id: string): Promise<string> {
  return waitFor(`tracking number of ${id}`, async () => (await adminDb.doc(`complaints/${id}`).get()).get('trackingNo') as string | undefined);
}

describe('a complaint filed by a signed-in citizen', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('gets a tracking number, a first timeline entry and exactly one LINE receipt', async () => {
    const alice = await signInCitizen(lineUserId());
    close = alice.close;
    const ref = await fileAsCitizen(alice);

    const trackingNo = await trackingNoOf(ref.id);
    expect(trackingNo).toMatch(/^BM-25\d\d-00001$/);
    // The citizen can read the number back under the rules (the LIFF success screen does this).
    expect((await getDoc(doc(alice.db, 'complaints', ref.id))).get('trackingNo')).toBe(trackingNo);

    const receipts = await waitFor('receipt', async () => {
      const sent = await standin.deliveredPushes(alice.userId);
      return sent.length > 0 && sent;
    });
    await new Promise((r) => setTimeout(r, 500)); // a second copy would arrive in this window
    expect(await standin.deliveredPushes(alice.userId)).toHaveLength(1);
    const push = receipts[0]!;
    expect(push.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    const message = push.body.messages![0]!;
    expect(message.type).toBe('flex');
    const text = JSON.stringify(message);
    expect(text).toContain(trackingNo);
    expect(text).toContain('ไฟถนนดับหน้าวัด');
    // No personal data in a LINE message (PDPA): not the ID number, the phone or the reporter's name.
    const reporter = reporterFields(alice.userId) as { nationalId: string; phone: string; name: string };
    for (const secret of [reporter.nationalId, reporter.phone, reporter.name]) expect(text).not.toContain(secret);

    const steps = await waitFor('delivery recorded', async () => {
      const all = await stepsOf(ref.id);
      return all[0]?.delivery?.state === 'sent' && all;
    });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.entry.get('status')).toBe('received');
    expect(steps[0]!.delivery!.attempts).toBe(1);
    expect(steps[0]!.delivery!.retryKey).toBe(push.retryKey);
  });

  it('numbers 100 complaints created at once 1..100 with no gaps or repeats', async () => {
    const owner = lineUserId();
    const batch = Array.from({ length: 100 }, () => adminDb.collection('complaints').doc());
    await Promise.all(batch.map((ref) => ref.set({ ...complaintFields(owner), createdAt: Timestamp.now() })));
    const numbers = await waitFor(
      '100 tracking numbers',
      async () => {
        const snaps = await adminDb.getAll(...batch);
        const nos = snaps.map((s) => s.get('trackingNo') as string | undefined);
        return nos.every(Boolean) && (nos as string[]);
      },
      60_000,
    );
    const sequences = numbers.map((n) => parseTrackingNo(n)!.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  }, 90_000);
});

describe('onComplaintCreated run twice for one event', () => {
  type Handler = typeof OnComplaintCreated;

  /** Files a case with the emulator's triggers paused, then lets `run` call the handler itself. */
  async function withPausedTrigger(eventId: string, run: (handler: Handler, event: Parameters<Handler>[0]) => Promise<unknown>) {
    useFunctionsEnvironment();
    const { onComplaintCreated } = await import('../../functions/src/complaints/on-complaint-created.ts');
    const owner = lineUserId();
    const ref = adminDb.collection('complaints').doc();
    await pauseEmulatorTriggers(async () => {
      await ref.set({ ...complaintFields(owner), createdAt: Timestamp.now() });
      await run(onComplaintCreated, firestoreEvent(eventId, await ref.get(), { id: ref.id }));
    });
    return { owner, ref };
  }

  it('numbers the case once and sends one receipt', async () => {
    const { owner, ref } = await withPausedTrigger('event-created-1', async (handler, event) => {
      await handler(event);
      await handler(event);
    });
    expect((await ref.get()).get('trackingNo')).toMatch(/-00001$/);
    expect((await ref.collection('timeline').get()).size).toBe(1);
    expect(await standin.deliveredPushes(owner)).toHaveLength(1);
    expect((await standin.requests('/v2/bot/message/push')).filter((r) => r.body.to === owner)).toHaveLength(1);
  });

  it('does not send the receipt twice when two runs race: the retry key makes LINE drop the copy', async () => {
    const { owner, ref } = await withPausedTrigger('event-created-2', (handler, event) => Promise.all([handler(event), handler(event)]));
    expect(await standin.deliveredPushes(owner)).toHaveLength(1);
    const [receipt] = await stepsOf(ref.id);
    expect(receipt!.delivery!.state).toBe('sent');
  });

  it('numbers the case but sends no receipt when the config switches receipts off', async () => {
    const { municipality } = await import('../../functions/src/municipality.ts');
    municipality.notifications.receipt = false;
    try {
      const { ref } = await withPausedTrigger('event-created-3', (handler, event) => handler(event));
      expect((await ref.get()).get('trackingNo')).toMatch(/^BM-/);
      const [receipt] = await stepsOf(ref.id);
      expect(receipt!.delivery).toMatchObject({ state: 'skipped', reason: 'disabled' });
      expect(await standin.requests('/v2/bot/message/push')).toHaveLength(0);
    } finally {
      municipality.notifications.receipt = true;
    }
  });
});

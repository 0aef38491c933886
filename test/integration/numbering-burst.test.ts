import { beforeEach, describe, expect, it } from 'vitest';
import { Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import { COLLECTIONS, parseTrackingNo } from '@banmae/domain';
import type { Assigned } from '../../functions/src/complaints/assign-tracking-number.ts';
import { adminDb } from '../support/admin.ts';
import { createCase, numberAsTrigger } from '../support/numbering.ts';
import { clearFirestore, lineUserId } from '../support/stack.ts';
import { pauseEmulatorTriggers } from '../support/triggers.ts';

// A rush of filings (issue 9): 300 cases from 20 citizens, each numbered by its own trigger run at the
// same time, against the Firestore emulator. The emulator's triggers are paused so that only these runs
// number the cases (and a second run of an event is ours to make).
const CASES = 300;
const CITIZENS = Array.from({ length: 20 }, () => lineUserId());
const eventIdOf = (ref: DocumentReference) => `created-${ref.id}`;

beforeEach(() => clearFirestore());

/** Everything numbering wrote, to compare before and after a second run. */
async function snapshotOfNumbering(refs: DocumentReference[]) {
  const [cases, entries, deliveries, counters, waiting] = await Promise.all([
    adminDb.getAll(...refs),
    adminDb.collectionGroup(COLLECTIONS.timeline).get(),
    adminDb.collectionGroup(COLLECTIONS.deliveries).get(),
    adminDb.collection(COLLECTIONS.counters).get(),
    adminDb.collection(COLLECTIONS.numbering).get(),
  ]);
  return {
    trackingNos: cases.map((c) => c.get('trackingNo') as string | undefined),
    updatedAts: cases.map((c) => (c.get('updatedAt') as Timestamp | undefined)?.toMillis()),
    entries: entries.docs.map((d) => d.ref.path).sort(),
    deliveries: deliveries.docs.map((d) => ({ path: d.ref.path, ...d.data() })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    counters: counters.docs.map((d) => ({ id: d.id, last: d.get('last') as number, updatedAt: (d.get('updatedAt') as Timestamp).toMillis() })),
    waiting: waiting.size,
  };
}

describe('300 filings at once, each numbered by its own trigger run', () => {
  it('numbers every case once, unique and gap-free per year, with one receipt entry each, in a handful of counter writes', async () => {
    const refs: DocumentReference[] = [];
    const runs: Promise<Assigned | null>[] = [];
    const fromChat = new Set<string>();
    await pauseEmulatorTriggers(async () => {
      await Promise.all(
        Array.from({ length: CASES }, async (_, i) => {
          // Every fifth case was filed from the OA's chat: its receipt waits for the reply (decision 012).
          const ref = await createCase(CITIZENS[i % CITIZENS.length]!, i % 5 === 0 ? { receiptByReply: true } : {});
          refs.push(ref);
          if (i % 5 === 0) fromChat.add(ref.id);
          runs.push(numberAsTrigger(ref, eventIdOf(ref)));
          // Triggers are at-least-once: every tenth event is delivered twice, the two runs racing.
          if (i % 10 === 0) runs.push(numberAsTrigger(ref, eventIdOf(ref)));
        }),
      );
      const results = await Promise.all(runs);

      const state = await snapshotOfNumbering(refs);
      expect(state.trackingNos.every(Boolean)).toBe(true);
      expect(new Set(state.trackingNos).size).toBe(CASES);
      // Gap-free from 1 in each Buddhist year (a run across midnight of 31 Dec in Bangkok splits in two).
      const byYear = new Map<number, number[]>();
      for (const no of state.trackingNos) {
        const { buddhistYear, sequence } = parseTrackingNo(no!)!;
        byYear.set(buddhistYear, [...(byYear.get(buddhistYear) ?? []), sequence]);
      }
      for (const [year, sequences] of byYear) {
        expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
        expect(state.counters.find((c) => c.id === `trackingNo-${year}`)?.last).toBe(sequences.length);
      }
      // Each run answers its own case's number and receipt, as onComplaintCreated needs.
      for (const [i, result] of results.entries()) expect(result, `run ${i}`).not.toBeNull();
      const byCase = new Map(refs.map((ref, i) => [ref.id, state.trackingNos[i]]));
      for (const result of results) expect(result!.trackingNo).toBe(byCase.get(result!.deliveryRef.parent.parent!.id));

      // One first timeline entry per case, its ID the case's event ID, with its delivery record.
      expect(state.entries).toEqual(refs.map((ref) => `${ref.path}/${COLLECTIONS.timeline}/${eventIdOf(ref)}`).sort());
      expect(state.deliveries.map((d) => d.path)).toEqual(refs.map((ref) => `${ref.path}/${COLLECTIONS.deliveries}/${eventIdOf(ref)}`).sort());
      for (const d of state.deliveries) {
        const caseId = d.path.split('/')[1]!;
        expect(d).toEqual({
          path: d.path,
          state: 'pending',
          attempts: 0,
          lastError: null,
          nextAttemptAt: expect.any(Timestamp) as unknown, // due for the sweeper if the trigger dies before sending (decision 014)
          ...(fromChat.has(caseId) ? { replyWindow: 'open' } : {}),
        });
      }
      expect(state.waiting).toBe(0);

      // The point of the design: the counter was written a handful of times, not once per case.
      const counterWrites = results.reduce((n, r) => n + r!.counterWrites, 0);
      expect(results.reduce((n, r) => n + r!.numbered, 0)).toBe(CASES);
      expect(counterWrites).toBeLessThanOrEqual(CASES / 10);
      console.log(`${CASES} cases numbered in ${counterWrites} counter writes`);

      // The trigger run again for every event (a redelivery after the burst) changes nothing.
      const again = await Promise.all(refs.map((ref) => numberAsTrigger(ref, eventIdOf(ref))));
      for (const [i, result] of again.entries())
        expect(result).toMatchObject({ trackingNo: state.trackingNos[i], fresh: false, numbered: 0, counterWrites: 0 });
      expect(await snapshotOfNumbering(refs)).toEqual(state);
    });
  }, 120_000);
});

describe('a waiting doc left behind', () => {
  it('is removed by the next numbering, without taking a number or renumbering its case', async () => {
    await pauseEmulatorTriggers(async () => {
      const owner = lineUserId();
      const first = await createCase(owner);
      const numbered = await numberAsTrigger(first, eventIdOf(first));
      const year = parseTrackingNo(numbered!.trackingNo)!.buddhistYear;
      // A second run of the same event passed its "already numbered?" check just before the first run
      // committed, then wrote its waiting doc: an orphan. And a case deleted while it waited.
      await adminDb
        .collection(COLLECTIONS.numbering)
        .doc(first.id)
        .set({ createdAt: Timestamp.fromMillis(0), entryId: eventIdOf(first) });
      await adminDb
        .collection(COLLECTIONS.numbering)
        .doc('deletedCase0000000001')
        .set({ createdAt: Timestamp.fromMillis(1), entryId: 'gone' });

      const next = await createCase(owner);
      const result = await numberAsTrigger(next, eventIdOf(next));
      expect(result).toMatchObject({ fresh: true, numbered: 1, counterWrites: 1 });
      expect(parseTrackingNo(result!.trackingNo)).toMatchObject({ buddhistYear: year, sequence: parseTrackingNo(numbered!.trackingNo)!.sequence + 1 });
      expect((await adminDb.collection(COLLECTIONS.numbering).get()).size).toBe(0);
      expect((await first.get()).get('trackingNo')).toBe(numbered!.trackingNo);
      expect((await first.collection(COLLECTIONS.timeline).get()).size).toBe(1);
      expect((await adminDb.doc(`${COLLECTIONS.counters}/trackingNo-${year}`).get()).get('last')).toBe(2);
      expect((await adminDb.doc('complaints/deletedCase0000000001').get()).exists).toBe(false);
    });
  });
});

describe('a numbering lease left by a run that crashed', () => {
  it('is taken over once it expired, and given back', async () => {
    await pauseEmulatorTriggers(async () => {
      const lease = adminDb.doc(`${COLLECTIONS.counters}/numberingLease`);
      await lease.set({ expireAt: Timestamp.fromMillis(Date.now() - 1000) });
      const ref = await createCase(lineUserId());
      const result = await numberAsTrigger(ref, eventIdOf(ref));
      expect(result).toMatchObject({ fresh: true, numbered: 1, counterWrites: 1 });
      expect(parseTrackingNo(result!.trackingNo)!.sequence).toBe(1);
      expect((await lease.get()).exists).toBe(false);
    });
  });
});

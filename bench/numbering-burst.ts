import { Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import type { Assigned } from '../functions/src/complaints/assign-tracking-number.ts';
import { adminDb } from '../test/support/admin.ts';
import { complaintFields } from '../test/support/fixtures.ts';
import { numberAsTrigger } from '../test/support/numbering.ts';
import { clearFirestore, lineUserId } from '../test/support/stack.ts';
import { pauseEmulatorTriggers } from '../test/support/triggers.ts';
import { percentile, round } from './stats.ts';

export interface NumberingBurst {
  /** Filing acknowledged (its create committed) → the case has its number (the numbering committed). */
  numbered: { p50Ms: number; p95Ms: number; maxMs: number };
  /** Filing acknowledged → its trigger run knows the number and can send the receipt. */
  runDone: { p50Ms: number; p95Ms: number; maxMs: number };
  /** First filing committed → last case numbered. */
  totalMs: number;
  /** Transactions that wrote the year's counter (the old design: one per case). */
  counterWrites: number;
}

type NumberCase = (ref: DocumentReference, eventId: string) => Promise<(Pick<Assigned, 'trackingNo'> & Partial<Assigned>) | null>;

const stats = (ms: number[]) => ({ p50Ms: percentile(ms, 50), p95Ms: percentile(ms, 95), maxMs: Math.max(...ms) });

/**
 * The numbering alone under a rush (issue 9): `n` cases filed at once by 20 citizens, each numbered as
 * its created trigger would number it, from this process, all concurrently against the Firestore
 * emulator. Both ends of "acknowledged → numbered" are the emulator's commit times (the create's write
 * time, the case's updatedAt set by the numbering). Run it with the emulator's own triggers paused
 * (pauseEmulatorTriggers) on a fresh Firestore.
 */
export async function measureNumberingBurst(n: number, numberCase: NumberCase = numberAsTrigger): Promise<NumberingBurst> {
  const citizens = Array.from({ length: n }, (_, i) => (i < 20 ? lineUserId() : '')).filter(Boolean);
  const runs = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const ref = adminDb.collection('complaints').doc();
      const { writeTime } = await ref.set({ ...complaintFields(citizens[i % citizens.length]!), createdAt: Timestamp.now() });
      const acknowledged = Date.now();
      const assigned = await numberCase(ref, `created-${ref.id}`);
      if (!assigned?.trackingNo) throw new Error(`case ${ref.id} was not numbered`);
      return { ref, filedAt: writeTime.toMillis(), runMs: Date.now() - acknowledged, counterWrites: assigned.counterWrites ?? 1 };
    }),
  );
  const cases = await adminDb.getAll(...runs.map((r) => r.ref));
  const numberedAt = cases.map((c) => (c.get('updatedAt') as Timestamp).toMillis());
  return {
    numbered: stats(runs.map((r, i) => numberedAt[i]! - r.filedAt)),
    runDone: stats(runs.map((r) => r.runMs)),
    totalMs: Math.max(...numberedAt) - Math.min(...runs.map((r) => r.filedAt)),
    counterWrites: runs.reduce((sum, r) => sum + r.counterWrites, 0),
  };
}

/**
 * The bench's row: a fresh Firestore, the emulator's triggers paused, one burst to warm the emulator's
 * JVM (its first burst is several times slower, which production Firestore does not have), then the
 * measured one.
 */
export async function numberingBurstRow(n = 300): Promise<[string, string, string]> {
  const burst = () => clearFirestore().then(() => measureNumberingBurst(n));
  const r = await pauseEmulatorTriggers(async () => {
    await burst();
    return burst();
  });
  return [
    `Numbering alone: ${n} filings at once (20 citizens), filing acknowledged → case numbered, Firestore emulator`,
    `p50 ${round(r.numbered.p50Ms)} ms, p95 ${round(r.numbered.p95Ms)} ms, max ${round(r.numbered.maxMs)} ms; all ${n} in ${round(r.totalMs)} ms; ` +
      `${r.counterWrites} counter writes; trigger run knows its number p95 ${round(r.runDone.p95Ms)} ms`,
    `all ${n} ≤ 10000 ms`,
  ];
}

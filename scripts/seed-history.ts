import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import {
  buddhistYearInBangkok,
  caseFigures,
  COLLECTIONS,
  formatTrackingNo,
  nationalIdCheckDigit,
  privateReporterPath,
  statsIncrements,
  type StatsIncrements,
} from '@banmae/domain';
import { monthStatsWrite } from '../functions/src/reports/month-stats-write.ts';

/**
 * Past cases for the dashboard: `npm start`'s demo year, the dashboard tests' known answers, and the
 * bench's 5,000. Written directly, already numbered and without a receipt record, so the created
 * trigger has nothing to number or send (its figures sync finds them counted), with the same
 * bookkeeping the functions keep: each case's caseFigures/ and the month counters in stats/, computed
 * by the domain's caseFigures/statsIncrements, so the dashboard reads what the triggers would have left.
 */
export interface HistoricCase {
  createdAt: Date;
  status: string;
  category: string;
  kind: string;
  closedAt?: Date;
  /** When the citizen's first LINE message was delivered. */
  deliveredAt?: Date;
  subject?: string;
  department?: string | null;
  owner?: string;
}

const BATCH = 100; // 4 writes a case: well under Firestore's 500 per commit

function ownerOf(i: number): string {
  return `U${(0x5eed0000 + i).toString(16).padStart(32, '0')}`;
}

function nationalIdOf(i: number): string {
  const first12 = `31000${String(i).padStart(7, '0')}`;
  return first12 + String(nationalIdCheckDigit(first12));
}

function mergeIncrements(into: StatsIncrements, more: StatsIncrements): void {
  for (const [month, inc] of more) {
    const to = into.get(month) ?? {};
    for (const [k, v] of Object.entries(inc)) to[k] = (to[k] ?? 0) + v;
    into.set(month, to);
  }
}

/** Writes the cases, their private documents and figures, then the month counters. Returns the case IDs. */
export async function writeCaseHistory(db: Firestore, cases: readonly HistoricCase[], prefix = 'BM'): Promise<string[]> {
  const ids: string[] = [];
  const totals: StatsIncrements = new Map();
  const seq = new Map<number, number>();
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = db.batch();
    cases.slice(start, start + BATCH).forEach((c, j) => {
      const i = start + j;
      const ref = db.collection(COLLECTIONS.complaints).doc();
      ids.push(ref.id);
      const year = buddhistYearInBangkok(c.createdAt);
      const n = (seq.get(year) ?? 90000) + 1;
      seq.set(year, n);
      const owner = c.owner ?? ownerOf(i);
      batch.set(ref, {
        owner,
        kind: c.kind,
        category: c.category,
        subject: c.subject ?? `เรื่องตัวอย่าง ${i + 1}`,
        details: 'ข้อมูลตัวอย่างสำหรับรายงานสรุป',
        hasLocation: false,
        privacyNoticeVersion: '2569-11-v1',
        status: c.status,
        trackingNo: formatTrackingNo(prefix, year, n),
        department: c.department ?? null,
        createdAt: Timestamp.fromDate(c.createdAt),
        ...(c.closedAt ? { closedAt: Timestamp.fromDate(c.closedAt) } : {}),
      });
      batch.set(db.doc(privateReporterPath(ref.id)), { owner, name: `ผู้แจ้ง ตัวอย่าง ${i + 1}`, nationalId: nationalIdOf(i), phone: '0812345678' });
      const counted = caseFigures({
        createdAt: c.createdAt,
        status: c.status,
        category: c.category,
        kind: c.kind,
        closedAt: c.closedAt ?? null,
        firstDeliveredAt: c.deliveredAt ?? null,
        rating: null, // past cases predate the citizens' rating (decision 018)
      });
      batch.set(db.collection(COLLECTIONS.caseFigures).doc(ref.id), {
        counted,
        firstDeliveredAt: c.deliveredAt ? Timestamp.fromDate(c.deliveredAt) : null,
      });
      mergeIncrements(totals, statsIncrements(null, counted));
    });
    await batch.commit();
  }
  const batch = db.batch();
  for (const [month, inc] of totals) batch.set(db.collection(COLLECTIONS.stats).doc(month), monthStatsWrite(month, inc), { merge: true });
  await batch.commit();
  return ids;
}

/**
 * A plausible two years of cases ending `now`: more in the rainy season, most finished within days,
 * a few still open and overdue, most citizens told in LINE within a day. Deterministic (seeded).
 */
export function demoHistory(count: number, now: Date, categories: readonly string[]): HistoricCase[] {
  let s = 12345;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const DAY = 86_400_000;
  const span = 730 * DAY;
  const kinds = ['complaint', 'grievance', 'service_request'];
  return Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(now.getTime() - span + (span * i) / count + rand() * 3_600_000);
    const age = now.getTime() - createdAt.getTime();
    const r = rand();
    const took = Math.min(age, (0.5 + rand() * rand() * 20) * DAY);
    const status = age < 10 * DAY && r < 0.6 ? (r < 0.3 ? 'received' : 'in_progress') : r < 0.85 ? 'done' : r < 0.93 ? 'rejected' : 'forwarded';
    const closed = status === 'done' || status === 'rejected';
    const told = rand() < 0.92;
    return {
      createdAt,
      status,
      category: categories[Math.floor(rand() * categories.length)]!,
      kind: kinds[Math.floor(rand() * kinds.length)]!,
      ...(closed ? { closedAt: new Date(createdAt.getTime() + took) } : {}),
      ...(told ? { deliveredAt: new Date(Math.min(now.getTime(), createdAt.getTime() + rand() * (rand() < 0.05 ? 20 : 1) * DAY)) } : {}),
    };
  });
}

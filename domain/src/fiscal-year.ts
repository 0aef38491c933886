/**
 * The Thai government's fiscal year: 1 October to 30 September, named by the Buddhist-era year it ends
 * in ("ปีงบประมาณ 2570" runs from 1 Oct 2026 to 30 Sep 2027), in two half-year rounds (Oct–Mar, Apr–Sep)
 * as the ITA and the municipality's own reports use them. Everything is in Bangkok time: a case filed at
 * 23:30 on 30 September in Bangkok belongs to the year that ends that day.
 */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const BUDDHIST_ERA_OFFSET = 543;

export type FiscalRound = 1 | 2;

/** Calendar month of an instant in Bangkok, "2026-10" (Common Era, sorts and keys Firestore documents). */
export function monthKeyOf(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 7);
}

/** The Buddhist-era fiscal year an instant falls in (Bangkok time). */
export function fiscalYearOf(at: Date): number {
  return fiscalYearOfMonth(monthKeyOf(at));
}

/** The Buddhist-era fiscal year of a month key ("2026-10" → 2570). */
export function fiscalYearOfMonth(monthKey: string): number {
  const [year, month] = monthKey.split('-').map(Number) as [number, number];
  return year + BUDDHIST_ERA_OFFSET + (month >= 10 ? 1 : 0);
}

/** 1 for October–March, 2 for April–September. */
export function fiscalRoundOfMonth(monthKey: string): FiscalRound {
  const month = Number(monthKey.slice(5, 7));
  return month >= 4 && month <= 9 ? 2 : 1;
}

export function fiscalYearLabel(fiscalYear: number): string {
  return `ปีงบประมาณ ${fiscalYear}`;
}

export const FISCAL_ROUND_LABELS_TH: Record<FiscalRound, string> = {
  1: 'รอบที่ 1 (ต.ค.–มี.ค.)',
  2: 'รอบที่ 2 (เม.ย.–ก.ย.)',
};

/** The twelve month keys of a fiscal year, October first; only a round's six when one is given. */
export function fiscalMonths(fiscalYear: number, round: FiscalRound | null = null): string[] {
  const startYear = fiscalYear - BUDDHIST_ERA_OFFSET - 1;
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const m = ((9 + i) % 12) + 1;
    const y = m >= 10 ? startYear : startYear + 1;
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  if (round === 1) return months.slice(0, 6);
  if (round === 2) return months.slice(6);
  return months;
}

/** The first instant of a month key in Bangkok. */
export function monthStart(monthKey: string): Date {
  return new Date(`${monthKey}-01T00:00:00+07:00`);
}

/** The first instant after a month key in Bangkok. */
export function monthEnd(monthKey: string): Date {
  const [y, m] = monthKey.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return monthStart(next);
}

/** [start, end) of a fiscal year or one of its rounds, as instants. */
export function fiscalPeriod(fiscalYear: number, round: FiscalRound | null = null): { start: Date; end: Date } {
  const months = fiscalMonths(fiscalYear, round);
  return { start: monthStart(months[0]!), end: monthEnd(months.at(-1)!) };
}

/** The Bangkok calendar dates (YYYY-MM-DD, inclusive) of a period: what the queue's date filter takes. */
export function fiscalPeriodDates(fiscalYear: number, round: FiscalRound | null = null): { from: string; to: string } {
  const { start, end } = fiscalPeriod(fiscalYear, round);
  const date = (d: Date) => new Date(d.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
  return { from: date(start), to: date(new Date(end.getTime() - 1)) };
}

const THAI_MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

/** "ต.ค. 69": a month key as a chart axis shows it (Buddhist era, two digits). */
export function thaiMonthLabel(monthKey: string): string {
  const [y, m] = monthKey.split('-').map(Number) as [number, number];
  return `${THAI_MONTHS_SHORT[m - 1]} ${String(y + BUDDHIST_ERA_OFFSET).slice(2)}`;
}

/** "30/09/2569": a Bangkok date in the Buddhist era, day first, as Thai spreadsheets and forms write it. */
export function formatBeDate(at: Date): string {
  const [y, m, d] = new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${Number(y) + BUDDHIST_ERA_OFFSET}`;
}

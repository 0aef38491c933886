import { useMemo } from 'preact/hooks';
import {
  fiscalPeriodDates,
  FISCAL_ROUND_LABELS_TH,
  fiscalYearLabel,
  fiscalYearOf,
  formatTenths,
  formatThaiDateTime,
  HEARD_BACK_DAYS,
  isStatus,
  STATUSES,
  STATUS_LABELS_TH,
  type FiscalRound,
} from '@banmae/domain';
import s from './dashboard.module.css';
import { config } from '../env.ts';
import { dashboardHref, navigate } from '../boot/router.ts';
import { fetchMonthFigures, fetchOverdueNow } from '../data/dashboard-figures.ts';
import { useFreshData } from '../../shared/use-fresh-data.ts';
import { Banner, ui } from '../ui/Field.tsx';
import { QuotaMeter } from '../reports/QuotaMeter.tsx';
import { MonthChart } from './MonthChart.tsx';

export interface DashboardPageProps {
  search: string;
}

/** The figures change as staff work; a minute is fresh enough for a report. */
const DASHBOARD_REFRESH_MS = 60_000;
const YEARS_OFFERED = 5;

function periodFromSearch(search: string, now: Date): { fiscalYear: number; round: FiscalRound | null } {
  const q = new URLSearchParams(search);
  const current = fiscalYearOf(now);
  const fy = Number(q.get('fy'));
  const round = q.get('round');
  return {
    fiscalYear: Number.isInteger(fy) && fy > current - YEARS_OFFERED && fy <= current ? fy : current,
    round: round === '1' ? 1 : round === '2' ? 2 : null,
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const days = (t: number | null) => (t === null ? '–' : `${formatTenths(t)} วัน`);

/** What the counts wait on until the month figures are shown (useFreshData drops it when they are). */
const NEVER = new Promise<never>(() => undefined);

/**
 * /admin/dashboard: one page a mayor can read, per Thai fiscal year and half-year round, printable on
 * A4. Every number comes from the month counters or an aggregation query (decision 017), and the CSV of
 * the same period (the link below the figures) has exactly the rows these numbers count.
 */
export function DashboardPage({ search }: DashboardPageProps) {
  const now = useMemo(() => new Date(), [search]);
  const { fiscalYear, round } = periodFromSearch(search, now);
  const figures = useFreshData(() => fetchMonthFigures(fiscalYear, round), DASHBOARD_REFRESH_MS, [fiscalYear, round]);
  // After the month figures, not before them: the counts scan an index and take longer as cases
  // accumulate (on the emulator, which scans every case, they held the figures up by seconds).
  const figuresShown = figures.data !== undefined;
  const overdue = useFreshData(() => (figuresShown ? fetchOverdueNow(now) : NEVER), DASHBOARD_REFRESH_MS, [now, figuresShown]).data;
  const counting = 'กำลังนับ…';
  const current = fiscalYearOf(now);
  const pick = (fy: number, r: FiscalRound | null) => navigate(dashboardHref(`?fy=${fy}${r ? `&round=${r}` : ''}`), { replace: true });
  const period = fiscalPeriodDates(fiscalYear, round);
  const categoryLabel = new Map(config.categories.map((c) => [c.id, c.labelTh]));
  const summary = figures.data;
  const statusKeys = summary ? [...STATUSES, ...Object.keys(summary.byStatus).filter((k) => !isStatus(k))] : [];

  return (
    <main class={`${ui.page} ${s.page}`} data-testid="dashboard">
      <div class={s.head}>
        <div>
          <p class={s.org}>{config.municipality.nameTh}</p>
          <h1 class={s.title}>
            รายงานสรุปเรื่องร้องเรียนและคำขอ · <span data-testid="period-label">{fiscalYearLabel(fiscalYear)}</span>
            {round && ` ${FISCAL_ROUND_LABELS_TH[round]}`}
          </h1>
          <p class={s.printedAt}>ข้อมูล ณ {formatThaiDateTime(now)}</p>
        </div>
        <div class={s.pickers}>
          <label>
            ปีงบประมาณ{' '}
            <select class={ui.input} data-testid="pick-year" value={fiscalYear} onChange={(e) => pick(Number(e.currentTarget.value), round)}>
              {Array.from({ length: YEARS_OFFERED }, (_, i) => current - i).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            รอบ{' '}
            <select
              class={ui.input}
              data-testid="pick-round"
              value={round ?? ''}
              onChange={(e) => pick(fiscalYear, (Number(e.currentTarget.value) || null) as FiscalRound | null)}
            >
              <option value="">ทั้งปี</option>
              <option value="1">{FISCAL_ROUND_LABELS_TH[1]}</option>
              <option value="2">{FISCAL_ROUND_LABELS_TH[2]}</option>
            </select>
          </label>
          <button type="button" class={ui.secondary} onClick={() => window.print()}>
            พิมพ์ (A4)
          </button>
        </div>
      </div>

      {figures.error && !summary && <Banner kind="error">โหลดรายงานไม่สำเร็จ ระบบจะลองใหม่อัตโนมัติ</Banner>}
      {!summary ? (
        !figures.error && <p class="boot">กำลังโหลด…</p>
      ) : (
        <>
          <section class={s.tiles} data-testid="dashboard-ready">
            <div class={s.tile}>
              <span>เรื่องที่รับ</span>
              <strong data-testid="fig-filed">{summary.filed}</strong>
            </div>
            <div class={s.tile}>
              <span>ดำเนินการแล้วเสร็จ</span>
              <strong data-testid="fig-done">{summary.finished}</strong>
              <small data-testid="fig-confirmed">ผู้แจ้งยืนยันแล้ว {summary.byStatus.confirmed ?? 0} เรื่อง</small>
            </div>
            <div class={s.tile}>
              <span>เกินกำหนดขณะนี้ (ทุกปี)</span>
              <strong data-testid="fig-overdue" aria-busy={!overdue}>
                {overdue ? overdue.total : counting}
              </strong>
            </div>
            <div class={s.tile}>
              <span>ผู้แจ้งได้รับข้อความ LINE ภายใน {HEARD_BACK_DAYS} วัน</span>
              <strong data-testid="fig-heard">{pct(summary.heardWithin15Share)}</strong>
              <small>
                {summary.heardWithin15} จาก {summary.filed} เรื่อง
              </small>
            </div>
            <div class={s.tile}>
              <span>คะแนนความพึงพอใจของผู้แจ้ง (1–5)</span>
              <strong data-testid="fig-rating">{summary.ratingAverage === null ? '–' : summary.ratingAverage.toFixed(1)}</strong>
              <small>จาก {summary.ratingCount} เรื่องที่ให้คะแนน</small>
            </div>
          </section>

          <section class={ui.card}>
            <h2>จำนวนเรื่องที่รับรายเดือน</h2>
            <MonthChart months={summary.byMonth} />
          </section>

          <div class={s.columns}>
            <section class={ui.card}>
              <h2>ตามสถานะ</h2>
              <table class={s.table} data-testid="by-status">
                <tbody>
                  {statusKeys.map((k) => (
                    <tr key={k} data-status={k}>
                      <th>{isStatus(k) ? STATUS_LABELS_TH[k] : k}</th>
                      <td>{summary.byStatus[k] ?? 0}</td>
                      <td class={s.barCell}>
                        <span class={s.bar} style={{ width: `${summary.filed ? ((summary.byStatus[k] ?? 0) / summary.filed) * 100 : 0}%` }} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <section class={ui.card}>
              <h2>ตามหมวดหมู่ และระยะเวลาตั้งแต่รับเรื่องถึงเสร็จ</h2>
              <table class={s.table} data-testid="by-category">
                <thead>
                  <tr>
                    <th>หมวดหมู่</th>
                    <th>เรื่อง</th>
                    <th>เสร็จ</th>
                    <th>มัธยฐาน</th>
                    <th>P90</th>
                    <th>เกินกำหนดขณะนี้</th>
                  </tr>
                </thead>
                <tbody>
                  {config.categories.map((c) => {
                    const d = summary.durations[c.id];
                    return (
                      <tr key={c.id} data-category={c.id}>
                        <th>{categoryLabel.get(c.id)}</th>
                        <td data-col="filed">{summary.byCategory[c.id] ?? 0}</td>
                        <td data-col="done">{d?.done ?? 0}</td>
                        <td data-col="median">{days(d?.medianTenths ?? null)}</td>
                        <td data-col="p90">{days(d?.p90Tenths ?? null)}</td>
                        <td data-col="overdue">{overdue ? (overdue.byCategory[c.id] ?? 0) : counting}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          </div>

          <p class={s.note}>
            นับตามวันที่รับเรื่อง ({period.from} ถึง {period.to} ตามเวลาประเทศไทย) ระยะเวลานับเป็นวันปฏิทิน ทศนิยมหนึ่งตำแหน่ง มัธยฐานและ P90 แบบ nearest-rank ตรงกับคอลัมน์
            "จำนวนวัน" ของไฟล์ CSV ช่วงเดียวกัน
          </p>
          <p class={s.noPrint}>
            <a href={`/admin?from=${period.from}&to=${period.to}`} data-testid="period-queue">
              ดูรายการเรื่องและส่งออก CSV ของช่วงนี้
            </a>
          </p>
          <div class={s.noPrint}>
            <QuotaMeter />
          </div>
        </>
      )}
    </main>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { thaiMonthLabel } from '@banmae/domain';

/**
 * Cases filed per month, as bars (uPlot: ~20 KB gzip, loaded with this page only). The x axis is the
 * month's position, labelled in Thai; the numbers are also in the table beside it for print and
 * screen readers.
 */
export function MonthChart({ months }: { months: { month: string; filed: number }[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const xs = months.map((_, i) => i);
    const labels = months.map((m) => thaiMonthLabel(m.month));
    const width = Math.max(320, Math.min(el.clientWidth || 720, 1000));
    const plot = new uPlot(
      {
        width,
        height: 240,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, months.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.15))] } },
        axes: [
          { values: (_u, splits) => splits.map((v) => labels[v] ?? ''), splits: () => xs, font: '12px Sarabun, "Noto Sans Thai", sans-serif' },
          { font: '12px sans-serif' },
        ],
        series: [
          {},
          {
            label: 'เรื่องที่รับ',
            fill: 'rgba(29, 79, 145, 0.75)',
            stroke: '#1d4f91',
            width: 0,
            paths: uPlot.paths.bars!({ size: [0.6, 48] }),
            points: { show: false },
          },
        ],
      },
      [xs, months.map((m) => m.filed)],
      el,
    );
    return () => plot.destroy();
  }, [months]);
  return <div ref={host} class="month-chart" data-testid="chart-months" role="img" aria-label="จำนวนเรื่องที่รับในแต่ละเดือน" />;
}

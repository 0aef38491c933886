import { RATING_MAX } from '@banmae/domain';
import { useFreshData } from '../../shared/use-fresh-data.ts';
import { fetchRatingSummary } from '../data/rating-summary.ts';
import { ui } from '../ui/Field.tsx';

const REFRESH_MS = 60_000;

/** "ความพึงพอใจ 4.3/5 จาก 12 เรื่อง": the citizens' ratings next to the status counts. */
export function RatingSummary() {
  const { data } = useFreshData(fetchRatingSummary, REFRESH_MS, []);
  if (!data || data.rated === 0 || data.average === null) return null;
  return (
    <p class={ui.muted} data-testid="rating-summary">
      ความพึงพอใจของผู้แจ้ง {data.average.toLocaleString('th-TH', { maximumFractionDigits: 1 })}/{RATING_MAX} จาก {data.rated.toLocaleString('th-TH')} เรื่อง
    </p>
  );
}

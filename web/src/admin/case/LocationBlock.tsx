import { useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import type { RevealReason, RevealReporterResponse } from '@banmae/domain';
import s from './case.module.css';
import { callableMessage, revealReporter } from '../data/staff-callables.ts';
import { ui } from '../ui/Field.tsx';
import { ReasonDialog } from '../ui/ReasonDialog.tsx';
import type { LocationMapProps } from './LocationMap.tsx';

type Spot = NonNullable<RevealReporterResponse['location']>;

/**
 * The exact location is personal data too: it is revealed through the same audited call, and only then
 * is the map code (Leaflet and its CSS, a chunk of its own) loaded. Tiles come from config.desk.mapTileUrl.
 */
export function LocationBlock({ caseId, onRecorded }: { caseId: string; onRecorded: (reason: RevealReason) => void }) {
  const [asking, setAsking] = useState(false);
  const [spot, setSpot] = useState<Spot | 'none' | null>(null);
  const [Map, setMap] = useState<FunctionComponent<LocationMapProps> | null>(null);

  const reveal = async (reason: RevealReason): Promise<string | null> => {
    try {
      const [r, m] = await Promise.all([revealReporter({ caseId, fields: ['location'], reason }), import('./LocationMap.tsx')]);
      setSpot(r.location ?? 'none');
      setMap(() => m.LocationMap);
      onRecorded(reason);
      return null;
    } catch (err) {
      return callableMessage(err);
    }
  };

  return (
    <div class={s.location}>
      {spot === null && (
        <button type="button" class={ui.secondary} onClick={() => setAsking(true)}>
          แสดงแผนที่
        </button>
      )}
      {spot === 'none' && <p class={ui.muted}>ไม่มีพิกัดแล้ว (อาจถูกลบตามระยะเวลาเก็บรักษาข้อมูล)</p>}
      {spot && spot !== 'none' && Map && <Map {...spot} />}
      {asking && <ReasonDialog title="แสดงตำแหน่งที่เกิดเหตุบนแผนที่" confirmLabel="แสดงแผนที่" onConfirm={reveal} onClose={() => setAsking(false)} />}
    </div>
  );
}

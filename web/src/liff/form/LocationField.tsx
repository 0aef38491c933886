import { useState } from 'preact/hooks';
import type { LocationInput } from '@banmae/domain';
import s from './form.module.css';
import { ui } from '../ui/Field.tsx';

interface Props {
  value: LocationInput | null;
  error: string | undefined;
  onChange: (value: LocationInput | null) => void;
}

/** Optional GPS position with its accuracy; the citizen sees it and can remove it before sending. */
export function LocationField({ value, error, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function locate() {
    setBusy(true);
    setProblem(null);
    try {
      const { currentLocation } = await import('./geolocate.ts');
      onChange(await currentLocation());
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class={ui.field}>
      <span class={ui.label} id="location-label">
        พิกัดระบุตำแหน่ง <span class={ui.optional}>(ถ้ามี)</span>
      </span>
      <div class={s.location} aria-labelledby="location-label">
        {value && (
          <p class={s.locationText} data-testid="location-text">
            {value.lat.toFixed(5)}, {value.lng.toFixed(5)} (คลาดเคลื่อนประมาณ {value.accuracyM.toLocaleString('th-TH')} เมตร)
          </p>
        )}
        <button type="button" class={s.smallButton} onClick={() => void locate()} disabled={busy}>
          {busy ? 'กำลังระบุตำแหน่ง…' : value ? 'ระบุตำแหน่งใหม่' : 'ใช้ตำแหน่งปัจจุบัน'}
        </button>
        {value && (
          <button type="button" class={s.smallButton} onClick={() => onChange(null)}>
            ลบพิกัด
          </button>
        )}
      </div>
      {(problem ?? error) && (
        <p class={ui.error} role="alert">
          {problem ?? error}
        </p>
      )}
    </div>
  );
}

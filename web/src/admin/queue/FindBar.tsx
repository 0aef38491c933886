import { useState } from 'preact/hooks';
import { config } from '../env.ts';
import { caseHref, navigate } from '../boot/router.ts';
import { findByTrackingNo } from '../data/queue-query.ts';
import { Field, inputClass, ui } from '../ui/Field.tsx';
import s from './queue.module.css';
import { PhoneSearch } from './PhoneSearch.tsx';
import { normalizeTrackingNo } from './typed-tracking-no.ts';

/** Find one case by its tracking number (one query), or the cases of a phone number (audited). */
export function FindBar() {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async (e: Event) => {
    e.preventDefault();
    const no = normalizeTrackingNo(typed, config.trackingPrefix);
    if (!no) return setError(`กรุณากรอกเลขที่เรื่อง เช่น ${config.trackingPrefix}-2569-00042`);
    setBusy(true);
    setError(null);
    try {
      const id = await findByTrackingNo(no);
      if (id) navigate(caseHref(id));
      else setError(`ไม่พบเรื่องเลขที่ ${no}`);
    } catch {
      setError('ค้นหาไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองใหม่');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class={s.find} aria-label="ค้นหาเรื่อง">
      <form class={s.findForm} onSubmit={(e) => void find(e)}>
        <Field id="find-no" label="ค้นหาด้วยเลขที่เรื่อง" error={error}>
          <div class={s.inline}>
            <input
              id="find-no"
              class={inputClass(error)}
              value={typed}
              placeholder={`${config.trackingPrefix}-2569-00042`}
              autoComplete="off"
              onInput={(e) => setTyped(e.currentTarget.value)}
              aria-describedby={error ? 'find-no-error' : undefined}
            />
            <button type="submit" class={ui.primary} disabled={busy}>
              ค้นหา
            </button>
          </div>
        </Field>
      </form>
      <PhoneSearch />
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';

/**
 * Loads data, then again every `everyMs` while the page is visible and at once when the citizen comes
 * back to it. Firestore lite has no listeners (docs/decisions/004); polling a visible page keeps a new
 * status appearing without a reload, at one small read per interval.
 */
export function useFreshData<T>(load: () => Promise<T>, everyMs: number, deps: unknown[]): { data: T | undefined; error: unknown } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      clearTimeout(timer);
      try {
        const next = await load();
        if (live) {
          setData(next);
          setError(null);
        }
      } catch (err) {
        if (live) setError(err);
      }
      if (live && document.visibilityState === 'visible') timer = setTimeout(() => void refresh(), everyMs);
    };
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    void refresh();
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, deps);
  return { data, error };
}

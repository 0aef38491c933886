import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface FreshData<T> {
  data: T | undefined;
  error: unknown;
  /** Loads again now, e.g. right after the clerk's own write. */
  refresh: () => Promise<void>;
}

/**
 * Loads, then again every `everyMs` while the tab is visible and at once when the clerk comes back to
 * it. Firestore lite has no listeners (docs/decisions/004): polling the visible page is the desk's
 * "live", at a page of reads per interval; a hidden tab costs nothing.
 */
export function useFreshData<T>(load: () => Promise<T>, everyMs: number, deps: unknown[]): FreshData<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const refreshRef = useRef<() => Promise<void>>(() => Promise.resolve());
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let generation = 0;
    setData(undefined);
    const refresh = async () => {
      clearTimeout(timer);
      const mine = ++generation;
      try {
        const next = await load();
        if (live && mine === generation) {
          setData(next);
          setError(null);
        }
      } catch (err) {
        if (live && mine === generation) setError(err);
      }
      if (live && mine === generation && document.visibilityState === 'visible') timer = setTimeout(() => void refresh(), everyMs);
    };
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    refreshRef.current = refresh;
    void refresh();
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, deps);
  const refresh = useCallback(() => refreshRef.current(), []);
  return { data, error, refresh };
}

import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';

type Loaded<P> = FunctionComponent<P> | null;

/**
 * A component from a chunk of its own, loaded once `wanted`: pages and secondary parts of a page do not
 * weigh on what a citizen downloads before the page is usable (issue 11's budgets).
 */
export function useLazy<P>(load: () => Promise<FunctionComponent<P>>, wanted = true): Loaded<P> {
  const [component, setComponent] = useState<Loaded<P>>(null);
  useEffect(() => {
    if (wanted && !component) void load().then((c) => setComponent(() => c));
  }, [wanted]);
  return component;
}

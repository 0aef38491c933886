/**
 * A link within the citizen pages. In mock mode (`npm start`, the tests) `?as=U…` names the citizen
 * being acted as; every link carries it on, or the next page falls back to the demo user. The
 * production build has no such parameter and drops this branch.
 */
export function pageHref(path: string): string {
  if (import.meta.env.MODE !== 'emulator') return path;
  const as = new URLSearchParams(location.search).get('as');
  return as ? `${path}${path.includes('?') ? '&' : '?'}as=${encodeURIComponent(as)}` : path;
}

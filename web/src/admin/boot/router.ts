import { useEffect, useState } from 'preact/hooks';

/**
 * The desk's pages live under /admin (firebase.json rewrites /admin/** to admin/index.html). The
 * queue's filters are in the query string, so a clerk can bookmark "กองช่าง, กำลังดำเนินการ".
 */
export const BASE = '/admin';

export type Route =
  | { page: 'queue'; search: string }
  | { page: 'dashboard'; search: string }
  | { page: 'case'; id: string }
  | { page: 'audit' }
  | { page: 'groups' }
  | { page: 'missing' };

export function routeOf(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === BASE) return { page: 'queue', search };
  if (path === `${BASE}/audit`) return { page: 'audit' };
  if (path === `${BASE}/dashboard`) return { page: 'dashboard', search };
  if (path === `${BASE}/groups`) return { page: 'groups' };
  const m = new RegExp(`^${BASE}/cases/([A-Za-z0-9]{1,64})$`).exec(path);
  if (m) return { page: 'case', id: m[1]! };
  return { page: 'missing' };
}

export const queueHref = (search = '') => `${BASE}${search}`;
export const caseHref = (id: string) => `${BASE}/cases/${encodeURIComponent(id)}`;
export const auditHref = () => `${BASE}/audit`;
export const dashboardHref = (search = '') => `${BASE}/dashboard${search}`;
export const groupsHref = () => `${BASE}/groups`;

const NAVIGATED = 'desk:navigated';

/** In-page navigation: no reload, so the signed-in session and the loaded chunks stay. */
export function navigate(href: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(routeOf(location.pathname, location.search));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return route;
}

/** A click on an in-desk link navigates in place; a middle or modified click opens a tab as usual. */
export function followLink(e: MouseEvent): void {
  const a = e.currentTarget as HTMLAnchorElement;
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute('href')!);
}

/** The queue's last query string, so "back to the list" keeps the clerk's filters. */
let lastQueueSearch = '';
export const rememberQueueSearch = (search: string) => void (lastQueueSearch = search);
export const backToQueueHref = () => queueHref(lastQueueSearch);

import { NotFoundPage, routeOf } from './routes.tsx';
import type { Session } from './boot/session.ts';
import { useLazy } from './ui/use-lazy.ts';

/**
 * The status pages' own entry: the same routes as App. Each page is its own chunk, fetched at boot
 * beside LIFF and Firebase, so the list does not download the case page's code and the other way round.
 */
const loadList = () => import('./cases/CaseList.tsx').then((m) => m.CaseList);
const loadDetail = () => import('./cases/CaseDetail.tsx').then((m) => m.CaseDetail);

/** The page the address asks for starts downloading now, with the entry, not after the first render. */
const bootRoute = routeOf(location.pathname);
if (bootRoute.page === 'cases') void loadList().catch(() => undefined); // useLazy loads again and reports
if (bootRoute.page === 'case') void loadDetail().catch(() => undefined);

export function StatusApp({ session }: { session: Session }) {
  const route = routeOf(location.pathname);
  const CaseList = useLazy(loadList, route.page === 'cases');
  const CaseDetail = useLazy(loadDetail, route.page === 'case');
  if (route.page === 'cases') return CaseList ? <CaseList signIn={session.signIn} /> : <p class="boot">กำลังโหลด…</p>;
  if (route.page === 'case') return CaseDetail ? <CaseDetail signIn={session.signIn} caseId={route.id} /> : <p class="boot">กำลังโหลด…</p>;
  return <NotFoundPage />;
}

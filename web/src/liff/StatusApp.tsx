import { CaseDetail } from './cases/CaseDetail.tsx';
import { CaseList } from './cases/CaseList.tsx';
import { NotFoundPage, routeOf } from './routes.tsx';
import type { Session } from './boot/session.ts';

/** The status pages' own entry: the same routes as App, the pages in this chunk. */
export function StatusApp({ session }: { session: Session }) {
  const route = routeOf(location.pathname);
  if (route.page === 'cases') return <CaseList signIn={session.signIn} />;
  if (route.page === 'case') return <CaseDetail signIn={session.signIn} caseId={route.id} />;
  return <NotFoundPage />;
}

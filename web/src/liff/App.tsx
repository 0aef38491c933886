import { ComplaintForm } from './form/ComplaintForm.tsx';
import { SuccessScreen } from './form/SuccessScreen.tsx';
import { NotFoundPage, routeOf } from './routes.tsx';
import type { Session } from './boot/session.ts';
import { useLazy } from './ui/use-lazy.ts';

export type { Session };

export function App({ session }: { session: Session }) {
  const route = routeOf(location.pathname);
  const CaseList = useLazy(() => import('./cases/CaseList.tsx').then((m) => m.CaseList), route.page === 'cases');
  const CaseDetail = useLazy(() => import('./cases/CaseDetail.tsx').then((m) => m.CaseDetail), route.page === 'case');
  switch (route.page) {
    case 'form':
      return <ComplaintForm signIn={session.signIn} onClose={session.closeWindow} sayInChat={session.sayInChat} />;
    case 'sent':
      return <SuccessScreen caseId={route.id} signIn={session.signIn} onClose={session.closeWindow} sayInChat={null} />;
    case 'cases':
      return CaseList ? <CaseList signIn={session.signIn} /> : <p class="boot">กำลังโหลด…</p>;
    case 'case':
      return CaseDetail ? <CaseDetail signIn={session.signIn} caseId={route.id} /> : <p class="boot">กำลังโหลด…</p>;
    case 'missing':
      return <NotFoundPage />;
  }
}

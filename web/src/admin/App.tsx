import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren, FunctionComponent } from 'preact';
import type { StaffRole } from '@banmae/domain';
import { watchSession, type Session } from './boot/staff-session.ts';
import { followLink, queueHref, useRoute } from './boot/router.ts';
import { SignInPage } from './sign-in/SignInPage.tsx';
import { NoAccess } from './sign-in/NoAccess.tsx';
import { TopBar } from './ui/TopBar.tsx';
import { QueuePage } from './queue/QueuePage.tsx';
import type { CaseViewProps } from './case/CaseView.tsx';
import type { DashboardPageProps } from './dashboard/DashboardPage.tsx';

function useSession(): Session {
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  useEffect(() => watchSession(setSession), []);
  return session;
}

/** The case page and the audit page are their own chunks: the queue, opened first, does not wait for them. */
function useLazyPage<P>(load: () => Promise<FunctionComponent<P>>, wanted: boolean): FunctionComponent<P> | null {
  const [view, setView] = useState<FunctionComponent<P> | null>(null);
  useEffect(() => {
    if (wanted && !view) void load().then((c) => setView(() => c));
  }, [wanted]);
  return view;
}

const Loading = () => <p class="boot">กำลังโหลด…</p>;

/** The admins' pages (LINE groups, the reveal audit): staff who open one are told it is not theirs. */
function AdminsOnly({ role, children }: { role: StaffRole; children: ComponentChildren }) {
  if (role === 'admin') return <>{children}</>;
  return (
    <p class="boot" data-testid="admins-only">
      หน้านี้สำหรับผู้ดูแลระบบเท่านั้น
    </p>
  );
}

export function App() {
  const session = useSession();
  const route = useRoute();
  const staff = session.kind === 'staff' ? session : null;
  const CaseView = useLazyPage<CaseViewProps>(() => import('./case/CaseView.tsx').then((m) => m.CaseView), staff !== null && route.page === 'case');
  // The dashboard and its chart library load only on /admin/dashboard (budget: bench "dashboard").
  const DashboardPage = useLazyPage<DashboardPageProps>(
    () => import('./dashboard/DashboardPage.tsx').then((m) => m.DashboardPage),
    staff !== null && route.page === 'dashboard',
  );
  const AuditPage = useLazyPage<object>(
    () => import('./audit/RevealAuditPage.tsx').then((m) => m.RevealAuditPage),
    staff?.role === 'admin' && route.page === 'audit',
  );

  const GroupsPage = useLazyPage<{ uid: string }>(
    () => import('./groups/GroupsPage.tsx').then((m) => m.GroupsPage),
    staff?.role === 'admin' && route.page === 'groups',
  );

  if (session.kind === 'loading') return <Loading />;
  if (session.kind === 'signedOut')
    return (
      <>
        <TopBar who={null} />
        <SignInPage />
      </>
    );
  if (session.kind === 'notStaff')
    return (
      <>
        <TopBar who={{ email: session.email }} />
        <NoAccess email={session.email} />
      </>
    );
  return (
    <>
      <TopBar who={session} />
      {route.page === 'queue' && <QueuePage search={route.search} uid={session.uid} role={session.role} />}
      {route.page === 'case' && (CaseView ? <CaseView caseId={route.id} uid={session.uid} /> : <Loading />)}
      {route.page === 'dashboard' && (DashboardPage ? <DashboardPage search={route.search} /> : <Loading />)}
      {route.page === 'groups' && <AdminsOnly role={session.role}>{GroupsPage ? <GroupsPage uid={session.uid} /> : <Loading />}</AdminsOnly>}
      {route.page === 'audit' && <AdminsOnly role={session.role}>{AuditPage ? <AuditPage /> : <Loading />}</AdminsOnly>}
      {route.page === 'missing' && (
        <p class="boot">
          ไม่พบหน้านี้ ·{' '}
          <a href={queueHref()} onClick={followLink}>
            กลับไปที่รายการเรื่อง
          </a>
        </p>
      )}
    </>
  );
}

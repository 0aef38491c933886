import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { ComplaintForm } from './form/ComplaintForm.tsx';
import { Header } from './ui/Header.tsx';
import { ui } from './ui/Field.tsx';

export interface Session {
  /** The signed-in LINE userId; sign-in runs in the background while the page is already usable. */
  signIn: () => Promise<string>;
  closeWindow: () => void;
  /** Says a text as the citizen in the OA's chat when the page was opened from it (liff-client.ts), else null. */
  sayInChat: Promise<((text: string) => Promise<void>) | null>;
}

type Route = { page: 'form' } | { page: 'cases' } | { page: 'case'; id: string } | { page: 'missing' };

/** Read only after liff.init resolved: LIFF moves a deep link from `liff.state` into the path. */
export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/new') return { page: 'form' };
  if (path === '/cases') return { page: 'cases' };
  const m = /^\/cases\/([A-Za-z0-9]{1,64})$/.exec(path);
  if (m) return { page: 'case', id: m[1]! };
  return { page: 'missing' };
}

type Loaded<P> = FunctionComponent<P> | null;

/** The status pages are a separate chunk: the form, the page most citizens open, does not load them. */
function useLazy<P>(load: () => Promise<FunctionComponent<P>>, wanted: boolean): Loaded<P> {
  const [component, setComponent] = useState<Loaded<P>>(null);
  useEffect(() => {
    if (wanted && !component) void load().then((c) => setComponent(() => c));
  }, [wanted]);
  return component;
}

export function App({ session }: { session: Session }) {
  const route = routeOf(location.pathname);
  const CaseList = useLazy(() => import('./cases/CaseList.tsx').then((m) => m.CaseList), route.page === 'cases');
  const CaseDetail = useLazy(() => import('./cases/CaseDetail.tsx').then((m) => m.CaseDetail), route.page === 'case');

  switch (route.page) {
    case 'form':
      return <ComplaintForm signIn={session.signIn} onClose={session.closeWindow} sayInChat={session.sayInChat} />;
    case 'cases':
      return CaseList ? <CaseList signIn={session.signIn} /> : <p class="boot">กำลังโหลด…</p>;
    case 'case':
      return CaseDetail ? <CaseDetail signIn={session.signIn} caseId={route.id} /> : <p class="boot">กำลังโหลด…</p>;
    case 'missing':
      return (
        <>
          <Header title="ไม่พบหน้านี้" />
          <div class={ui.page}>
            <a class={ui.secondary} href="/">
              แจ้งเรื่องร้องเรียน / ขอรับบริการ
            </a>
          </div>
        </>
      );
  }
}

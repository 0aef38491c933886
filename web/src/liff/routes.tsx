import { Header } from './ui/Header.tsx';
import { ui } from './ui/Field.tsx';
import { pageHref } from './ui/links.ts';

export type Route = { page: 'form' } | { page: 'sent'; id: string } | { page: 'cases' } | { page: 'case'; id: string } | { page: 'missing' };

/** A LIFF deep link (`liff.state`) is in the path only after liff.init: main.tsx waits for it then. */
export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/new') return { page: 'form' };
  if (path === '/cases') return { page: 'cases' };
  const c = /^\/cases\/([A-Za-z0-9]{1,64})$/.exec(path);
  if (c) return { page: 'case', id: c[1]! };
  const sent = /^\/sent\/([A-Za-z0-9]{1,64})$/.exec(path);
  if (sent) return { page: 'sent', id: sent[1]! };
  return { page: 'missing' };
}

export function NotFoundPage() {
  return (
    <>
      <Header title="ไม่พบหน้านี้" />
      <div class={ui.page}>
        <a class={ui.secondary} href={pageHref('/')}>
          แจ้งเรื่องร้องเรียน / ขอรับบริการ
        </a>
      </div>
    </>
  );
}

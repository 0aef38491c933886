import { render, type ComponentChild } from 'preact';
import '../styles.css';
import { BootError } from '../ui/BootError.tsx';
import { startSession, type Session } from './session.ts';

/**
 * What both citizen entries do first: start LIFF and Firebase beside the page (boot/session.ts) and
 * render at once. Only a LIFF deep link (`liff.state`, moved into the path by liff.init) waits for
 * LIFF before routing.
 */
export function boot(app: (session: Session) => ComponentChild): void {
  const root = document.getElementById('app')!;
  const session = startSession();
  const show = (content: ComponentChild) => {
    root.textContent = ''; // the static "loading" text: Preact appends next to nodes it does not own
    render(content, root);
  };
  session.started.catch((err: unknown) => {
    console.error(err);
    show(<BootError />);
  });
  if (new URLSearchParams(location.search).has('liff.state')) void session.started.then(() => show(app(session)));
  else show(app(session));
}

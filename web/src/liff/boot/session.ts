import type { LiffSession } from './liff-client.ts';
import type { SayInChat } from './liff-chat.ts';

/**
 * What every page gets from LINE and Firebase, started at once and never awaited before the first
 * render (issue 11): the LIFF SDK and the Firebase SDK are separate chunks fetched in parallel while
 * the form is already on screen; only the submit and the data reads wait for `signIn`.
 */
export interface Session {
  /** The signed-in LINE userId (LIFF ID token → lineAuth → Firebase custom token); retried on next use after a failure. */
  signIn: () => Promise<string>;
  closeWindow: () => void;
  /** Says a text as the citizen in the OA's chat when the page was opened from it (liff-client.ts), else null. */
  sayInChat: Promise<SayInChat | null>;
  /** Resolves once LIFF has started (a deep link is then in the path); rejects when it could not start. */
  started: Promise<void>;
}

const never = new Promise<never>(() => undefined);

export function startSession(): Session {
  // Both downloads begin now, side by side; sign-in needs LIFF's ID token, so it follows LIFF's init.
  const firebase = import('./firebase-client.ts');
  firebase.catch(() => undefined); // reported where it is used
  const liffStart: Promise<LiffSession | 'redirecting'> = import('./liff-client.ts').then((m) => m.startLiff());
  const session = liffStart.then((s) => (s === 'redirecting' ? never : s));
  let attempt: Promise<string> | null = null;
  const signIn = () => {
    attempt ??= Promise.all([session, firebase])
      .then(([s, f]) => f.signInWithLine(s.idToken))
      .catch((err: unknown) => {
        attempt = null;
        throw err;
      });
    return attempt;
  };
  void signIn().catch(() => undefined); // starts now; the page shows the error where it needs the user
  return {
    signIn,
    closeWindow: () => void session.then((s) => s.closeWindow()),
    sayInChat: session.then((s) => s.sayInChat).catch(() => null),
    started: session.then(() => undefined),
  };
}

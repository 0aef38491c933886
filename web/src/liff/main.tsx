import { render, type ComponentChild } from 'preact';
import './styles.css';
import { App } from './App.tsx';
import { startLiff } from './boot/liff-client.ts';
import { SignInError, signInWithLine } from './boot/firebase-client.ts';

/** Renders only after liff.init and the LINE → Firebase sign-in resolve; a readable Thai error otherwise. */
const root = document.getElementById('app')!;

function show(content: ComponentChild): void {
  root.textContent = ''; // the static "loading" text: Preact appends next to nodes it does not own
  render(content, root);
}

function showError(message: string): void {
  show(
    <div class="boot" role="alert">
      <p>{message}</p>
      <button type="button" onClick={() => location.reload()} style={{ minHeight: '48px', padding: '0 20px' }}>
        ลองใหม่
      </button>
    </div>,
  );
}

/** One sign-in shared by the whole page; a failed attempt (no signal, say) is tried again on next use. */
function signInOnce(idToken: string): () => Promise<string> {
  let attempt: Promise<string> | null = null;
  return () => {
    attempt ??= signInWithLine(idToken).catch((err: unknown) => {
      attempt = null;
      throw err;
    });
    return attempt;
  };
}

async function boot(): Promise<void> {
  const liffSession = await startLiff();
  if (liffSession === 'redirecting') return;
  const signIn = signInOnce(liffSession.idToken);
  void signIn().catch(() => undefined); // starts now; the page shows the error where it needs the user
  show(<App session={{ signIn, closeWindow: liffSession.closeWindow, sayInChat: liffSession.sayInChat }} />);
}

boot().catch((err: unknown) => {
  console.error(err);
  showError(err instanceof SignInError ? err.thaiMessage : 'เปิดหน้านี้ไม่สำเร็จ กรุณาปิดแล้วเปิดจากเมนูใน LINE อีกครั้ง');
});

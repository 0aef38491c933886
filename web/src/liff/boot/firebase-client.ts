import * as firebaseApp from 'firebase/app';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore/lite';
import { app, EMULATOR, EMULATOR_HOST } from '../../shared/firebase-app.ts';
import { SignInError } from './sign-in-error.ts';
import { AuthRequestError, IdTokenSession } from './id-token-session.ts';

/**
 * Firebase for the LIFF pages: Firestore lite (35 KB instead of 140 KB; pages poll instead of
 * listening: docs/decisions/004) signed in through two REST calls instead of the Auth SDK (decision
 * 016): a fresh LINE token each visit, kept in memory only.
 */
export const db: Firestore = getFirestore(app);
const session = new IdTokenSession({ apiKey: app.options.apiKey ?? '', base: EMULATOR ? `http://${EMULATOR_HOST}:9099/` : 'https://' });
if (EMULATOR) connectFirestoreEmulator(db, EMULATOR_HOST, 8080);

// Firestore lite takes its ID token from the app's "auth-internal" provider, which the Auth SDK would
// fill; it calls only getToken() and getUid() (the lite credentials provider). The object has the
// fields of @firebase/component's Component, which firebase/app does not re-export.
const authInternal = {
  name: 'auth-internal',
  type: 'PRIVATE',
  instanceFactory: () => ({ getToken: () => session.getToken(), getUid: () => session.getUid() }),
  multipleInstances: false,
  serviceProps: {},
  instantiationMode: 'EAGER',
  onInstanceCreated: null,
};
// `_getProvider` is firebase/app's export for its own packages (in the bundle, not in the public typings).
const { _getProvider } = firebaseApp as unknown as { _getProvider: (a: typeof app, name: string) => { setComponent: (c: typeof authInternal) => void } };
_getProvider(app, 'auth-internal').setComponent(authInternal);

export { SignInError };

/** LIFF ID token → lineAuth (verified with LINE) → a Firebase session whose uid is the LINE userId. */
export async function signInWithLine(idToken: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch('/api/lineAuth', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idToken }) });
  } catch {
    throw new SignInError('ไม่สามารถเชื่อมต่ออินเทอร์เน็ตได้ กรุณาตรวจสอบสัญญาณแล้วลองใหม่');
  }
  const body = (await res.json().catch(() => ({}))) as { customToken?: string; session?: { idToken?: string }; message?: string };
  if (!res.ok || !body.customToken) throw new SignInError(body.message ?? 'ยืนยันตัวตนไม่สำเร็จ กรุณาลองใหม่อีกครั้ง');
  try {
    // Signed in on the server when it could (one round trip less); otherwise here, with the custom token.
    if (body.session?.idToken) return session.adopt(body.session);
    return await session.signInWithCustomToken(body.customToken);
  } catch (err) {
    if (err instanceof AuthRequestError && err.status === 'network') throw new SignInError('ไม่สามารถเชื่อมต่ออินเทอร์เน็ตได้ กรุณาตรวจสอบสัญญาณแล้วลองใหม่');
    throw err;
  }
}

import { connectAuthEmulator, initializeAuth, inMemoryPersistence, signInWithCustomToken } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore/lite';
import { app, EMULATOR, EMULATOR_HOST } from '../../shared/firebase-app.ts';

/**
 * Firebase for the LIFF pages: Auth with in-memory persistence (a fresh LINE token each visit, and no
 * popup/redirect code in the bundle) and Firestore lite (35 KB instead of 140 KB; pages poll instead
 * of listening: docs/decisions/004-firestore-lite-and-polling.md).
 */
const auth = initializeAuth(app, { persistence: inMemoryPersistence });
export const db: Firestore = getFirestore(app);

if (EMULATOR) {
  const host = EMULATOR_HOST;
  connectAuthEmulator(auth, `http://${host}:9099`, { disableWarnings: true });
  connectFirestoreEmulator(db, host, 8080);
}

export class SignInError extends Error {
  constructor(readonly thaiMessage: string) {
    super(thaiMessage);
  }
}

/** LIFF ID token → lineAuth (verified with LINE) → Firebase custom token whose uid is the LINE userId. */
export async function signInWithLine(idToken: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch('/api/lineAuth', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idToken }) });
  } catch {
    throw new SignInError('ไม่สามารถเชื่อมต่ออินเทอร์เน็ตได้ กรุณาตรวจสอบสัญญาณแล้วลองใหม่');
  }
  const body = (await res.json().catch(() => ({}))) as { customToken?: string; message?: string };
  if (!res.ok || !body.customToken) throw new SignInError(body.message ?? 'ยืนยันตัวตนไม่สำเร็จ กรุณาลองใหม่อีกครั้ง');
  const cred = await signInWithCustomToken(auth, body.customToken);
  return cred.user.uid;
}

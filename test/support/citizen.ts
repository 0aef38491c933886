import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithCustomToken } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type DocumentReference, type Firestore } from 'firebase/firestore';
import { fileCounted, type FilingOverrides } from './filing.ts';
import { AUTH_URL, FIRESTORE, LINE_AUTH_URL, PROJECT_ID } from './stack.ts';
import { standin } from './standin-client.ts';
import { CLIENT_IP_HEADER, newClientIp } from './client-ip.ts';

/** A citizen signed in the way the LIFF app does it: LIFF ID token → lineAuth → custom token. */
export interface Citizen {
  userId: string;
  app: FirebaseApp;
  db: Firestore;
  close: () => Promise<void>;
}

let n = 0;

export async function signInCitizen(userId: string): Promise<Citizen> {
  const idToken = await standin.idToken(userId);
  const res = await fetch(LINE_AUTH_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: newClientIp() },
    body: JSON.stringify({ idToken }),
  });
  if (res.status !== 200) throw new Error(`lineAuth answered ${res.status}: ${await res.text()}`);
  const { customToken } = (await res.json()) as { customToken: string };
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: 'demo-key' }, `citizen-${++n}`);
  const auth = getAuth(app);
  connectAuthEmulator(auth, AUTH_URL, { disableWarnings: true });
  await signInWithCustomToken(auth, customToken);
  const db = getFirestore(app);
  connectFirestoreEmulator(db, FIRESTORE.host, FIRESTORE.port);
  return { userId, app, db, close: () => deleteApp(app) };
}

/** Files a case from the citizen's own sign-in, as the LIFF form does (support/filing.ts). */
export function fileAsCitizen(citizen: Citizen, over: FilingOverrides = {}): Promise<DocumentReference> {
  return fileCounted(citizen.db, citizen.userId, over);
}

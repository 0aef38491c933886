import { initializeApp } from 'firebase/app';
import { connectAuthEmulator, indexedDBLocalPersistence, initializeAuth, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, setLogLevel, type Firestore } from 'firebase/firestore/lite';
import { connectFunctionsEmulator, getFunctions, type Functions } from 'firebase/functions';
import { config, EMULATOR } from '../env.ts';

/**
 * Firebase for the staff desk: Auth with e-mail and password, kept in IndexedDB so a clerk stays signed
 * in on the office PC; Firestore lite (the full SDK with Auth is 171 KB gzip, over the desk's 160 KB
 * budget: docs/decisions/004) with polling; the staff callables in the configured region.
 */
const app = initializeApp(
  EMULATOR
    ? { apiKey: 'demo-key', projectId: 'demo-banmae', authDomain: 'demo-banmae.firebaseapp.com' }
    : {
        apiKey: import.meta.env.VITE_FIREBASE_API_KEY,
        authDomain: import.meta.env.VITE_FIREBASE_AUTH_DOMAIN,
        projectId: import.meta.env.VITE_FIREBASE_PROJECT_ID,
        appId: import.meta.env.VITE_FIREBASE_APP_ID,
      },
);

// The SDK's warnings print failed requests to the console; keep only errors (PDPA: no personal data in logs).
setLogLevel('error');

export const auth: Auth = initializeAuth(app, { persistence: indexedDBLocalPersistence });
export const db: Firestore = getFirestore(app);
export const functions: Functions = getFunctions(app, config.region);

if (EMULATOR) {
  // Same host as the page, so the desk also works when opened from another device on the LAN.
  const host = location.hostname;
  connectAuthEmulator(auth, `http://${host}:9099`, { disableWarnings: true });
  connectFirestoreEmulator(db, host, 8080);
  connectFunctionsEmulator(functions, host, 5001);
}

import { connectAuthEmulator, indexedDBLocalPersistence, initializeAuth, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore/lite';
import { connectFunctionsEmulator, getFunctions, type Functions } from 'firebase/functions';
import { app, EMULATOR, EMULATOR_HOST } from '../../shared/firebase-app.ts';
import { config } from '../env.ts';

/**
 * Firebase for the staff desk: Auth with e-mail and password, kept in IndexedDB so a clerk stays signed
 * in on the office PC; Firestore lite (the full SDK with Auth is 171 KB gzip, over the desk's 160 KB
 * budget: docs/decisions/004) with polling; the staff callables in the configured region.
 */
export const auth: Auth = initializeAuth(app, { persistence: indexedDBLocalPersistence });
export const db: Firestore = getFirestore(app);
export const functions: Functions = getFunctions(app, config.region);

if (EMULATOR) {
  const host = EMULATOR_HOST;
  connectAuthEmulator(auth, `http://${host}:9099`, { disableWarnings: true });
  connectFirestoreEmulator(db, host, 8080);
  connectFunctionsEmulator(functions, host, 5001);
}

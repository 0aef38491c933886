import { initializeApp, type FirebaseApp } from 'firebase/app';
import { setLogLevel } from 'firebase/firestore/lite';
import { EMULATOR } from './build-mode.ts';

export { EMULATOR };

/**
 * The Firebase app both web entries (the LIFF pages and the staff desk) start from: the emulator's demo
 * project under `--mode emulator`, else the project's public web config (web/.env.production, checked
 * at build by firebase-web-config-check.ts). Each entry adds its own Auth persistence and services.
 */

export const app: FirebaseApp = initializeApp(
  EMULATOR
    ? { apiKey: 'demo-key', projectId: 'demo-banmae', authDomain: 'demo-banmae.firebaseapp.com' }
    : {
        apiKey: import.meta.env.VITE_FIREBASE_API_KEY,
        authDomain: import.meta.env.VITE_FIREBASE_AUTH_DOMAIN,
        projectId: import.meta.env.VITE_FIREBASE_PROJECT_ID,
        appId: import.meta.env.VITE_FIREBASE_APP_ID,
      },
);

// The SDK's warnings print the failed request, national ID and phone included, to the browser's
// console (a citizen's phone, a shared office PC): keep only errors (PDPA: personal data never in a log).
setLogLevel('error');

/** The emulators on the page's own host, so a page opened from another device on the LAN works too. */
export const EMULATOR_HOST = typeof location === 'undefined' ? '127.0.0.1' : location.hostname;

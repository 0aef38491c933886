import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { getAuth } from 'firebase-admin/auth';
import { PROJECT_ID } from './stack.ts';

/** The Admin SDK as staff scripts and the Firebase console use it: it bypasses the rules. */
const app = getApps().find((a) => a.name === 'tests') ?? initializeApp({ projectId: PROJECT_ID }, 'tests');
export const adminDb = getFirestore(app);
export const adminAuth = getAuth(app);

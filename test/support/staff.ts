import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import type { Page } from 'playwright-core';
import type { StaffRole } from '@banmae/domain';
import { addStaff } from '../../scripts/staff-accounts.ts';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { adminAuth, adminDb } from './admin.ts';
import { AUTH_URL, FIRESTORE, HOSTING_ORIGIN, PROJECT_ID } from './stack.ts';

/** A staff member signed in as the desk does it: e-mail and password against the Auth emulator. */
export interface SignedInStaff {
  uid: string;
  email: string;
  app: FirebaseApp;
  auth: Auth;
  db: Firestore;
  call: <Req, Res>(name: string, data: Req) => Promise<Res>;
  close: () => Promise<void>;
}

let n = 0;

/** Callables as the desk calls them, from any signed-in (or signed-out) web app. */
export function callableOf(app: FirebaseApp) {
  const functions = getFunctions(app, rawConfig.region);
  connectFunctionsEmulator(functions, '127.0.0.1', 5001);
  return async <Req, Res>(name: string, data: Req): Promise<Res> => (await httpsCallable<Req, Res>(functions, name)(data)).data;
}

export function webApp(): FirebaseApp {
  return initializeApp({ projectId: PROJECT_ID, apiKey: 'demo-key' }, `web-${++n}`);
}

export async function signInStaff(role: StaffRole = 'staff', email = `clerk-${Date.now()}-${++n}@banmae.go.th`): Promise<SignedInStaff> {
  const added = await addStaff(adminAuth, adminDb, { email, role, displayName: `เจ้าหน้าที่ ${n}`, password: 'demo-password-1' });
  const app = webApp();
  const auth = getAuth(app);
  connectAuthEmulator(auth, AUTH_URL, { disableWarnings: true });
  await signInWithEmailAndPassword(auth, email, 'demo-password-1');
  const db = getFirestore(app);
  connectFirestoreEmulator(db, FIRESTORE.host, FIRESTORE.port);
  return { uid: added.uid, email, app, auth, db, call: callableOf(app), close: () => deleteApp(app) };
}

export interface DeskAccount {
  email: string;
  role: StaffRole;
  displayName: string;
  password: string;
}

/**
 * A new staff account signed in to the desk in Chromium as a clerk does it, through the sign-in form
 * in `page`; resolves once the queue (or its empty state) is shown.
 */
export async function signInOnDesk(page: Page, account: DeskAccount): Promise<Page> {
  await addStaff(adminAuth, adminDb, account);
  await page.goto(`${HOSTING_ORIGIN}/admin`);
  await page.getByLabel('อีเมล', { exact: true }).fill(account.email);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.locator('[data-testid="queue"], [data-testid="queue-empty"]').first().waitFor();
  return page;
}

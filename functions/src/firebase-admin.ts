import { getApps, initializeApp } from 'firebase-admin/app';
import type { Firestore } from 'firebase-admin/firestore';

// Each function bundle carries its own copy of this module, and the emulator may load several
// bundles in one process: reuse the default app by name (a bare getApps().length check misfires
// because the Firestore trigger wrapper creates an app of its own: PLATFORM-FACTS.md).
export const app = getApps().find((a) => a.name === '[DEFAULT]') ?? initializeApp();

let firestore: Firestore | undefined;

/** Firestore is loaded on first use: lineAuth never needs it, and it costs ~160 ms at cold start. */
export async function db(): Promise<Firestore> {
  if (!firestore) {
    const { getFirestore } = await import('firebase-admin/firestore');
    firestore = getFirestore(app);
  }
  return firestore;
}

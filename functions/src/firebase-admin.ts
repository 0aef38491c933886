import { initializeApp } from 'firebase-admin/app';
import type { Firestore } from 'firebase-admin/firestore';

// Initialised once at module top: the Firestore trigger wrapper creates its own app, so a
// `getApps().length` check is not reliable (PLATFORM-FACTS.md).
export const app = initializeApp();

let firestore: Firestore | undefined;

/** Firestore is loaded on first use: lineAuth never needs it, and it costs ~160 ms at cold start. */
export async function db(): Promise<Firestore> {
  if (!firestore) {
    const { getFirestore } = await import('firebase-admin/firestore');
    firestore = getFirestore(app);
  }
  return firestore;
}

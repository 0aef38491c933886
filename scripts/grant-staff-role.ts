import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';

/**
 * `npm run staff:grant -- <email> <staff|admin|none>`: gives a Firebase Auth account the role claim
 * that firestore.rules trust. Run by an administrator with Application Default Credentials for the
 * real project, or against the emulator (FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099).
 * The user sees the new role after their ID token refreshes (sign out and in again).
 */
const [email, role] = process.argv.slice(2);
const ROLES = ['staff', 'admin', 'none'];
if (!email || !role || !ROLES.includes(role)) {
  console.error('usage: npm run staff:grant -- <email> <staff|admin|none>');
  process.exit(2);
}
const auth = getAuth(initializeApp());
const user = await auth.getUserByEmail(email);
await auth.setCustomUserClaims(user.uid, role === 'none' ? {} : { ...(user.customClaims ?? {}), role });
console.log(`${email}: role ${role === 'none' ? 'removed' : `set to ${role}`}`);

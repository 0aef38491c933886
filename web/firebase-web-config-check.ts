import { loadEnv } from 'vite';

/**
 * The production builds (citizen pages and staff desk) refuse to build without the Firebase web config:
 * a public identifier, not a secret, kept in web/.env.production (README "Deploy").
 */
const REQUIRED_IN_PRODUCTION = ['VITE_FIREBASE_API_KEY', 'VITE_FIREBASE_AUTH_DOMAIN', 'VITE_FIREBASE_PROJECT_ID', 'VITE_FIREBASE_APP_ID'];

export function requireFirebaseWebConfig(mode: string): void {
  if (mode !== 'production') return;
  const env = loadEnv(mode, process.cwd());
  const missing = REQUIRED_IN_PRODUCTION.filter((k) => !env[k]);
  if (missing.length > 0) throw new Error(`web: set ${missing.join(', ')} in web/.env.production (see README "Deploy")`);
}

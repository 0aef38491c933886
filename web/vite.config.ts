import { defineConfig, loadEnv } from 'vite';
import preact from '@preact/preset-vite';

/**
 * Two builds of one app: `--mode emulator` (npm start, tests) runs LIFF in mock mode against the
 * local emulators; the production build talks to LINE and the real Firebase project, and refuses to
 * build without the Firebase web config (a public identifier, not a secret: web/.env.production).
 */
const REQUIRED_IN_PRODUCTION = ['VITE_FIREBASE_API_KEY', 'VITE_FIREBASE_AUTH_DOMAIN', 'VITE_FIREBASE_PROJECT_ID', 'VITE_FIREBASE_APP_ID'];

export default defineConfig(({ mode }) => {
  if (mode === 'production') {
    const env = loadEnv(mode, process.cwd());
    const missing = REQUIRED_IN_PRODUCTION.filter((k) => !env[k]);
    if (missing.length > 0) throw new Error(`web: set ${missing.join(', ')} in web/.env.production (see README "Deploy")`);
  }
  return {
    plugins: [preact()],
    build: { target: 'es2020', sourcemap: true, modulePreload: { polyfill: false } },
  };
});

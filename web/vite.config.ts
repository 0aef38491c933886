import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { requireFirebaseWebConfig } from './firebase-web-config-check.ts';
import { sharedBuildOptions } from './vite-build-options.ts';

/**
 * The citizen pages (LIFF). Two builds of one app: `--mode emulator` (npm start, tests) runs LIFF in
 * mock mode against the local emulators; the production build talks to LINE and the real Firebase
 * project. The staff desk is a separate build (vite.admin.config.ts) so none of it loads here.
 */
export default defineConfig(({ mode }) => {
  requireFirebaseWebConfig(mode);
  return {
    plugins: [preact()],
    build: sharedBuildOptions(mode),
  };
});

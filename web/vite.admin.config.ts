import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { requireFirebaseWebConfig } from './firebase-web-config-check.ts';
import { sharedBuildOptions } from './vite-build-options.ts';

/**
 * The staff desk (/admin): its own entry and bundle, built after the citizen pages into the same
 * web/dist without emptying it, its files under dist/admin/, so the citizen build output is untouched
 * and nothing of the desk loads on a citizen page. firebase.json rewrites /admin/** to admin/index.html.
 */
export default defineConfig(({ mode }) => {
  requireFirebaseWebConfig(mode);
  return {
    plugins: [preact()],
    build: {
      ...sharedBuildOptions(mode),
      outDir: 'dist',
      emptyOutDir: false,
      assetsDir: 'admin/assets',
      rolldownOptions: { input: resolve(import.meta.dirname, 'admin/index.html') },
    },
  };
});

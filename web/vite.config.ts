import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { requireFirebaseWebConfig } from './firebase-web-config-check.ts';
import { sharedBuildOptions } from './vite-build-options.ts';
import { preloadSessionChunks } from './preload-session-chunks.ts';
import municipalityConfig from '../config/municipality.json' with { type: 'json' };

/** The page title before the app names the page: the municipality's name from the config, not a second copy. */
const municipalityInHtml: Plugin = {
  name: 'municipality-in-html',
  transformIndexHtml: (html) => html.replaceAll('%MUNICIPALITY_NAME%', municipalityConfig.municipality.nameTh),
};

/**
 * The citizen pages (LIFF). Two builds of one app: `--mode emulator` (npm start, tests) runs LIFF in
 * mock mode against the local emulators; the production build talks to LINE and the real Firebase
 * project. The staff desk is a separate build (vite.admin.config.ts) so none of it loads here.
 */
/** What every citizen page starts at boot (src/liff/boot/session.ts); the emulator build's LIFF also loads liff-mock. */
const sessionModules = (mode: string) => [
  'src/liff/boot/liff-client.ts',
  'src/liff/boot/firebase-client.ts',
  ...(mode === 'emulator' ? ['src/liff/boot/liff-mock-mode.ts'] : []),
];

export default defineConfig(({ mode }) => {
  requireFirebaseWebConfig(mode);
  return {
    plugins: [preact(), municipalityInHtml, preloadSessionChunks(sessionModules)],
    build: {
      ...sharedBuildOptions(mode),
      // Two entries of one app: the form (the LIFF endpoint) and the status pages (/cases/**, firebase.json).
      rolldownOptions: {
        // The domain package is pure (no module runs anything on import). Saying so lets Rolldown follow
        // its barrel (index.ts) to the modules a page really uses: otherwise every page reaches every
        // domain module through the barrel, and the status pages download the form's checks (national
        // ID, meaningful text, incident time) in one chunk shared with the form (issue 11's 80 KB).
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/domain/src/') },
        input: { index: resolve(import.meta.dirname, 'index.html'), cases: resolve(import.meta.dirname, 'cases.html') },
      },
    },
  };
});

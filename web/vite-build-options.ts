import type { BuildOptions } from 'vite';

/**
 * What both web builds (citizen pages and staff desk) share. Source maps only for `--mode emulator`
 * (npm start, the tests): a deployed map hands anyone the readable source of the desk and the LIFF
 * app, comments included (docs/decisions/010). Any other mode, the production one included, builds
 * without them; firebase.json also leaves `*.map` out of the deploy, should one appear.
 */
export function sharedBuildOptions(mode: string): BuildOptions {
  return { target: 'es2020', sourcemap: mode === 'emulator', modulePreload: { polyfill: false } };
}

// Bundles the functions with the domain module and the municipality config into lib/. Firebase deploy
// cannot resolve npm workspace packages, so @banmae/domain must be inside the bundle
// (docs/decisions/002-bundle-functions-with-esbuild.md). npm dependencies stay external.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
rmSync(new URL('./lib', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/index.ts'],
  outdir: 'lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external: Object.keys(pkg.dependencies),
  logLevel: 'warning',
  // Lets bundled CommonJS code (none today) call require() from an ES module.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

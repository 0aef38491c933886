// Bundles the functions with the domain module and the municipality config into lib/: one CommonJS
// bundle per function group plus a small index that loads only the group FUNCTION_TARGET asks for.
// Firebase deploy cannot resolve npm workspace packages, so @banmae/domain must be inside the bundles
// (docs/decisions/002-bundle-functions-with-esbuild.md); npm dependencies stay external.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
rmSync(new URL('./lib', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: {
    index: 'src/index.ts',
    'line-auth': 'src/entry-points/line-auth.ts',
    'line-webhook': 'src/entry-points/line-webhook.ts',
    'complaint-triggers': 'src/entry-points/complaint-triggers.ts',
    retention: 'src/entry-points/retention.ts',
    'delivery-sweeper': 'src/entry-points/delivery-sweeper.ts',
    'staff-desk': 'src/entry-points/staff-desk.ts',
    'feedback-sweep': 'src/entry-points/feedback-sweep.ts',
    reports: 'src/entry-points/reports.ts',
    'group-alerts': 'src/entry-points/group-alerts.ts',
  },
  outdir: 'lib',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external: Object.keys(pkg.dependencies),
  logLevel: 'warning',
});

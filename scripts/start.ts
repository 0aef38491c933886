import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { EMULATOR_ARGS, HOSTING_ORIGIN, PROJECT_ID, ROOT, STANDIN_URL, startLocalStack } from './local-stack.ts';
import { SetupError } from './emulator-env.ts';
import { ROLE_LABELS_TH } from '@banmae/domain';
import { DEMO_LINE_USER, DEMO_STAFF_ACCOUNTS, seedDemoData } from './seed.ts';
import { startLocalSweeper } from './local-sweeper.ts';
import { startLocalDigest } from './local-digest.ts';
import { writePoster } from './poster.ts';

/**
 * `npm start`: the emulators (auth, firestore, functions, hosting) under the demo project, the LINE
 * stand-in, demo data, and the LIFF app (built in emulator mode) served by Hosting. Ctrl-C stops all.
 */
async function waitForFunctions(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`${HOSTING_ORIGIN}/api/lineAuth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(
      () => null,
    );
    if (res?.status === 401) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The functions did not load within 90 s: read the emulator output above.');
}

try {
  // Served by the Hosting emulator for printing; not part of a production deploy (npm run poster writes it anywhere).
  await writePoster(resolve(ROOT, 'web/dist/poster'));
  const stack = await startLocalStack();
  const emulators = spawn('firebase', ['emulators:start', ...EMULATOR_ARGS], { env: stack.env, stdio: 'inherit', cwd: ROOT });
  let stopSweeper = () => {};
  let stopDigest = () => {};
  const stop = () => {
    stopSweeper();
    stopDigest();
    emulators.kill('SIGINT');
    stack.stop();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  emulators.on('exit', (code) => {
    stack.stop();
    process.exit(code ?? 0);
  });

  await waitForFunctions(90_000);
  await seedDemoData();
  stopSweeper = await startLocalSweeper(stack.env);
  stopDigest = startLocalDigest(stack.env);
  const accounts = DEMO_STAFF_ACCOUNTS.map(
    (a) => `    ${a.email.padEnd(20)} password ${a.password.padEnd(19)} ${a.displayName}, ${ROLE_LABELS_TH[a.role]} (${a.role})`,
  );
  console.log(`
┌──────────────────────────────────────────────────────────────────────────────┐
  Ban Mae LINE service desk is running locally (project ${PROJECT_ID}).

  File a complaint (LIFF, mock mode):   ${HOSTING_ORIGIN}/
  My cases / status timeline:           ${HOSTING_ORIGIN}/cases
  Act as another LINE user:             ${HOSTING_ORIGIN}/?as=U<32 hex digits>
  As if opened from the OA chat:        ${HOSTING_ORIGIN}/?from=oa-chat  (the receipt comes as a free reply)
  Demo LINE user (has 3 demo cases):    ${DEMO_LINE_USER}

  Staff desk (email + password):        ${HOSTING_ORIGIN}/admin
${accounts.join('\n')}
  Manage staff accounts:                FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099 FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 npm run staff -- list

  Add-friend poster (A4, to print):     ${HOSTING_ORIGIN}/poster/poster.pdf  (PNG: /poster/poster.png)
  Rich menu on the stand-in:            npm run richmenu -- deploy --local   (then: status --local)
  A citizen adds the OA (greeting):     npm run line:say -- --follow

  LINE stand-in (what LINE received):   ${STANDIN_URL}/__standin/requests
  Firestore emulator REST:              http://127.0.0.1:8080/v1/projects/${PROJECT_ID}/databases/(default)/documents/complaints
  Send "ติดตามสถานะ" as the demo user:  npm run line:say -- ติดตามสถานะ
  Move a case as a clerk would:         npm run case:status -- BM-2569-00001 done "ซ่อมเสร็จแล้ว"
  LINE messages not yet delivered are retried every minute, as the deployed sweepDeliveries does.
  Staff LINE group: npm run line:say -- --join-group, link it at ${HOSTING_ORIGIN}/admin/groups (admin);
  overdue digest at 08:00 Bangkok, or now: npm run digest

  Press Ctrl-C to stop.
└──────────────────────────────────────────────────────────────────────────────┘
`);
} catch (err) {
  console.error(`\n✖ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof SetupError ? 2 : 1);
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTING_ORIGIN, PROJECT_ID, ROOT, STANDIN_URL } from './local-stack.ts';

/**
 * The morning digest of overdue cases for the LINE groups (docs/decisions/020) on the local stack. The
 * emulators cannot fire a schedule offline, so `npm start` runs the deployed `postOverdueDigests`' own
 * code here at 08:00 Bangkok time each day; `npm run digest` runs it once, now, against a running
 * `npm start` (once per group and day, as deployed: a second run the same day sends nothing).
 */
async function runDigest(env: { LINE_CHANNEL_ACCESS_TOKEN?: string }): Promise<number> {
  process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  process.env.GCLOUD_PROJECT ??= PROJECT_ID;
  process.env.FUNCTIONS_EMULATOR = 'true';
  process.env.LINE_API_BASE_URL = STANDIN_URL;
  process.env.LIFF_BASE_URL = HOSTING_ORIGIN;
  process.env.LINE_CHANNEL_ACCESS_TOKEN = env.LINE_CHANNEL_ACCESS_TOKEN;
  const [{ postOverdueDigests }, { db }, { messagingClient }, { TRIGGER_ATTEMPTS }] = await Promise.all([
    import('../functions/src/group-alerts/overdue-digest.ts'),
    import('../functions/src/firebase-admin.ts'),
    import('../functions/src/line/messaging-client.ts'),
    import('../functions/src/line/push-with-retry.ts'),
  ]);
  return postOverdueDigests(await db(), await messagingClient(), TRIGGER_ATTEMPTS);
}

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds until the next 08:00 in Bangkok. */
export function msUntilEightInBangkok(now = Date.now()): number {
  const bangkok = now + BANGKOK_OFFSET_MS;
  const eight = Math.floor(bangkok / DAY_MS) * DAY_MS + 8 * 60 * 60 * 1000;
  return (eight > bangkok ? eight : eight + DAY_MS) - bangkok;
}

export function startLocalDigest(env: NodeJS.ProcessEnv): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const schedule = () => {
    timer = setTimeout(() => {
      void runDigest(env)
        .then((sent) => console.log(`morning digest: ${sent} group(s)`))
        .catch((err: unknown) => console.warn('local morning digest failed:', err))
        .finally(schedule);
    }, msUntilEightInBangkok());
  };
  schedule();
  return () => clearTimeout(timer);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const secrets = readFileSync(resolve(ROOT, 'functions/.secret.local'), 'utf8');
  const token = /^LINE_CHANNEL_ACCESS_TOKEN=(.*)$/m.exec(secrets)?.[1];
  const sent = await runDigest({ LINE_CHANNEL_ACCESS_TOKEN: token });
  console.log(`digest sent to ${sent} group(s); what LINE received: ${STANDIN_URL}/__standin/requests?path=/v2/bot/message/push`);
  process.exit(0);
}

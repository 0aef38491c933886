import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMunicipalityConfig } from '@banmae/domain';
import rawConfig from '../config/municipality.json' with { type: 'json' };
import { emulatorEnv } from './emulator-env.ts';
import { EMULATOR_CONFIG_FILE, writeEmulatorFirebaseConfig } from './emulator-firebase-config.ts';

/**
 * The local stack shared by `npm start`, `npm test` and `npm run bench`: throw-away LINE credentials
 * (fresh each run, never committed), the functions' emulator settings, the Firebase config the
 * emulators run with (firebase.json plus the local origins in its CSP: emulator-firebase-config.ts),
 * the LINE stand-in process, and the environment for `firebase emulators:*`.
 */
export const ROOT = resolve(import.meta.dirname, '..');
export const PROJECT_ID = 'demo-banmae';
export const EMULATORS = 'auth,firestore,functions,hosting';
export const STANDIN_PORT = 9200;
export const HOSTING_ORIGIN = 'http://127.0.0.1:5000';
export const STANDIN_URL = `http://127.0.0.1:${STANDIN_PORT}`;
const config = parseMunicipalityConfig(rawConfig);
/** `firebase emulators:start|exec` arguments: the demo project, the emulators' own config, the emulators used. */
export const EMULATOR_ARGS = ['--project', PROJECT_ID, '--config', EMULATOR_CONFIG_FILE, '--only', EMULATORS];

export interface LocalStack {
  env: NodeJS.ProcessEnv;
  standin: ChildProcess;
  stop: () => void;
}

function writeFunctionsEmulatorSettings(secret: string, accessToken: string): void {
  writeFileSync(resolve(ROOT, 'functions/.secret.local'), `LINE_CHANNEL_SECRET=${secret}\nLINE_CHANNEL_ACCESS_TOKEN=${accessToken}\n`);
  writeFileSync(
    resolve(ROOT, 'functions/.env.local'),
    `LINE_API_BASE_URL=${STANDIN_URL}\nLIFF_BASE_URL=${HOSTING_ORIGIN}\nQUOTA_CACHE_SECONDS=0\nWEB_API_KEY=demo-key\n`,
  );
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function startLocalStack(): Promise<LocalStack> {
  const secret = randomBytes(16).toString('hex');
  const accessToken = randomBytes(32).toString('base64url');
  writeFunctionsEmulatorSettings(secret, accessToken);
  writeEmulatorFirebaseConfig(ROOT, STANDIN_PORT);
  const env: NodeJS.ProcessEnv = {
    ...(await emulatorEnv()),
    LINE_CHANNEL_SECRET: secret,
    LINE_CHANNEL_ACCESS_TOKEN: accessToken,
    LINE_LOGIN_CHANNEL_ID: config.line.lineLoginChannelId,
    LINE_STANDIN_URL: STANDIN_URL,
    LINE_STANDIN_PORT: String(STANDIN_PORT),
    LINE_WEBHOOK_URL: `${HOSTING_ORIGIN}/api/lineWebhook`,
    HOSTING_ORIGIN,
    GCLOUD_PROJECT: PROJECT_ID,
  };
  const standin = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'test/line-standin/main.ts')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  await waitForHttp(`${STANDIN_URL}/__standin/requests`, 10_000);
  return { env, standin, stop: () => standin.kill() };
}

/** Runs a command inside `firebase emulators:exec`; resolves with its exit code. */
export function emulatorsExec(env: NodeJS.ProcessEnv, command: string): Promise<number> {
  const child = spawn('firebase', ['emulators:exec', ...EMULATOR_ARGS, command], { env, stdio: 'inherit', cwd: ROOT });
  return new Promise((r) => child.on('exit', (code) => r(code ?? 1)));
}

import { lineApiBaseUrlParam, liffBaseUrlParam } from '../params.js';
import { municipality } from '../municipality.js';
import { checkDemoEmulator } from './emulator-only.js';

const LINE_API = 'https://api.line.me';

/**
 * LINE's API base URL. Production always talks to api.line.me: a stray LINE_API_BASE_URL must not
 * send citizens' ID tokens, the channel access token or messages to another host (DESIGN.md,
 * Identity). Called before each request is built, so a refused URL never receives one.
 */
export function lineApiBaseUrl(): string {
  const configured = lineApiBaseUrlParam.value().replace(/\/+$/, '');
  if (configured === LINE_API) return LINE_API;
  const emulator = checkDemoEmulator();
  if (emulator.ok) return configured;
  throw new Error(`LINE_API_BASE_URL=${configured} refused: only ${LINE_API} is allowed outside the Firebase emulator with a demo- project (${emulator.seen})`);
}

/** Base of LIFF links in messages: the LIFF URL in production, the local Hosting origin under the emulator. */
export function liffBaseUrl(): string {
  const configured = liffBaseUrlParam.value().replace(/\/+$/, '');
  if (configured !== '' && checkDemoEmulator().ok) return configured;
  return `https://liff.line.me/${municipality.line.liffId}`;
}

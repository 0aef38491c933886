import { lineApiBaseUrlParam, liffBaseUrlParam } from '../params.js';
import { municipality } from '../municipality.js';

const LINE_API = 'https://api.line.me';

function underEmulator(): boolean {
  return process.env.FUNCTIONS_EMULATOR === 'true';
}

/**
 * LINE's API base URL. Production always talks to api.line.me: a stray LINE_API_BASE_URL must not
 * send citizens' ID tokens or messages to another host (DESIGN.md, Identity).
 */
export function lineApiBaseUrl(): string {
  const configured = lineApiBaseUrlParam.value().replace(/\/+$/, '');
  if (configured === LINE_API) return LINE_API;
  if (!underEmulator()) throw new Error(`LINE_API_BASE_URL=${configured} is allowed only under the Firebase emulator`);
  return configured;
}

/** Base of LIFF links in messages: the LIFF URL in production, the local Hosting origin under the emulator. */
export function liffBaseUrl(): string {
  const configured = liffBaseUrlParam.value().replace(/\/+$/, '');
  if (configured !== '' && underEmulator()) return configured;
  return `https://liff.line.me/${municipality.line.liffId}`;
}

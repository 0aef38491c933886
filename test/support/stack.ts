/**
 * What the emulator-backed tests need to reach the local stack that scripts/test.ts started:
 * the Firebase emulators (one demo project) and the LINE stand-in.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the emulator tests through \`npm test\` (scripts/test.ts)`);
  return value;
}

export const PROJECT_ID = 'demo-banmae';
export const FIRESTORE = { host: '127.0.0.1', port: 8080 };
export const AUTH_URL = 'http://127.0.0.1:9099';
export const HOSTING_ORIGIN = process.env.HOSTING_ORIGIN ?? 'http://127.0.0.1:5000';
export const STANDIN_URL = required('LINE_STANDIN_URL');
export const CHANNEL_SECRET = required('LINE_CHANNEL_SECRET');
export const LINE_LOGIN_CHANNEL_ID = required('LINE_LOGIN_CHANNEL_ID');
export const LINE_AUTH_URL = `${HOSTING_ORIGIN}/api/lineAuth`;
export const WEBHOOK_URL = `${HOSTING_ORIGIN}/api/lineWebhook`;

/** A fresh, well-formed LINE user ID per test, so tests never see each other's data. */
export function lineUserId(): string {
  return 'U' + [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function clearFirestore(): Promise<void> {
  const res = await fetch(`http://${FIRESTORE.host}:${FIRESTORE.port}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`clearing Firestore failed: ${res.status}`);
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

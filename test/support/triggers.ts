import type { DocumentSnapshot } from 'firebase-admin/firestore';

/**
 * Runs trigger handlers in the test process with a fixed event, to prove they are idempotent
 * (the emulator never redelivers, production does: PLATFORM-FACTS.md). While a test does this the
 * emulator's own triggers are paused through the emulator hub, so only our runs happen.
 */
const HUB = 'http://127.0.0.1:4400';

export async function pauseEmulatorTriggers<T>(body: () => Promise<T>): Promise<T> {
  await fetch(`${HUB}/functions/disableBackgroundTriggers`, { method: 'PUT' });
  try {
    return await body();
  } finally {
    await fetch(`${HUB}/functions/enableBackgroundTriggers`, { method: 'PUT' });
  }
}

/** The handlers read their settings the way the Functions runtime provides them: from the environment. */
export function useFunctionsEnvironment(): void {
  process.env.FUNCTIONS_EMULATOR = 'true';
  process.env.LINE_API_BASE_URL = process.env.LINE_STANDIN_URL;
  process.env.LIFF_BASE_URL = process.env.HOSTING_ORIGIN;
}

export function firestoreEvent<D>(id: string, data: D, params: Record<string, string>) {
  return {
    id,
    data,
    params,
    time: new Date().toISOString(),
    type: 'google.cloud.firestore.document.v1.written',
    source: 'test',
    specversion: '1.0' as const,
  } as never;
}

export type { DocumentSnapshot };

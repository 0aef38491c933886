import * as logger from 'firebase-functions/logger';

/** What Identity Toolkit's signInWithCustomToken answers, passed to the page as it is. */
export interface FirebaseSession {
  idToken: string;
  refreshToken: string;
  /** Seconds, as Identity Toolkit writes it (a string). */
  expiresIn: string;
}

/** Identity Toolkit, or the Auth emulator's copy of it when the Functions emulator runs beside one. */
function identityToolkitBase(): string {
  const emulator = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  return emulator ? `http://${emulator}/identitytoolkit.googleapis.com` : 'https://identitytoolkit.googleapis.com';
}

/**
 * Signs the custom token in here, with the call the page would make next, so that the page gets its
 * Firebase session in lineAuth's answer: one round trip less before the form can submit and the
 * status list can load, ≈ 150 ms and more on a slow mobile link (issue 11, docs/decisions/016).
 * Returns null when it cannot (no web API key configured, a key that refuses server calls, Identity
 * Toolkit slow or down): the answer then carries only the custom token, and the page signs in with it
 * itself, as before. Tokens are never logged.
 */
export async function signInOnServer(customToken: string, apiKey: string, timeoutMs = 3000): Promise<FirebaseSession | null> {
  if (!apiKey) return null;
  try {
    const res = await fetch(`${identityToolkitBase()}/v1/accounts:signInWithCustomToken?key=${encodeURIComponent(apiKey)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: customToken, returnSecureToken: true }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as Partial<FirebaseSession> & { error?: { message?: string } };
    if (!res.ok || typeof body.idToken !== 'string' || typeof body.refreshToken !== 'string') {
      logger.warn('lineAuth: signing in on the server failed; the page signs in itself', { status: res.status, error: body.error?.message });
      return null;
    }
    return { idToken: body.idToken, refreshToken: body.refreshToken, expiresIn: String(body.expiresIn ?? '3600') };
  } catch (err) {
    logger.warn('lineAuth: signing in on the server failed; the page signs in itself', { error: err instanceof Error ? err.name : 'unknown' });
    return null;
  }
}

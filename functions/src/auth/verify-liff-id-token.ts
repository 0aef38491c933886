import { isLineUserId } from '@banmae/domain';

/**
 * Verifies a LIFF ID token with LINE Login (POST /oauth2/v2.1/verify) and re-checks what the answer
 * says: issuer, audience = our LINE Login channel, not expired, a LINE user ID as subject.
 */
export type VerifyFailure = 'invalid_token' | 'expired_token' | 'wrong_audience';

export type VerifyResult = { ok: true; userId: string } | { ok: false; reason: VerifyFailure; detail: string };

export class LineUnavailableError extends Error {
  constructor(detail: string) {
    super(`LINE Login did not answer the ID-token check: ${detail}`);
    this.name = 'LineUnavailableError';
  }
}

interface VerifiedClaims {
  iss?: unknown;
  sub?: unknown;
  aud?: unknown;
  exp?: unknown;
}

const LINE_ISSUER = 'https://access.line.me';
const VERIFY_TIMEOUT_MS = 5000;

function failureFromLine(description: string): VerifyFailure {
  if (/expired/i.test(description)) return 'expired_token';
  if (/audience/i.test(description)) return 'wrong_audience';
  return 'invalid_token';
}

export async function verifyLiffIdToken(idToken: string, opts: { apiBaseUrl: string; channelId: string; now?: number }): Promise<VerifyResult> {
  let res: Response;
  try {
    res = await fetch(`${opts.apiBaseUrl}/oauth2/v2.1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id_token: idToken, client_id: opts.channelId }),
      signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS),
    });
  } catch (err) {
    throw new LineUnavailableError(String(err));
  }
  if (res.status >= 500) throw new LineUnavailableError(`HTTP ${res.status}`);
  const body = (await res.json().catch(() => ({}))) as VerifiedClaims & { error_description?: string };
  if (res.status !== 200) {
    const detail = body.error_description ?? `HTTP ${res.status}`;
    return { ok: false, reason: failureFromLine(detail), detail };
  }
  const now = opts.now ?? Date.now();
  if (body.iss !== LINE_ISSUER || !isLineUserId(body.sub)) {
    return { ok: false, reason: 'invalid_token', detail: 'unexpected issuer or subject' };
  }
  if (body.aud !== opts.channelId) return { ok: false, reason: 'wrong_audience', detail: 'audience is another channel' };
  if (typeof body.exp !== 'number' || body.exp * 1000 <= now) return { ok: false, reason: 'expired_token', detail: 'expired' };
  return { ok: true, userId: body.sub };
}

/**
 * The citizen's Firebase sign-in without the Firebase Auth SDK (≈25 KB gzip, more than the status
 * pages' whole budget left for it: decision 016). The pages only ever sign in with the custom token
 * from lineAuth and keep the session in memory, so two REST calls do all they need: Identity
 * Toolkit's `accounts:signInWithCustomToken` and Secure Token's refresh, the endpoints the SDK itself
 * calls (already allowed by the CSP). Firestore lite reads the ID token through `getToken()`
 * (auth-internal.ts).
 */
export interface AuthEndpoints {
  apiKey: string;
  /** `https://` in production; `http://<host>:9099/` for the Auth emulator, which serves both APIs under its own origin. */
  base: string;
}

/** Refresh this long before the hour-long ID token expires: a request in flight must not carry a stale one. */
const REFRESH_MARGIN_MS = 5 * 60_000;

interface TokenAnswer {
  idToken: string;
  refreshToken: string;
  expiresInS: number;
}

export class AuthRequestError extends Error {
  constructor(
    readonly status: number | 'network',
    readonly code: string,
  ) {
    super(`Firebase Auth: ${status} ${code}`);
  }
}

async function post(url: string, body: string, contentType: string): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  } catch {
    throw new AuthRequestError('network', 'network-request-failed');
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const message = (json.error as { message?: unknown } | undefined)?.message;
  if (!res.ok) throw new AuthRequestError(res.status, typeof message === 'string' ? message : 'unknown');
  return json;
}

/** The uid in an ID token's payload (`sub`); the token is not checked here, Firestore checks it. */
export function uidOfIdToken(idToken: string): string {
  const payload = idToken.split('.')[1] ?? '';
  const json = JSON.parse(
    atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    ),
  ) as { sub?: unknown };
  if (typeof json.sub !== 'string' || json.sub === '') throw new AuthRequestError(200, 'no-uid-in-token');
  return json.sub;
}

export class IdTokenSession {
  private token: (TokenAnswer & { expiresAt: number }) | null = null;
  private uid: string | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly endpoints: AuthEndpoints) {}

  private url(host: string, path: string): string {
    return `${this.endpoints.base}${host}${path}?key=${encodeURIComponent(this.endpoints.apiKey)}`;
  }

  private keep(answer: TokenAnswer): void {
    this.token = { ...answer, expiresAt: Date.now() + answer.expiresInS * 1000 };
  }

  async signInWithCustomToken(customToken: string): Promise<string> {
    const b = await post(
      this.url('identitytoolkit.googleapis.com', '/v1/accounts:signInWithCustomToken'),
      JSON.stringify({ token: customToken, returnSecureToken: true }),
      'application/json',
    );
    return this.adopt(b);
  }

  /** Takes a session lineAuth already signed in on the server (Identity Toolkit's answer, as it came): no request. */
  adopt(answer: { idToken?: unknown; refreshToken?: unknown; expiresIn?: unknown }): string {
    const uid = uidOfIdToken(String(answer.idToken));
    this.keep({ idToken: String(answer.idToken), refreshToken: String(answer.refreshToken), expiresInS: Number(answer.expiresIn ?? 3600) });
    this.uid = uid;
    return uid;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= post(
      this.url('securetoken.googleapis.com', '/v1/token'),
      new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.token!.refreshToken }).toString(),
      'application/x-www-form-urlencoded',
    )
      .then((b) => this.keep({ idToken: String(b.id_token), refreshToken: String(b.refresh_token), expiresInS: Number(b.expires_in ?? 3600) }))
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** What Firestore lite asks before each request: the current ID token, refreshed near its expiry; null before sign-in. */
  async getToken(): Promise<{ accessToken: string } | null> {
    if (!this.token) return null;
    if (Date.now() > this.token.expiresAt - REFRESH_MARGIN_MS) await this.refresh();
    return { accessToken: this.token.idToken };
  }

  getUid(): string | null {
    return this.uid;
  }
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * LIFF ID tokens as the stand-in issues them. Real LINE tokens are ES256 JWTs; the stand-in signs with
 * HS256 and its own key because only it verifies them (POST /oauth2/v2.1/verify), exactly like LINE.
 */
export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  name?: string;
  picture?: string;
  amr?: string[];
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export class IdTokenIssuer {
  private readonly key = randomBytes(32);

  mint(claims: IdTokenClaims): string {
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64url(JSON.stringify(claims));
    const sig = createHmac('sha256', this.key).update(`${head}.${body}`).digest('base64url');
    return `${head}.${body}.${sig}`;
  }

  /** Returns the claims if the signature is ours, null otherwise (expiry and audience are checked by the caller). */
  read(token: string): IdTokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [head, body, sig] = parts as [string, string, string];
    const want = createHmac('sha256', this.key).update(`${head}.${body}`).digest();
    const got = Buffer.from(sig, 'base64url');
    if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as IdTokenClaims;
    } catch {
      return null;
    }
  }
}

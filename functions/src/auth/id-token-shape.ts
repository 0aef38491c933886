import { isLineUserId } from '@banmae/domain';
import type { VerifyFailure } from './verify-liff-id-token.js';

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const LINE_ISSUER = 'https://access.line.me';
/** LINE signs LIFF ID tokens with ES256 (HS256 for LINE Login web tokens, and in the stand-in). */
const ALGORITHMS = new Set(['ES256', 'HS256']);
/** A phone's clock may be ahead: an "expired" token within this margin is left for LINE to judge. */
const EXPIRY_MARGIN_S = 60;

function json(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Refuses, without calling LINE, what cannot be a LIFF ID token of our channel: not a JWT, another
 * issuer or audience, no LINE user as subject, long expired. Nothing here is trusted: a token that
 * passes still goes to LINE's verify endpoint, which checks the signature (verify-liff-id-token.ts).
 */
export function idTokenShapeProblem(token: string, channelId: string, now = Date.now()): VerifyFailure | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p))) return 'invalid_token';
  const header = json(parts[0]!);
  const claims = json(parts[1]!);
  if (!header || !claims || !ALGORITHMS.has(header.alg as string)) return 'invalid_token';
  if (claims.iss !== LINE_ISSUER || !isLineUserId(claims.sub)) return 'invalid_token';
  if (claims.aud !== channelId) return 'wrong_audience';
  if (typeof claims.exp !== 'number' || (claims.exp + EXPIRY_MARGIN_S) * 1000 <= now) return 'expired_token';
  return null;
}

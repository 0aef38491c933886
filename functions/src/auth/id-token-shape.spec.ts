import { describe, expect, it } from 'vitest';
import { idTokenShapeProblem } from './id-token-shape.js';

const CHANNEL = '2000000000';
const NOW = Date.parse('2026-11-26T03:00:00Z');
const USER = 'U' + 'a'.repeat(32);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const token = (claims: Record<string, unknown> = {}, header: Record<string, unknown> = { alg: 'ES256', typ: 'JWT' }) =>
  `${b64(header)}.${b64({ iss: 'https://access.line.me', sub: USER, aud: CHANNEL, exp: NOW / 1000 + 600, ...claims })}.c2lnbmF0dXJl`;

describe('idTokenShapeProblem: what never reaches LINE', () => {
  it('lets a well-formed token through to LINE (which checks the signature)', () => {
    expect(idTokenShapeProblem(token(), CHANNEL, NOW)).toBeNull();
  });

  const refused: [string, string, string][] = [
    ['garbage', 'hello', 'invalid_token'],
    ['a JWT with two segments', token().split('.').slice(0, 2).join('.'), 'invalid_token'],
    ['non-base64url characters', `${token()}!`, 'invalid_token'],
    ['a header that is not JSON', `bm90IGpzb24.${token().split('.')[1]}.c2ln`, 'invalid_token'],
    ['an unsigned token (alg none)', token({}, { alg: 'none' }), 'invalid_token'],
    ['another issuer', token({ iss: 'https://evil.example' }), 'invalid_token'],
    ['a subject that is not a LINE user', token({ sub: 'admin' }), 'invalid_token'],
    ["another channel's audience", token({ aud: '1999999999' }), 'wrong_audience'],
    ['no expiry', token({ exp: undefined }), 'expired_token'],
    ['expired two minutes ago', token({ exp: NOW / 1000 - 120 }), 'expired_token'],
  ];
  for (const [name, t, reason] of refused) {
    it(`refuses ${name} as ${reason}`, () => expect(idTokenShapeProblem(t, CHANNEL, NOW)).toBe(reason));
  }

  it('leaves a token that expired within the clock margin to LINE', () => {
    expect(idTokenShapeProblem(token({ exp: NOW / 1000 - 30 }), CHANNEL, NOW)).toBeNull();
  });
});

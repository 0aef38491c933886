import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidSignature } from './verify-signature.ts';

const SECRET = 'test-channel-secret';
const body = Buffer.from('{"destination":"U0","events":[]}');
const sign = (b: Buffer) => createHmac('sha256', SECRET).update(b).digest('base64');

describe('isValidSignature', () => {
  const cases: { description: string; body: Buffer | undefined; header: unknown; want: boolean }[] = [
    { description: 'the correct signature', body, header: sign(body), want: true },
    { description: 'no header', body, header: undefined, want: false },
    { description: 'an empty header', body, header: '', want: false },
    { description: 'a signature of another body', body, header: sign(Buffer.from('{}')), want: false },
    { description: 'a body changed by one space after signing', body: Buffer.from('{"destination":"U0", "events":[]}'), header: sign(body), want: false },
    { description: 'a signature made with another secret', body, header: createHmac('sha256', 'other').update(body).digest('base64'), want: false },
    { description: 'a too short signature', body, header: sign(body).slice(0, 20), want: false },
    { description: 'a too long signature', body, header: sign(body) + 'AAAA', want: false },
    { description: 'non-base64 text', body, header: '!!not base64!!', want: false },
    { description: 'a header given twice (array)', body, header: [sign(body), sign(body)], want: false },
    { description: 'no raw body', body: undefined, header: sign(body), want: false },
  ];
  for (const c of cases) it(`${c.want ? 'accepts' : 'refuses'} ${c.description}`, () => expect(isValidSignature(c.body, SECRET, c.header)).toBe(c.want));
});

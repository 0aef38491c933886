import { describe, expect, it } from 'vitest';
import { photosKey } from './photos-key.ts';

const T = Date.parse('2026-11-26T09:00:00Z');
const added = (id: string, agoMs: number) => ({ id, at: new Date(T - agoMs) });

describe('photosKey: when the desk reads a case’s photos again', () => {
  it('stays the same across refreshes of an unchanged case with old additions (photos are large)', () => {
    const additions = [added('a1', 3_600_000)];
    expect(photosKey(4, additions, T)).toBe(photosKey(4, additions, T + 600_000));
  });

  it('changes when the case changes or information is added', () => {
    const old = [added('a1', 3_600_000)];
    expect(photosKey(5, old, T)).not.toBe(photosKey(4, old, T));
    expect(photosKey(4, [...old, added('a2', 3_600_000)], T)).not.toBe(photosKey(4, old, T));
  });

  it('changes every 30 s while an addition is under 3 minutes old, so its photos show once they land', () => {
    const fresh = [added('a1', 10_000)];
    const keys = new Set([0, 5_000, 31_000, 62_000, 93_000].map((dt) => photosKey(4, fresh, T + dt)));
    expect(keys.size).toBeGreaterThanOrEqual(4);
    expect(photosKey(4, fresh, T + 200_000)).toBe(photosKey(4, fresh, T + 400_000)); // no longer fresh
  });
});

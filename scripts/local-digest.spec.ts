import { expect, it } from 'vitest';
import { msUntilEightInBangkok } from './local-digest.ts';

const HOUR = 60 * 60 * 1000;

it('runs the local digest at the next 08:00 in Bangkok (01:00 UTC), today or tomorrow', () => {
  expect(msUntilEightInBangkok(Date.parse('2026-11-30T00:00:00Z'))).toBe(HOUR); // 07:00 in Bangkok
  expect(msUntilEightInBangkok(Date.parse('2026-11-30T01:00:00Z'))).toBe(24 * HOUR); // 08:00 sharp: the next one
  expect(msUntilEightInBangkok(Date.parse('2026-11-29T20:00:00Z'))).toBe(5 * HOUR); // 03:00 on the 30th in Bangkok
});

import { afterEach, expect } from 'vitest';
import { takeUnexpectedCspViolations } from './browser.ts';

/**
 * Every browser test runs under the Content-Security-Policy the Hosting emulator serves: a test
 * during which a page reported a refusal fails, so a flow the policy breaks cannot pass unnoticed.
 */
afterEach(() => {
  expect(takeUnexpectedCspViolations(), 'Content-Security-Policy refusals').toEqual([]);
});

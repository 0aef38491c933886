import type { BrowserContext } from 'playwright-core';

/**
 * lineAuth limits sign-ins per client (the Fastly-Client-IP that Firebase Hosting's CDN sets). Tests
 * sign in many citizens from one machine; each stands for a different phone, so each gets its own
 * address from the benchmarking range 198.18.0.0/15 (never routed).
 */
export const CLIENT_IP_HEADER = 'fastly-client-ip';

let n = 0;
export function newClientIp(): string {
  n += 1;
  return `198.18.${(n >> 8) & 255}.${n & 255}`;
}

/** Makes a browser context one phone: its sign-ins carry its own client address. */
export async function asOnePhone(context: BrowserContext): Promise<void> {
  const ip = newClientIp();
  await context.route('**/api/lineAuth', (route) => route.continue({ headers: { ...route.request().headers(), [CLIENT_IP_HEADER]: ip } }));
}

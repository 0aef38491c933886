import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { asOnePhone } from './client-ip.ts';

/**
 * Debian's Chromium driven by Playwright (Playwright cannot download its own browsers here:
 * ENVIRONMENT.md). Phone-sized viewport, Thai locale, Bangkok time zone, like a citizen's phone.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = 'test-results/screenshots';

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A phone; `width: 360` is the narrowest common Android screen the staff desk must fit. */
export async function phonePage(browser: Browser, { width = 390 } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    geolocation: { latitude: 18.6253, longitude: 98.8917, accuracy: 15 },
    permissions: ['geolocation'],
  });
  await asOnePhone(context);
  return watched(await context.newPage());
}

/** An office PC: a 1280 px wide window, Thai locale, Bangkok time, mouse and keyboard. */
export async function desktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  return watched(await context.newPage());
}

function watched(page: Page): Page {
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  page.on('console', (m) => m.type() === 'warning' && console.warn('page console:', m.text()));
  return page;
}

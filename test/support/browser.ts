import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
export async function phonePage(browser: Browser, { width = 390, height = 844 } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    geolocation: { latitude: 18.6253, longitude: 98.8917, accuracy: 15 },
    permissions: ['geolocation'],
  });
  await asOnePhone(context);
  return watchedPage(context);
}

/** An office PC: a 1280 px wide window, Thai locale, Bangkok time, mouse and keyboard. */
export async function desktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  return watchedPage(context);
}

const CSP_VIOLATION = 'csp-violation:';
const violations = new WeakMap<Page, string[]>();
const provoked = new WeakSet<Page>();
let unexpected: string[] = [];

/**
 * What the page's Content-Security-Policy refused so far: each `securitypolicyviolation` event (the
 * init script reports them through the console, from the first script on) and Chromium's own
 * console errors about the policy. Every page made here is watched.
 */
export function cspViolations(page: Page): string[] {
  return violations.get(page) ?? [];
}

/** For a test that injects what the policy must refuse: its page's refusals are not a failure. */
export function provokeCspViolations(page: Page): void {
  provoked.add(page);
}

/** The refusals on other pages since the last call: test/support/csp-guard.ts fails the test that caused one. */
export function takeUnexpectedCspViolations(): string[] {
  const taken = unexpected;
  unexpected = [];
  return taken;
}

async function watchedPage(context: BrowserContext): Promise<Page> {
  await context.addInitScript((prefix) => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.info(`${prefix} ${e.effectiveDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  }, CSP_VIOLATION);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const refused: string[] = [];
  violations.set(page, refused);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith(CSP_VIOLATION) || (m.type() === 'error' && /Content Security Policy/.test(text))) {
      refused.push(text);
      if (!provoked.has(page)) {
        unexpected.push(`${page.url()}: ${text}`);
        console.error('page CSP:', text);
      }
    } else if (m.type() === 'warning') console.warn('page console:', text);
  });
  return page;
}

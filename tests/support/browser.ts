/**
 * The browser for end-to-end tests, first found of:
 *   1. CHROMIUM_PATH, an executable you name;
 *   2. Debian's /usr/bin/chromium (apt install chromium), unless E2E_CHROMIUM=bundled;
 *   3. the Chromium inside the @sparticuz/chromium npm package (a devDependency), so a fresh machine
 *      needs no apt step. It is pinned to 147.0.0, the last release that supports Node 20.
 * Never a tool's own browser download, which cannot work here.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const QUIET_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export type BrowserSource = { executablePath: string; source: string };

/** Which Chromium the tests use, without starting it. */
export async function findChromium(env: Record<string, string | undefined> = process.env): Promise<BrowserSource> {
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, source: `${env.CHROMIUM_PATH} (CHROMIUM_PATH)` };
  if (env.E2E_CHROMIUM !== 'bundled' && existsSync('/usr/bin/chromium')) {
    return { executablePath: '/usr/bin/chromium', source: '/usr/bin/chromium (Debian)' };
  }
  // require, not import(): jest runs test files as CommonJS and refuses a dynamic import without
  // --experimental-vm-modules; the package ships a CommonJS build for exactly this.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require('@sparticuz/chromium') as { default?: SparticuzChromium } & SparticuzChromium;
  const sparticuz = mod.default ?? mod;
  // unpacks the brotli'd binary into the temp dir once; later calls reuse it
  const executablePath = await sparticuz.executablePath();
  return { executablePath, source: `${executablePath} (@sparticuz/chromium)` };
}
type SparticuzChromium = { executablePath(input?: string): Promise<string> };

/**
 * Launch the browser for a suite. Every page it opens is watched for Content-Security-Policy violations
 * (the server sends a strict policy); closing the browser fails the suite if there was any.
 */
export async function launchChromium(): Promise<{ browser: Browser; source: string }> {
  const { executablePath, source } = await findChromium();
  // the package's own args are tuned for AWS Lambda (--single-process, --disable-web-security): not wanted here
  const browser = await chromium.launch({ executablePath, args: QUIET_FLAGS, headless: true });
  const violations: string[] = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const ctx = await newContext(...args);
    ctx.on('page', (page) =>
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
      }),
    );
    return ctx;
  };
  const close = browser.close.bind(browser);
  browser.close = async (...args) => {
    await close(...args);
    if (violations.length) throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
  };
  return { browser, source };
}

/** the H5 build the browser tests serve: H5_DIR, else dist/h5 */
export const h5Dir = (root: string) => process.env.H5_DIR || `${root}/dist/h5`;

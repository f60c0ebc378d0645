/**
 * The browser for end-to-end tests: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the
 * Chromium inside the @sparticuz/chromium npm package (so a fresh machine needs no apt step).
 * Never a tool's own browser download, which cannot work here.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const QUIET_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<{ browser: Browser; source: string }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return { browser: await chromium.launch({ executablePath: fromEnv, args: QUIET_FLAGS }), source: fromEnv };
  if (existsSync('/usr/bin/chromium')) {
    return { browser: await chromium.launch({ executablePath: '/usr/bin/chromium', args: QUIET_FLAGS }), source: '/usr/bin/chromium (Debian)' };
  }
  const sparticuz = (await import('@sparticuz/chromium')).default;
  const executablePath = await sparticuz.executablePath();
  const browser = await chromium.launch({ executablePath, args: [...sparticuz.args, ...QUIET_FLAGS], headless: true });
  return { browser, source: `${executablePath} (@sparticuz/chromium)` };
}

/** the H5 build the browser tests serve: H5_DIR, else dist/h5 */
export const h5Dir = (root: string) => process.env.H5_DIR || `${root}/dist/h5`;

/**
 * What every browser suite stands on: the local server on a fresh temp data dir (serving the H5 build and
 * the cloud functions, timers off, quiet), the browser, and the screenshot folder (E2E_SHOTS, else
 * .tmp/e2e-shots). `useE2EWorld` registers the beforeAll that starts them and the afterAll that closes
 * them again, and hands back the way in: read `server`, `base`, `browser`, `browserSource` and `dataDir`
 * inside hooks and tests (they exist once beforeAll has run); the methods (`page`, `shot`, `tallShot`,
 * `loginAs`) may be taken out of the world at the top of a suite.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startLocalServer, type LocalOptions } from '../../server/app';
import { h5Dir, launchChromium } from './browser';
import { loginAs as login, shot as takeShot } from './pages';

const root = join(__dirname, '..', '..');

/** a suite's own server options, beyond where it listens and what it serves */
export type E2EServerOptions = Partial<Omit<LocalOptions, 'port' | 'dataDir' | 'h5Dir' | 'functionsDir'>>;

export type E2EPageOptions = Omit<BrowserContextOptions, 'viewport'> & {
  /** the viewport's height: by default 900 on a desk screen (wider than 800 px), 844 on a phone */
  height?: number;
  /** what to do with an error the page throws (by default: print it) */
  onError?: (error: Error) => void;
  /**
   * The H5 demo's simulated WeChat consent sheet comes up at 提交 / 我的工单 / 签收 (src/services/consent-sheet.ts):
   * by default it is answered 取消 whenever it blocks a step; 'keep' leaves it to the test.
   */
  consentSheet?: 'dismiss' | 'keep';
};

export type E2EWorld = {
  readonly server: Awaited<ReturnType<typeof startLocalServer>>;
  /** where the pages reach the server, e.g. http://127.0.0.1:<port> */
  readonly base: string;
  readonly browser: Browser;
  /** which Chromium it is, and where it was found */
  readonly browserSource: string;
  /** the server's temp data dir, removed after the suite: a place for the files a test writes too */
  readonly dataDir: string;
  /** where screenshots go */
  readonly shots: string;
  /** a page in a fresh browser context, `width` px wide */
  page(width: number, options?: E2EPageOptions): Promise<Page>;
  /** a screenshot into the shots folder, `${name}.png`, of the whole page unless told */
  shot(page: Page, name: string, fullPage?: boolean): Promise<void>;
  /** a whole-page screenshot where Taro scrolls inside its page element: the viewport grows to fit it for the picture */
  tallShot(page: Page, name: string): Promise<void>;
  /** the demo login as a seeded user, by name */
  loginAs(page: Page, name: string): Promise<void>;
};

/**
 * @param name names the temp data dir (yszt-e2e-<name>-…)
 * @param serverOptions the suite's own server options (a fake clock, a store, no seed, a bootstrap code);
 *   a function is called in beforeAll, for options that must be made then
 * @param baseHost the host name in `base`: 127.0.0.1, or localhost where the pages must share an origin with
 *   the visit codes (the server encodes http://localhost:<port> in them)
 */
export function useE2EWorld(
  name: string,
  serverOptions: E2EServerOptions | (() => E2EServerOptions) = {},
  { baseHost = '127.0.0.1' }: { baseHost?: string } = {},
): E2EWorld {
  const shots = process.env.E2E_SHOTS ?? join(root, '.tmp', 'e2e-shots');
  let server: E2EWorld['server'] | undefined;
  let browser: Browser | undefined;
  let browserSource: string | undefined;
  let dataDir: string | undefined;
  let base: string | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `yszt-e2e-${name}-`));
    const extra = typeof serverOptions === 'function' ? serverOptions() : serverOptions;
    server = await startLocalServer({
      port: 0, dataDir, h5Dir: h5Dir(root), functionsDir: join(root, 'cloudfunctions'), timers: false, log: () => {}, ...extra,
    });
    base = `http://${baseHost}:${server.port}`;
    ({ browser, source: browserSource } = await launchChromium());
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the e2e world's ${what} is not there: read it inside a hook or a test`);
    return value;
  };

  const world: E2EWorld = {
    get server() { return ready(server, 'server'); },
    get base() { return ready(base, 'base'); },
    get browser() { return ready(browser, 'browser'); },
    get browserSource() { return ready(browserSource, 'browserSource'); },
    get dataDir() { return ready(dataDir, 'dataDir'); },
    shots,
    page: async (width, { height = width > 800 ? 900 : 844, onError = (e: Error) => console.error('page error:', e.message), consentSheet = 'dismiss', ...context } = {}) => {
      const ctx = await world.browser.newContext({ viewport: { width, height }, ...context });
      const page = await ctx.newPage();
      page.on('pageerror', onError);
      if (consentSheet === 'dismiss') {
        await page.addLocatorHandler(page.locator('.demo-consent'), async (sheet) => {
          await sheet.getByRole('button', { name: '取消', exact: true }).click();
        });
      }
      return page;
    },
    shot: (page, name, fullPage = true) => takeShot(page, shots, name, fullPage),
    tallShot: async (page, name) => {
      const size = page.viewportSize()!;
      const height = await page.evaluate(() =>
        Math.max(0, ...Array.from(document.querySelectorAll('.page')).filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).scrollHeight)),
      );
      if (height > size.height) await page.setViewportSize({ width: size.width, height: Math.min(height + 24, 6000) });
      await takeShot(page, shots, name, true);
      await page.setViewportSize(size);
    },
    loginAs: (page, name) => login(page, world.base, name),
  };
  return world;
}

/**
 * What the built weapp code does, checked on dist/weapp itself (made by `npm run build:weapp`): the
 * WeChat APIs its pages call and the page settings those calls need. The webpack modules each page runs
 * are read by weapp-modules.ts, following shared code into sub-common/sub-vendors chunks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadWeappModules, pageClosure, type WeappModules } from './weapp-modules';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/weapp');
const APP_JSON = path.join(DIST, 'app.json');
const NOT_BUILT =
  'dist/weapp/app.json not found: the weapp build is missing. Run `npm run build:weapp` ' +
  '(or `npm test`, which runs `npm run build` first) before the build checks.';

type SubPackage = { root: string; pages: string[] };
type AppJson = { pages: string[]; subPackages?: SubPackage[]; subpackages?: SubPackage[]; window?: Record<string, unknown> };
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

let app: AppJson;
let pages: string[] = [];
let bundle: WeappModules;

beforeAll(() => {
  if (!fs.existsSync(APP_JSON)) throw new Error(NOT_BUILT);
  app = readJson(APP_JSON);
  const subs = app.subPackages ?? app.subpackages ?? [];
  pages = [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => path.posix.join(s.root, p)))];
  bundle = loadWeappModules(DIST, pages);
});

test('every page has an entry module and the modules it requires are in the build', () => {
  expect(pages.length).toBeGreaterThan(0);
  const withoutEntry = pages.filter((p) => !bundle.entries.get(p)?.length);
  expect(withoutEntry).toEqual([]);
  const unresolved = pages.flatMap((p) =>
    pageClosure(bundle, p).flatMap((m) => m.deps.filter((d) => !bundle.modules.has(d)).map((d) => `${p}: ${m.id} → ${d}`)),
  );
  expect(unresolved).toEqual([]);
});

describe('pull-down refresh', () => {
  /** a call of Taro's hook, `(0,x.usePullDownRefresh)(…)` or `x.usePullDownRefresh(…)`, not its export */
  const USES_HOOK = /\busePullDownRefresh\)?\(/;

  test('every page that registers pull-down refresh enables it in its page json', () => {
    const users = pages.filter((p) => pageClosure(bundle, p).some((m) => USES_HOOK.test(m.source)));
    // the detector sees a page's own hook and one reached through shared code (src/shared/use-tabbed-inbox.ts)
    expect(users).toEqual(expect.arrayContaining(['pages/messages/index', 'subpkg-officer/inbox/index']));
    expect(users.length).toBeLessThan(pages.length);

    const appDefault = app.window?.enablePullDownRefresh === true;
    const notEnabled = users.filter((p) => {
      const own = readJson(path.join(DIST, `${p}.json`)).enablePullDownRefresh;
      return !(own === true || (own === undefined && appDefault));
    });
    // WeChat never fires onPullDownRefresh on a page that has not enabled it: the hook would be dead code
    expect(notEnabled).toEqual([]);
  });
});

describe('scanning codes', () => {
  test("every Taro.scanCode call accepts WeChat's mini-program codes (wxCode) as well as QR codes", () => {
    const calls: { file: string; options: string }[] = [];
    for (const m of bundle.modules.values()) {
      for (const match of m.source.matchAll(/\.scanCode\)?\((\{[^{}]*\})\)/g)) calls.push({ file: m.file, options: match[1] });
    }
    expect(calls.length).toBeGreaterThan(0);
    const wrong = calls.filter(({ options }) => {
      if (!options.includes('scanType:')) return false; // WeChat's default takes every kind of code
      const list = /scanType:\[([^\]]*)\]/.exec(options)?.[1];
      if (list === undefined) return true; // not a literal list: nothing here can vouch for it
      const kinds = list.split(',').map((k) => k.trim().replace(/^["']|["']$/g, ''));
      return !(kinds.includes('wxCode') && kinds.includes('qrCode'));
    });
    // posters and 亮证码 are 小程序码: a scanner limited to qrCode cannot read them
    expect(wrong).toEqual([]);
  });
});

describe('workbooks', () => {
  test('the workbook opener downloads cloud:// files with Taro.cloud.downloadFile({ fileID })', () => {
    const openers = [...bundle.modules.values()].filter((m) => /\.openDocument\)?\(/.test(m.source));
    expect(openers.length).toBeGreaterThan(0);
    const withoutCloud = openers.filter((m) => !/\.cloud\.downloadFile\)?\(\{fileID:/.test(m.source)).map((m) => `${m.file}#${m.id}`);
    expect(withoutCloud).toEqual([]);
  });
});

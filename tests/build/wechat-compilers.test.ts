/**
 * WeChat's own template and stylesheet compilers on the weapp build: every WXML file of dist/weapp goes
 * through wcc and every WXSS file through wcsc, the compilers DevTools and WeChat's upload run, so markup or
 * a stylesheet WeChat would refuse fails here instead of in DevTools. The binaries come from the npm package
 * `miniprogram-compiler` (Linux, macOS and Windows builds of wcc and wcsc); nothing goes on the network.
 *
 * The package's own wrappers (src/wcc.js, src/wcsc.js) build the argument lists exactly as WeChat's tooling
 * does (custom components from each page json, component stylesheets first). Its public wxssToJs swallows
 * a wcsc failure (the wrapper returns the Error instead of throwing it), so the wrappers are called directly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';
import { walkFiles } from './sizes';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/weapp');
const APP_JSON = path.join(DIST, 'app.json');
const NOT_BUILT =
  'dist/weapp/app.json not found: the weapp build is missing. Run `npm run build:weapp` ' +
  '(or `npm test`, which runs `npm run build` first) before the build checks.';

const PKG = path.dirname(require.resolve('miniprogram-compiler/package.json'));
const PLATFORM_DIR = process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux';
const EXE = process.platform === 'win32' ? '.exe' : '';
const WCC = path.join(PKG, 'bin', PLATFORM_DIR, `wcc${EXE}`);
const WCSC = path.join(PKG, 'bin', PLATFORM_DIR, `wcsc${EXE}`);

type WccWrapper = (root: string, files: string[], wxs: string[], options: { maxBuffer: number }) => string;
type WcscWrapper = (root: string, files: string[], options: { maxBuffer: number }) => Record<string, string> | Error;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wccWrapper: WccWrapper = require('miniprogram-compiler/src/wcc');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wcscWrapper: WcscWrapper = require('miniprogram-compiler/src/wcsc');

/** the whole build goes through in one call: give the compilers' stdout room (the wrappers default to 1 MB) */
const MAX_BUFFER = 256 * 1024 * 1024;

type SubPackage = { root: string; pages: string[] };
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

function requirePages(): string[] {
  if (!fs.existsSync(APP_JSON)) throw new Error(NOT_BUILT);
  const app = readJson(APP_JSON) as { pages: string[]; subPackages?: SubPackage[]; subpackages?: SubPackage[] };
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => path.posix.join(s.root, p)))];
}

/** relative paths (POSIX) of the files under root whose name ends with ext */
const filesWith = (root: string, ext: string) => walkFiles(root).map((f) => f.rel).filter((rel) => rel.endsWith(ext));
const stem = (rel: string, ext: string) => rel.slice(0, -ext.length);

/**
 * npm installs the Linux binaries without their exec bit (the package's tarball has them 0644; the wrappers
 * chmod them to 0777 on first use). Make them executable here, owner-writable only, so that a plain `npm ci`
 * is enough and the first spawn cannot fail with EACCES.
 */
function ensureExecutable(file: string): void {
  if (process.platform === 'win32') return;
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    fs.chmodSync(file, 0o755);
  }
}

/** wcc over every .wxml (and .wxs) under root: the generated JS, or the wrapper's "编译 .wxml 文件错误：…" */
function compileWxml(root: string): string {
  const wxml = filesWith(root, '.wxml').map((rel) => stem(rel, '.wxml'));
  const wxs = filesWith(root, '.wxs');
  // absolute root: the wrapper require()s each page json (usingComponents) by root + path
  return wccWrapper(path.resolve(root), wxml, wxs, { maxBuffer: MAX_BUFFER });
}

/** wcsc over every .wxss under root: file → compiled style function source; throws wcsc's error */
function compileWxss(root: string): Record<string, string> {
  const wxss = filesWith(root, '.wxss').map((rel) => stem(rel, '.wxss'));
  const out = wcscWrapper(path.resolve(root), wxss, { maxBuffer: MAX_BUFFER });
  if (out instanceof Error) throw out;
  return out;
}

/** The $gwx that wcc's output defines (it expects a browser-like `window`), to look pages up in it. */
function loadGwx(compiled: string): (file: string) => unknown {
  const sandbox: Record<string, unknown> = { console };
  sandbox.window = sandbox;
  const context = vm.createContext(sandbox);
  const factory = vm.runInContext(`(function (global) { ${compiled}\n;return $gwx; })`, context);
  return factory({});
}

/** A copy of dist/weapp's templates, stylesheets and page json (what the compilers read), to break on purpose. */
function templateCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-wcc-'));
  for (const f of walkFiles(DIST)) {
    if (!/\.(wxml|wxs|wxss|json)$/.test(f.rel)) continue;
    fs.mkdirSync(path.dirname(path.join(dir, f.rel)), { recursive: true });
    fs.copyFileSync(path.join(DIST, f.rel), path.join(dir, f.rel));
  }
  return dir;
}

beforeAll(() => {
  ensureExecutable(WCC);
  ensureExecutable(WCSC);
});

afterAll(() => {
  // the wrappers chmod the binaries to 0777 whenever they run; leave them executable but not world-writable
  if (process.platform !== 'win32') for (const bin of [WCC, WCSC]) fs.chmodSync(bin, 0o755);
});

describe("WeChat's compilers from miniprogram-compiler", () => {
  test('wcc and wcsc are there and executable after a plain npm ci', () => {
    for (const bin of [WCC, WCSC]) {
      expect(fs.existsSync(bin)).toBe(true);
      if (process.platform !== 'win32') expect(() => fs.accessSync(bin, fs.constants.X_OK)).not.toThrow();
    }
    const wcc = spawnSync(WCC, ['-v'], { encoding: 'utf8' });
    expect(wcc.error).toBeUndefined();
    expect(wcc.stdout).toMatch(/__wcc_version__/);
    const wcsc = spawnSync(WCSC, ['-v'], { encoding: 'utf8' });
    expect(wcsc.error).toBeUndefined();
    expect(wcsc.stdout).toMatch(/WeChat Stylesheet Compiler/);
  });
});

describe('dist/weapp compiles with wcc and wcsc', () => {
  test('every WXML file compiles with wcc, and every page has its template function', () => {
    const pages = requirePages();
    const files = filesWith(DIST, '.wxml');
    expect(files.length).toBeGreaterThanOrEqual(pages.length);
    const gwx = loadGwx(compileWxml(DIST));
    const missing = files.filter((rel) => typeof gwx(rel) !== 'function');
    expect(missing).toEqual([]);
    expect(gwx('no/such/page.wxml')).toBeUndefined(); // the lookup is not vacuous
  });

  test('every WXSS file compiles with wcsc, and every page stylesheet has its output', () => {
    const pages = requirePages();
    const files = filesWith(DIST, '.wxss');
    expect(files.length).toBeGreaterThan(0);
    const compiled = compileWxss(DIST);
    const missing = pages
      .filter((page) => fs.existsSync(path.join(DIST, `${page}.wxss`)))
      .filter((page) => typeof compiled[`${page}.wxss`] !== 'string');
    expect(missing).toEqual([]);
  });
});

describe('the compilers refuse what WeChat refuses (a temp copy of dist/weapp)', () => {
  let copy = '';
  beforeAll(() => {
    requirePages();
    copy = templateCopy();
  });
  afterAll(() => {
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  test('wcc fails on an unclosed tag in a page template', () => {
    const page = path.join(copy, 'pages/index/index.wxml');
    const original = fs.readFileSync(page, 'utf8');
    expect(() => compileWxml(copy)).not.toThrow(); // the untouched copy compiles
    try {
      fs.writeFileSync(page, `${original}\n<view class="broken"><text>未闭合</view>\n`);
      expect(() => compileWxml(copy)).toThrow(/编译 \.wxml 文件错误[\s\S]*pages\/index\/index\.wxml[\s\S]*expect end-tag `text`/);
      fs.writeFileSync(page, `${original}\n<view class="broken">\n`);
      expect(() => compileWxml(copy)).toThrow(/编译 \.wxml 文件错误[\s\S]*end tag missing/);
      fs.writeFileSync(page, `${original}\n<view class="{{broken}"></view>\n`);
      expect(() => compileWxml(copy)).toThrow(/编译 \.wxml 文件错误[\s\S]*did you forget \}\}/);
    } finally {
      fs.writeFileSync(page, original);
    }
  });

  test('wcsc fails on a broken stylesheet and on an @import of a missing file', () => {
    const sheet = path.join(copy, 'pages/index/index.wxss');
    const original = fs.readFileSync(sheet, 'utf8');
    expect(() => compileWxss(copy)).not.toThrow();
    try {
      fs.writeFileSync(sheet, `${original}\n.broken { color: red; }}\n`);
      expect(() => compileWxss(copy)).toThrow(/编译 \.wxss 文件错误[\s\S]*pages\/index\/index\.wxss[\s\S]*error at token/);
      fs.writeFileSync(sheet, `@import "./no-such-sheet.wxss";\n${original}`);
      expect(() => compileWxss(copy)).toThrow(/编译 \.wxss 文件错误[\s\S]*no-such-sheet\.wxss[\s\S]*not found/);
    } finally {
      fs.writeFileSync(sheet, original);
    }
  });
});

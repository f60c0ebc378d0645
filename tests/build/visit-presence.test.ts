/**
 * Visits that prove presence, in the mini-program: app.json declares getLocation (requiredPrivateInfos)
 * with the purpose WeChat shows; every scan of a code uses the camera only; the browser's photo path
 * (jsqr, the album) is not in the weapp build at all; every location is asked for in GCJ-02. Checked on
 * dist/weapp itself (made by `npm run build:weapp`), and on the WeChat branches of the source with
 * @tarojs/taro replaced by a stand-in (process.env.TARO_ENV is read at call time, as in the build).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadWeappModules, pageClosure, type WeappModules } from './weapp-modules';

type Fn = jest.Mock;
const taro = { scanCode: jest.fn(), chooseImage: jest.fn(), getLocation: jest.fn(), showModal: jest.fn() };
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: taro }));
// required after the mock is registered (the esbuild transform does not hoist jest.mock)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scanScene } = require('../../src/subpkg-visit/scanner') as typeof import('../../src/subpkg-visit/scanner');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { locate, placeFor } = require('../../src/subpkg-visit/location') as typeof import('../../src/subpkg-visit/location');

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/weapp');
const APP_JSON = path.join(DIST, 'app.json');
const NOT_BUILT = 'dist/weapp/app.json not found: the weapp build is missing. Run `npm run build:weapp` first.';

type SubPackage = { root: string; pages: string[] };
type AppJson = { pages: string[]; subPackages?: SubPackage[]; requiredPrivateInfos?: string[]; permission?: Record<string, { desc: string }> };

let app: AppJson;
let pages: string[] = [];
let bundle: WeappModules;
const VISIT_PAGES = ['subpkg-visit/scan/index', 'subpkg-visit/detail/index', 'subpkg-visit/history/index', 'subpkg-visit/check/index'];

const TARO_ENV = process.env.TARO_ENV;
beforeAll(() => {
  if (!fs.existsSync(APP_JSON)) throw new Error(NOT_BUILT);
  app = JSON.parse(fs.readFileSync(APP_JSON, 'utf8'));
  pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => path.posix.join(s.root, p)))];
  bundle = loadWeappModules(DIST, pages);
});
beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  jest.clearAllMocks();
});
afterAll(() => {
  process.env.TARO_ENV = TARO_ENV;
});

describe('the built mini-program', () => {
  test('app.json declares getLocation with the purpose shown to the official', () => {
    expect(app.requiredPrivateInfos).toContain('getLocation');
    expect(app.permission?.['scope.userLocation']?.desc).toBe('用于核验公务入企扫码备案时的所在位置');
  });

  test('every getLocation call asks for GCJ-02, and the visit pages call it', () => {
    const calls: string[] = [];
    for (const m of bundle.modules.values()) for (const c of m.source.matchAll(/\.getLocation\)?\((\{[^{}]*\})\)/g)) calls.push(c[1]);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !c.includes('type:"gcj02"'))).toEqual([]);
    for (const page of ['subpkg-visit/scan/index', 'subpkg-visit/detail/index']) {
      expect(pageClosure(bundle, page).some((m) => /\.getLocation\)?\(\{type:"gcj02"/.test(m.source))).toBe(true);
    }
  });

  test('codes are scanned with the camera only, and the photo path is not in the build', () => {
    const calls: string[] = [];
    for (const m of bundle.modules.values()) for (const c of m.source.matchAll(/\.scanCode\)?\((\{[^{}]*\})\)/g)) calls.push(c[1]);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !c.includes('onlyFromCamera:!0'))).toEqual([]);
    for (const page of VISIT_PAGES) {
      const code = pageClosure(bundle, page).map((m) => m.source).join('\n');
      expect(code).toMatch(/\.scanCode\)?\(\{onlyFromCamera:!0/);
      expect(code).not.toMatch(/\.chooseImage\)?\(/);
      expect(code).not.toContain('inversionAttempts'); // jsqr
      expect(code).not.toContain('wgs84');
    }
  });
});

describe('the WeChat branches, run', () => {
  test('scanScene opens the camera only', async () => {
    (taro.scanCode as Fn).mockResolvedValue({ path: 'subpkg-visit/scan/index?scene=Ab3dEf6hIj9kLm2nOp' });
    await expect(scanScene()).resolves.toBe('Ab3dEf6hIj9kLm2nOp');
    expect(taro.scanCode).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true }));
    expect(taro.chooseImage).not.toHaveBeenCalled();
  });

  test('locate asks for GCJ-02 and sends latitude, longitude and accuracy', async () => {
    (taro.getLocation as Fn).mockResolvedValue({ latitude: 30.27, longitude: 120.15, accuracy: 35.4, errMsg: 'getLocation:ok' });
    await expect(locate()).resolves.toEqual({ location: { latitude: 30.27, longitude: 120.15, accuracy: 35 } });
    expect(taro.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'gcj02' }));
  });

  test('a refused location is said why; the official decides whether to go on without it', async () => {
    (taro.getLocation as Fn).mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
    await expect(locate()).resolves.toEqual({ locationError: '未授权获取位置信息' });
    (taro.showModal as Fn).mockResolvedValue({ confirm: true });
    await expect(placeFor('签到')).resolves.toEqual({ locationError: '未授权获取位置信息' });
    expect((taro.showModal as Fn).mock.calls[0][0]).toMatchObject({ confirmText: '仍然签到', content: expect.stringContaining('未获取扫码位置') });
    (taro.showModal as Fn).mockResolvedValue({ confirm: false });
    await expect(placeFor('签到')).resolves.toBeNull();
  });
});

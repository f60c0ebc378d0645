/**
 * The WeChat branches of src/ code that only the mini-program runs, on Node with @tarojs/taro replaced by
 * a stand-in (process.env.TARO_ENV is read at call time, as in the build): which WeChat API each one
 * calls, with what. weapp-bundle.test.ts checks the same calls in the built dist/weapp.
 */
type Fn = jest.Mock;
const taro: Record<string, Fn | Record<string, Fn>> & { cloud: Record<string, Fn> } = {
  downloadFile: jest.fn(),
  openDocument: jest.fn(),
  scanCode: jest.fn(),
  chooseImage: jest.fn(),
  getStorageSync: jest.fn(() => ''),
  cloud: { downloadFile: jest.fn() },
};
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: taro }));

// required after the mock is registered (the esbuild transform does not hoist jest.mock)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scanScene } = require('../../src/subpkg-visit/scanner') as typeof import('../../src/subpkg-visit/scanner');

const TARO_ENV = process.env.TARO_ENV;
beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  jest.clearAllMocks();
});
afterAll(() => {
  process.env.TARO_ENV = TARO_ENV;
});

describe('scanScene in WeChat', () => {
  const scene = 'Ab3dEf6hIj9kLm2nOp';

  test("asks WeChat's scanner for mini-program codes (wxCode) and QR codes", async () => {
    (taro.scanCode as Fn).mockResolvedValue({ result: '', path: `subpkg-visit/scan/index?scene=${scene}` });
    await expect(scanScene()).resolves.toBe(scene);
    const [options] = (taro.scanCode as Fn).mock.calls[0];
    expect(options.scanType).toEqual(expect.arrayContaining(['wxCode', 'qrCode']));
  });

  test('reads the scene from an H5-era QR code link', async () => {
    (taro.scanCode as Fn).mockResolvedValue({ result: `https://yszt.example.org/#/subpkg-visit/scan/index?scene=${scene}` });
    await expect(scanScene()).resolves.toBe(scene);
  });

  test('a cancelled scan is null', async () => {
    (taro.scanCode as Fn).mockRejectedValue({ errMsg: 'scanCode:fail cancel' });
    await expect(scanScene()).resolves.toBeNull();
  });
});

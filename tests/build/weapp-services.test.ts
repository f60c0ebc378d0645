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
const { openWorkbook } = require('../../src/services/workbook') as typeof import('../../src/services/workbook');
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

describe('openWorkbook in WeChat', () => {
  const cloudFile = { fileID: 'cloud://env-1.6465-env-1/exports/ledger-1.xlsx', url: 'https://6465-env-1.tcb.qcloud.la/exports/ledger-1.xlsx?sign=x&t=1' };

  test('a cloud:// file comes from cloud storage by its fileID, not from its temp link', async () => {
    taro.cloud.downloadFile.mockResolvedValue({ tempFilePath: 'wxfile://tmp/a.xlsx', statusCode: 200 });
    (taro.openDocument as Fn).mockResolvedValue({});
    await openWorkbook(cloudFile, '台账.xlsx');
    expect(taro.cloud.downloadFile).toHaveBeenCalledWith({ fileID: cloudFile.fileID });
    expect(taro.downloadFile).not.toHaveBeenCalled();
    expect(taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/a.xlsx', fileType: 'xlsx', showMenu: true });
  });

  test('a file without a cloud fileID is downloaded from its link', async () => {
    (taro.downloadFile as Fn).mockResolvedValue({ tempFilePath: 'wxfile://tmp/b.xlsx', statusCode: 200 });
    (taro.openDocument as Fn).mockResolvedValue({});
    await openWorkbook({ url: 'https://example.org/files/b.xlsx' }, 'b.xlsx');
    expect(taro.downloadFile).toHaveBeenCalledWith({ url: 'https://example.org/files/b.xlsx' });
    expect(taro.cloud.downloadFile).not.toHaveBeenCalled();
    expect(taro.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/b.xlsx' }));
  });

  test('a failed cloud download is 文件下载失败 and opens nothing', async () => {
    taro.cloud.downloadFile.mockRejectedValue({ errCode: -1, errMsg: 'downloadFile:fail' });
    await expect(openWorkbook(cloudFile, '台账.xlsx')).rejects.toMatchObject({ code: 'DOWNLOAD_FAILED', message: '文件下载失败，请稍后重试' });
    expect(taro.openDocument).not.toHaveBeenCalled();
  });
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

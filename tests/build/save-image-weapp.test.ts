/**
 * The poster's 保存到相册 and 分享 in WeChat (src/subpkg-visit/save-image.ts), on Node with @tarojs/taro
 * replaced by stand-ins: the code image comes from cloud storage by its fileID (or its link), goes to
 * the album or the share sheet, and a refused album permission offers the settings page.
 */
export {};

type Fn = jest.Mock;
const taro = {
  cloud: { downloadFile: jest.fn() },
  downloadFile: jest.fn(),
  saveImageToPhotosAlbum: jest.fn(),
  showShareImageMenu: jest.fn(),
  showToast: jest.fn(),
  showModal: jest.fn(),
  openSetting: jest.fn(),
};
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: taro }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { saveToAlbum, shareImage } = require('../../src/subpkg-visit/save-image') as typeof import('../../src/subpkg-visit/save-image');

const cloudImage = { fileID: 'cloud://env-1.6465-env-1/visit-codes/e-001.png', url: 'https://6465-env-1.tcb.qcloud.la/visit-codes/e-001.png?sign=x' };
beforeEach(() => jest.clearAllMocks());

test('a cloud image is fetched by its fileID and saved to the album', async () => {
  taro.cloud.downloadFile.mockResolvedValue({ tempFilePath: 'wxfile://tmp/code.png' });
  taro.saveImageToPhotosAlbum.mockResolvedValue({});
  await expect(saveToAlbum(cloudImage)).resolves.toBe('saved');
  expect(taro.cloud.downloadFile).toHaveBeenCalledWith({ fileID: cloudImage.fileID });
  expect(taro.downloadFile).not.toHaveBeenCalled();
  expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/code.png' });
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' }));
});

test('a refused album permission offers the settings page; another failure says so', async () => {
  taro.cloud.downloadFile.mockResolvedValue({ tempFilePath: 'wxfile://tmp/code.png' });
  taro.saveImageToPhotosAlbum.mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
  (taro.showModal as Fn).mockResolvedValue({ confirm: true });
  await expect(saveToAlbum(cloudImage)).resolves.toBe('denied');
  expect(taro.openSetting).toHaveBeenCalled();
  taro.saveImageToPhotosAlbum.mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail cancel' });
  await expect(saveToAlbum(cloudImage)).resolves.toBe('failed');
  expect(taro.openSetting).toHaveBeenCalledTimes(1);
  // a download that fails saves nothing
  taro.cloud.downloadFile.mockRejectedValue({ errMsg: 'downloadFile:fail' });
  taro.saveImageToPhotosAlbum.mockClear();
  await expect(saveToAlbum(cloudImage)).resolves.toBe('failed');
  expect(taro.saveImageToPhotosAlbum).not.toHaveBeenCalled();
});

test('分享 hands a local copy to WeChat\'s image share sheet; a link is downloaded first', async () => {
  taro.downloadFile.mockResolvedValue({ tempFilePath: 'wxfile://tmp/linked.png' });
  taro.showShareImageMenu.mockResolvedValue({});
  await expect(shareImage({ fileID: 'local://uploads/x.png', url: 'https://example.org/x.png' })).resolves.toBe(true);
  expect(taro.downloadFile).toHaveBeenCalledWith({ url: 'https://example.org/x.png' });
  expect(taro.showShareImageMenu).toHaveBeenCalledWith({ path: 'wxfile://tmp/linked.png' });
  taro.showShareImageMenu.mockRejectedValue({ errMsg: 'showShareImageMenu:fail not supported' });
  await expect(shareImage({ fileID: 'local://uploads/x.png', url: 'https://example.org/x.png' })).resolves.toBe(false);
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('不支持分享') }));
});

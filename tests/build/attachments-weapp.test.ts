/**
 * The WeChat branch of an attachment's upload (src/services/upload.ts uploadAttachment), on Node with
 * @tarojs/taro and the profile replaced by stand-ins: the file goes into the caller's own cloud folder
 * under a random name with the extension of its kind, and is described by the picker's name and size;
 * a kind nobody takes or a file over its limit is refused before anything is uploaded.
 */
// a module, not a script: its names stay its own (weapp-services.test.ts declares the same ones)
export {};

type Fn = jest.Mock;
const taro = { cloud: { uploadFile: jest.fn() } };
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: taro }));
jest.mock('../../src/services/profile', () => ({ currentMe: async () => ({ user: { uploadDir: 'uploads/openid-abc123' } }) }));

// required after the mocks are registered (the esbuild transform does not hoist jest.mock)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { uploadAttachment } = require('../../src/services/upload') as typeof import('../../src/services/upload');

const TARO_ENV = process.env.TARO_ENV;
beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  jest.clearAllMocks();
});
afterAll(() => {
  process.env.TARO_ENV = TARO_ENV;
});

test('a chat file goes to the caller\'s folder and keeps its name, size and type', async () => {
  (taro.cloud.uploadFile as Fn).mockImplementation(async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env-1.bucket/${cloudPath}` }));
  const a = await uploadAttachment('wxfile://tmp_abc', '整改复函（盖章）.PDF', 120_000);
  const { cloudPath, filePath } = (taro.cloud.uploadFile as Fn).mock.calls[0][0];
  expect(cloudPath).toMatch(/^uploads\/openid-abc123\/[a-z0-9]+\.pdf$/);
  expect(filePath).toBe('wxfile://tmp_abc');
  expect(a).toEqual({ fileID: `cloud://env-1.bucket/${cloudPath}`, name: '整改复函（盖章）.PDF', size: 120_000, type: 'application/pdf' });
  const sheet = await uploadAttachment('wxfile://tmp_def', '清单.xls', 5000);
  expect(sheet.type).toBe('application/vnd.ms-excel');
  expect((taro.cloud.uploadFile as Fn).mock.calls[1][0].cloudPath).toMatch(/\.xls$/);
});

test('an unknown kind or a file over its limit is refused before uploading', async () => {
  await expect(uploadAttachment('wxfile://tmp_x', '安装包.exe', 100)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  await expect(uploadAttachment('wxfile://tmp_y', '扫描件.pdf', 11 * 1024 * 1024)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('文件不能超过10MB') });
  await expect(uploadAttachment('wxfile://tmp_z', '照片1.jpg', 6 * 1024 * 1024)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('图片不能超过5MB') });
  expect(taro.cloud.uploadFile).not.toHaveBeenCalled();
});

/**
 * The poster's 保存到相册 and 分享 in WeChat (src/subpkg-visit/save-image.ts), on Node with @tarojs/taro
 * replaced by stand-ins: the code image comes from cloud storage by its fileID (or its link), goes to
 * the album or the share sheet, and a refused album permission offers the settings page; the poster
 * is composed as one image on the page's canvas type="2d" (a recording stand-in of WeChat's Canvas
 * 2D node) and that image, not the code, is what is saved and shared.
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
  createSelectorQuery: jest.fn(),
  canvasToTempFilePath: jest.fn(),
};
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: taro }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { composePoster, saveToAlbum, shareImage } = require('../../src/subpkg-visit/save-image') as typeof import('../../src/subpkg-visit/save-image');

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

/** WeChat's Canvas 2D node as a stand-in: it records what is painted; text is 1 unit wide per point of its font size a character */
function canvasNode() {
  const painted: Array<{ op: string; args: unknown[]; font?: string; fill?: unknown }> = [];
  const images: Array<{ src: string }> = [];
  const ctx: Record<string, unknown> = { fillStyle: '', strokeStyle: '', lineWidth: 1, font: '', textAlign: 'left', textBaseline: 'alphabetic' };
  for (const op of ['setTransform', 'fillRect', 'beginPath', 'moveTo', 'arcTo', 'arc', 'closePath', 'fill', 'stroke', 'fillText', 'drawImage']) {
    ctx[op] = (...args: unknown[]) => painted.push({ op, args, font: ctx.font as string, fill: ctx.fillStyle });
  }
  ctx.measureText = (text: string) => ({ width: [...text].length * Number(/(\d+)px/.exec(ctx.font as string)?.[1] ?? 10) });
  const node = {
    width: 300, height: 150, sized: [] as Array<[number, number]>,
    getContext: jest.fn(() => ctx),
    createImage: () => {
      const img = { onload: null as null | (() => void), onerror: null as null | ((e: unknown) => void), set src(v: string) { images.push({ src: v }); setTimeout(() => img.onload?.(), 0); } };
      return img;
    },
  };
  return { node, painted, images, texts: () => painted.filter((p) => p.op === 'fillText').map((p) => p.args[0] as string) };
}

/** Taro.createSelectorQuery().select(id).fields({ node, size }).exec(cb) answering with `node` for `id` */
function queryAnswering(id: string, node: unknown) {
  const asked: unknown[] = [];
  taro.createSelectorQuery.mockImplementation(() => {
    let selector = '';
    const q = {
      select: (s: string) => { selector = s; return q; },
      fields: (f: unknown) => { asked.push(f); return q; },
      exec: (cb: (res: unknown[]) => void) => cb([selector === `#${id}` ? { node, width: 375, height: 667 } : null]),
    };
    return q;
  });
  return asked;
}

const poster = {
  enterprise: { name: '东城新材料科技有限公司', creditCode: '91110000100000070X', address: '云溪区东城路2号' },
  code: { image: cloudImage },
  rules: ['公职人员因公入企须扫码签到，离开时扫码签退，签到时须出示工作证件并说明事由。', '无事不扰：非必要不入企，同一事项不重复检查。'],
  complaint: { center: '云溪区营商环境服务中心', note: '入企人员有吃拿卡要、推诿扯皮等行为的，可以投诉。', channels: ['小程序“投诉监督”', '电话 12345'] },
};

test('the poster is composed whole on the page\'s 2D canvas: band, title, enterprise, 无事不扰, the code, rules; exported as a PNG of its size', async () => {
  taro.cloud.downloadFile.mockResolvedValue({ tempFilePath: 'wxfile://tmp/code.png' });
  taro.canvasToTempFilePath.mockResolvedValue({ tempFilePath: 'wxfile://tmp/poster.png' });
  const c = canvasNode();
  const asked = queryAnswering('poster-canvas', c.node);
  await expect(composePoster(poster, 'poster-canvas')).resolves.toBe('wxfile://tmp/poster.png');
  expect(asked).toEqual([{ node: true, size: true }]);
  expect(c.node.getContext).toHaveBeenCalledWith('2d');
  // the code, from its local copy, drawn at 220 units into the poster
  expect(c.images).toEqual([{ src: 'wxfile://tmp/code.png' }]);
  const drawn = c.painted.filter((p) => p.op === 'drawImage');
  expect(drawn).toHaveLength(1);
  expect(drawn[0].args.slice(3)).toEqual([220, 220]);
  // every text of the page's poster
  const texts = c.texts().join('\n');
  for (const t of ['营商环境 · 无事不扰 有求必应', '公务入企 请扫码备案', '东城新材料科技有限公司', '公职人员 进门扫码签到 · 离开扫码签退', '投诉监督 · 云溪区营商环境服务中心', '统一社会信用代码 91110000100000070X', '云溪区东城路2号']) expect(texts).toContain(t);
  // a rule longer than a line is wrapped, none is lost
  expect(c.texts().join('')).toContain(`${poster.rules[0]}2${poster.rules[1]}`);
  expect(c.texts().filter((t) => poster.rules[0].includes(t)).length).toBeGreaterThanOrEqual(2);
  // the canvas sized to the poster at 3 pixels per unit, painted at that scale, exported whole as a PNG
  expect(c.node.width).toBe(1125);
  expect(c.node.height).toBeGreaterThan(c.node.width);
  expect(c.painted[0]).toMatchObject({ op: 'setTransform', args: [3, 0, 0, 3, 0, 0] });
  expect(taro.canvasToTempFilePath).toHaveBeenCalledWith({ canvas: c.node, fileType: 'png', destWidth: 1125, destHeight: c.node.height });
});

test('保存到相册 and 分享 take the composed poster, not the code; a poster that cannot be made says so', async () => {
  taro.cloud.downloadFile.mockResolvedValue({ tempFilePath: 'wxfile://tmp/code.png' });
  taro.canvasToTempFilePath.mockResolvedValue({ tempFilePath: 'wxfile://tmp/poster.png' });
  taro.saveImageToPhotosAlbum.mockResolvedValue({});
  taro.showShareImageMenu.mockResolvedValue({});
  queryAnswering('poster-canvas', canvasNode().node);
  await expect(saveToAlbum(() => composePoster(poster, 'poster-canvas'))).resolves.toBe('saved');
  expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
  await expect(shareImage(() => composePoster(poster, 'poster-canvas'))).resolves.toBe(true);
  expect(taro.showShareImageMenu).toHaveBeenCalledWith({ path: 'wxfile://tmp/poster.png' });
  // no canvas on the page: nothing saved, and the reason
  queryAnswering('another-canvas', canvasNode().node);
  taro.saveImageToPhotosAlbum.mockClear();
  await expect(saveToAlbum(() => composePoster(poster, 'poster-canvas'))).resolves.toBe('failed');
  expect(taro.saveImageToPhotosAlbum).not.toHaveBeenCalled();
  expect(taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '海报生成失败，请稍后重试' }));
});

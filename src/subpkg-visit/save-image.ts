/**
 * The enterprise's poster kept or passed on from WeChat: saved to the phone's album (to print at a
 * shop, or send later) or handed to WeChat's share sheet (发送给朋友 / 收藏), from a local file. The
 * poster is composed as one image (title, enterprise, 无事不扰, its code, rules: ./poster/compose.ts)
 * on the page's `canvas type="2d"` (found by Taro.createSelectorQuery, exported by
 * Taro.canvasToTempFilePath); a code image alone comes from cloud storage by its fileID, or a link
 * is downloaded. Saving asks for 相册（仅写入）, declared in the privacy guide (README); a refusal
 * offers the settings.
 */
import Taro from '@tarojs/taro';
import { layoutPoster, paintPoster, SCALE, type Paint, type PosterContent } from './poster/compose';

type Image = { fileID: string; url: string };
/** what is saved or shared: an image as stored, or a file made on the phone (a composed poster) */
type Source = Image | (() => Promise<string>);

async function localCopy(image: Image): Promise<string> {
  const r = image.fileID.startsWith('cloud://')
    ? await Taro.cloud.downloadFile({ fileID: image.fileID })
    : await Taro.downloadFile({ url: image.url });
  if (!r.tempFilePath) throw new Error('no file');
  return r.tempFilePath;
}

const localFile = (source: Source) => (typeof source === 'function' ? source() : localCopy(source));

/** the parts of WeChat's Canvas 2D node the poster uses */
type CanvasNode = { width: number; height: number; getContext(kind: '2d'): Paint & { measureText(t: string): { width: number } }; createImage(): { src: string; onload: (() => void) | null; onerror: ((e: unknown) => void) | null } };

/**
 * The poster as one PNG on the phone (a temp file path): drawn on the page's `<Canvas type='2d'
 * id={canvasId}>` at SCALE pixels per unit (1125 px wide), its code from a local copy.
 */
export async function composePoster(poster: PosterContent & { code: { image: Image } }, canvasId: string): Promise<string> {
  const [codePath, canvas] = await Promise.all([
    localCopy(poster.code.image),
    new Promise<CanvasNode>((resolve, reject) => {
      Taro.createSelectorQuery().select(`#${canvasId}`).fields({ node: true, size: true }).exec((res: Array<{ node?: CanvasNode } | null>) => {
        const node = res?.[0]?.node;
        if (node) resolve(node);
        else reject(new Error('no canvas'));
      });
    }),
  ]);
  const ctx = canvas.getContext('2d');
  const code = canvas.createImage();
  await new Promise<void>((resolve, reject) => {
    code.onload = () => resolve();
    code.onerror = reject;
    code.src = codePath;
  });
  const layout = layoutPoster(poster, (text, font) => { ctx.font = font; return ctx.measureText(text).width; });
  // sizing the canvas clears it and its state: measured before, painted after
  canvas.width = layout.width * SCALE;
  canvas.height = layout.height * SCALE;
  paintPoster(ctx, layout, code);
  const out = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png', destWidth: canvas.width, destHeight: canvas.height });
  if (!out.tempFilePath) throw new Error('no file');
  return out.tempFilePath;
}

const denied = (e: unknown) => /auth|authorize|deny|denied/i.test(String((e as { errMsg?: string })?.errMsg ?? e));

/** 保存到相册: '已保存', or why not in Chinese (a refusal of the album offers the settings page) */
export async function saveToAlbum(source: Source): Promise<'saved' | 'denied' | 'failed'> {
  let path: string;
  try {
    path = await localFile(source);
  } catch {
    Taro.showToast({ title: typeof source === 'function' ? '海报生成失败，请稍后重试' : '图片下载失败，请稍后重试', icon: 'none' });
    return 'failed';
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: path });
    Taro.showToast({ title: '已保存到相册', icon: 'success' });
    return 'saved';
  } catch (e) {
    if (!denied(e)) {
      Taro.showToast({ title: '保存失败，请稍后重试', icon: 'none' });
      return 'failed';
    }
    const go = await Taro.showModal({ title: '需要相册权限', content: '请在设置中允许“保存到相册”，再保存海报。', confirmText: '去设置' });
    if (go.confirm) await Taro.openSetting();
    return 'denied';
  }
}

/** 分享: WeChat's own sheet for an image (send to a chat, 收藏, or save) */
export async function shareImage(source: Source): Promise<boolean> {
  let path: string;
  try {
    path = await localFile(source);
  } catch {
    Taro.showToast({ title: typeof source === 'function' ? '海报生成失败，请稍后重试' : '图片下载失败，请稍后重试', icon: 'none' });
    return false;
  }
  try {
    await Taro.showShareImageMenu({ path });
    return true;
  } catch {
    Taro.showToast({ title: '当前微信版本不支持分享图片，请先保存到相册', icon: 'none' });
    return false;
  }
}

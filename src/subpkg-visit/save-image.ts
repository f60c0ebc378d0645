/**
 * The enterprise's code image kept or passed on from WeChat: saved to the phone's album (to print at a
 * shop, or send later) or handed to WeChat's share sheet (发送给朋友 / 收藏), from a local copy of the
 * file. A cloud:// image comes from cloud storage by its fileID, a link is downloaded.
 * Saving asks for 相册（仅写入）, declared in the privacy guide (README); a refusal offers the settings.
 */
import Taro from '@tarojs/taro';

type Image = { fileID: string; url: string };

async function localCopy(image: Image): Promise<string> {
  const r = image.fileID.startsWith('cloud://')
    ? await Taro.cloud.downloadFile({ fileID: image.fileID })
    : await Taro.downloadFile({ url: image.url });
  if (!r.tempFilePath) throw new Error('no file');
  return r.tempFilePath;
}

const denied = (e: unknown) => /auth|authorize|deny|denied/i.test(String((e as { errMsg?: string })?.errMsg ?? e));

/** 保存到相册: '已保存', or why not in Chinese (a refusal of the album offers the settings page) */
export async function saveToAlbum(image: Image): Promise<'saved' | 'denied' | 'failed'> {
  let path: string;
  try {
    path = await localCopy(image);
  } catch {
    Taro.showToast({ title: '图片下载失败，请稍后重试', icon: 'none' });
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
    const go = await Taro.showModal({ title: '需要相册权限', content: '请在设置中允许“保存到相册”，再保存二维码。', confirmText: '去设置' });
    if (go.confirm) await Taro.openSetting();
    return 'denied';
  }
}

/** 分享: WeChat's own sheet for an image (send to a chat, 收藏, or save) */
export async function shareImage(image: Image): Promise<boolean> {
  try {
    await Taro.showShareImageMenu({ path: await localCopy(image) });
    return true;
  } catch {
    Taro.showToast({ title: '当前微信版本不支持分享图片，请先保存到相册', icon: 'none' });
    return false;
  }
}

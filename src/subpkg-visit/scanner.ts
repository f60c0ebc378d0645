import Taro from '@tarojs/taro';
import { ApiError } from '../services/call';

// @tarojs/taro 4.2's typings predate the 小程序码 scan type that wx.scanCode accepts (and takes by default)
declare module '@tarojs/taro' {
  namespace scanCode {
    interface ScanType {
      /** 小程序码 */
      wxCode: unknown;
    }
  }
}

/** what our scenes look like (core/visits/codes.ts): random base62 */
const SCENE = /^[0-9A-Za-z]{16,22}$/;

/** the scene in anything a scanner returns: a bare scene, a page path with ?scene=, or a URL */
export function sceneFrom(text: string | undefined | null): string | null {
  const t = (text ?? '').trim();
  if (SCENE.test(t)) return t;
  const m = /[?&]scene=([^&#\s]+)/.exec(t);
  if (!m) return null;
  let s = m[1];
  try {
    s = decodeURIComponent(s);
  } catch {
    return null;
  }
  return SCENE.test(s) ? s : null;
}

/** a page's scene parameter: mini-program codes pass it URL-encoded */
export function sceneParam(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const NOT_OURS = '未识别到本平台的二维码，请对准企业张贴的公务入企码或工作人员的亮证码';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((ok, bad) => {
    const img = new Image();
    img.onload = () => ok(img);
    img.onerror = () => bad(new Error('image'));
    img.src = src;
  });
}

/** H5: read a QR code from a photo, trying a few sizes (phone photos are large and noisy) */
export async function decodeQrImage(src: string): Promise<string | null> {
  if (process.env.TARO_ENV !== 'h5') return null;
  const { default: jsQR } = await import('jsqr');
  const img = await loadImage(src);
  const longest = Math.max(img.naturalWidth, img.naturalHeight) || 1;
  for (const target of [1000, 1600, 600, longest]) {
    const scale = Math.min(1, target / longest);
    const w = Math.max(1, Math.round(img.naturalWidth * scale));
    const h = Math.max(1, Math.round(img.naturalHeight * scale));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(img, 0, 0, w, h);
    const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' });
    if (found?.data) return found.data;
  }
  return null;
}

/**
 * Scan a code and return its scene; null when the user cancelled. WeChat: the camera or an album picture.
 * The posters and 亮证码 are mini-program codes (小程序码, scan type `wxCode`; their page comes back as
 * `path`), which `qrCode` alone does not read; `qrCode` stays for the plain QR codes of the H5 era, whose
 * link carries ?scene=. Browser: a photo of the code.
 */
export async function scanScene(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    let res: { result?: string; path?: string };
    try {
      res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['wxCode', 'qrCode'] });
    } catch {
      return null;
    }
    const scene = sceneFrom(res.path) ?? sceneFrom(res.result);
    if (!scene) throw new ApiError('CODE_INVALID', NOT_OURS);
    return scene;
  }
  let path: string;
  try {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: ['album', 'camera'] });
    path = res.tempFilePaths[0];
  } catch {
    return null;
  }
  if (!path) return null;
  const text = await decodeQrImage(path).catch(() => null);
  if (!text) throw new ApiError('CODE_INVALID', '照片中没有识别到二维码，请拍清楚整个二维码后重试');
  const scene = sceneFrom(text);
  if (!scene) throw new ApiError('CODE_INVALID', NOT_OURS);
  return scene;
}

/** the button text for scanning on this platform */
export const SCAN_LABEL = process.env.TARO_ENV === 'weapp' ? '扫一扫' : '上传二维码照片';

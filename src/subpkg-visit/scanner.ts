import Taro from '@tarojs/taro';
import { ApiError } from '../services/call';
import { sceneFrom as sceneOf } from '../../core/contract/visits';

// @tarojs/taro 4.2's typings predate the 小程序码 scan type that wx.scanCode accepts (and takes by default)
declare module '@tarojs/taro' {
  namespace scanCode {
    interface ScanType {
      /** 小程序码 */
      wxCode: unknown;
    }
  }
}

/** the scene in anything a scanner returns (core/contract/visits.ts, as the server reads it) */
export function sceneFrom(text: string | undefined | null): string | null {
  return sceneOf(text ?? '');
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

export const NOT_OURS = '未识别到本平台的二维码，请对准企业张贴的公务入企码或工作人员的亮证码';

/**
 * The browser's photo reader (./photo-scan.ts, with jsqr), for local testing only. Chosen here, outside
 * any async function, so the weapp build's webpack drops the constant-false branch and its import: the
 * mini-program carries neither the album path nor the QR decoder.
 */
const photoScanner: (() => Promise<string | null>) | null =
  process.env.TARO_ENV === 'h5' ? () => import('./photo-scan').then((m) => m.scanPhoto()) : null;

/**
 * WeChat: the camera only, never an album picture (a photo of a poster would let anyone check in from
 * anywhere; the location check in core/visits/presence.ts backs this up). The posters and 亮证码 are
 * mini-program codes (小程序码, scan type `wxCode`; their page comes back as `path`), which `qrCode` alone
 * does not read; `qrCode` stays for the plain QR codes of the H5 era, whose link carries ?scene=.
 */
async function scanWithCamera(): Promise<string | null> {
  let res: { result?: string; path?: string };
  try {
    res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['wxCode', 'qrCode'] });
  } catch {
    return null;
  }
  const scene = sceneFrom(res.path) ?? sceneFrom(res.result);
  if (!scene) throw new ApiError('CODE_INVALID', NOT_OURS);
  return scene;
}

/**
 * Scan a code and return its scene; null when the user cancelled. WeChat: the camera. Browser: a photo
 * of the code, for local testing only (LOCAL_TEST_UPLOAD says so wherever it shows).
 */
export function scanScene(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') return scanWithCamera();
  return photoScanner ? photoScanner() : Promise.resolve(null);
}

/** the browser's stand-in for the camera: for local testing only, and said so wherever it shows */
export const LOCAL_TEST_UPLOAD = '仅供本地测试：上传二维码照片';
/** the button text for scanning on this platform */
export const SCAN_LABEL = process.env.TARO_ENV === 'weapp' ? '扫一扫' : LOCAL_TEST_UPLOAD;

/**
 * The browser's stand-in for the camera, for local testing only: a photo of the code, read with jsqr.
 * Loaded by scanner.ts in the H5 build alone; the mini-program scans with the camera.
 */
import Taro from '@tarojs/taro';
import { ApiError } from '../services/call';
import { NOT_OURS, sceneFrom } from './scanner';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((ok, bad) => {
    const img = new Image();
    img.onload = () => ok(img);
    img.onerror = () => bad(new Error('image'));
    img.src = src;
  });
}

/** read a QR code from a photo, trying a few sizes (phone photos are large and noisy) */
export async function decodeQrImage(src: string): Promise<string | null> {
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

/** a photo of the code (album or the browser's camera input) → its scene; null when cancelled */
export async function scanPhoto(): Promise<string | null> {
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

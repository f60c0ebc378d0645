import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '../shared/gcj02';

/** one fix, as the server takes it (core/visits/presence.ts): GCJ-02 degrees, accuracy in metres */
export type Fix = { latitude: number; longitude: number; accuracy: number };
/** what a scan sends: the fix, or why there is none */
export type Place = { location: Fix } | { locationError: string };

function reasonOf(err: unknown): string {
  const msg = String((err as { errMsg?: string })?.errMsg ?? (err as Error)?.message ?? '');
  if (/privacy/i.test(msg)) return '未同意隐私保护指引中的位置信息';
  if (/auth|deny|denied|permission|权限|拒绝/i.test(msg)) return '未授权获取位置信息';
  if (/timeout|time out|超时/i.test(msg)) return '定位超时';
  if (/not support|不支持/i.test(msg)) return '当前环境不支持定位';
  return '定位失败';
}

const clampAccuracy = (a: number | undefined) => Math.min(100_000, Math.max(0, Math.round(Number.isFinite(a) ? (a as number) : 0)));

async function locateInWeChat(): Promise<Place> {
  try {
    const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 5000 });
    return { location: { latitude: r.latitude, longitude: r.longitude, accuracy: clampAccuracy(r.accuracy ?? r.horizontalAccuracy) } };
  } catch (e) {
    return { locationError: reasonOf(e) };
  }
}

async function locateInBrowser(): Promise<Place> {
  try {
    const r = await Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: 10_000 });
    return { location: { ...wgs84ToGcj02(r.latitude, r.longitude), accuracy: clampAccuracy(r.accuracy) } };
  } catch (e) {
    return { locationError: reasonOf(e) };
  }
}

/**
 * Where the official stands. WeChat: getLocation in GCJ-02 (declared in app.json's
 * requiredPrivateInfos with its purpose). Browser (local testing): the W3C position, WGS-84,
 * converted to GCJ-02. Chosen outside the async functions so each build keeps only its own.
 */
export const locate = (): Promise<Place> => (process.env.TARO_ENV === 'weapp' ? locateInWeChat() : locateInBrowser());

/**
 * The place for a scan (签到, 签退, 加入). Without a location the official is told why and what
 * it means, and decides: null when they cancel.
 */
export async function placeFor(what: string): Promise<Place | null> {
  const place = await locate();
  if ('location' in place) return place;
  const ok = await Taro.showModal({
    title: '未获取到您的位置',
    content: `${place.locationError}。仍可${what}，但本次入企将标记“未获取扫码位置”，报营商环境优化中心。如需定位，请在设置中允许使用位置信息后重试。`,
    confirmText: `仍然${what}`,
    cancelText: '取消',
  }).then((r) => r.confirm, () => false);
  return ok ? place : null;
}

/** "1.2 公里", "350 米" */
export const distanceText = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} 公里` : `${m} 米`);

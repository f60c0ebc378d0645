import Taro from '@tarojs/taro';

/**
 * A page opened from a QR code in a browser that is not signed in yet: remember it, so the local
 * login goes back to it instead of the home page.
 */
const KEY = 'afterLogin';

export function rememberAfterLogin(url: string) {
  Taro.setStorageSync(KEY, url);
}

export function takeAfterLogin(): string | null {
  const url = (Taro.getStorageSync(KEY) as string) || '';
  Taro.removeStorageSync(KEY);
  return url.startsWith('/') ? url : null;
}

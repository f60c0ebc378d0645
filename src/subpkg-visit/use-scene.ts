import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { toastError } from '../services/call';
import { rememberAfterLogin } from '../services/after-login';
import { getDevToken, LOGIN_PAGE } from '../services/session';
import { sceneParam, scanScene } from './scanner';

/**
 * A page opened by a code (扫码入企, 亮证核验): the scene from its route (?scene=), loaded on every show,
 * and a scan that loads another in its place.
 */
export function useScene(load: (scene: string) => Promise<void>) {
  const { params } = useRouter();
  const [scene, setScene] = useState(() => sceneParam(params.scene));
  useDidShow(() => {
    load(scene);
  });
  const scanAgain = async () => {
    try {
      const s = await scanScene();
      if (!s) return;
      setScene(s);
      await load(s);
    } catch (e) {
      toastError(e);
    }
  };
  return { scene, scanAgain };
}

/**
 * Opened from a code in a browser that is not signed in: remember the page, open the login page (which
 * comes back here after signing in) and answer true; the page loads nothing meanwhile.
 */
export function signInFirst(route: string): boolean {
  if (process.env.TARO_ENV !== 'h5' || getDevToken()) return false;
  rememberAfterLogin(route);
  Taro.reLaunch({ url: LOGIN_PAGE });
  return true;
}

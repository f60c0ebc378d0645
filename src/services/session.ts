import Taro from '@tarojs/taro';

/** H5 local mode keeps a dev-login bearer token in storage; WeChat identifies by openid instead. */
const TOKEN_KEY = 'devToken';

export const getDevToken = (): string => (Taro.getStorageSync(TOKEN_KEY) as string) || '';
export const setDevToken = (token: string) => Taro.setStorageSync(TOKEN_KEY, token);
export const clearDevToken = () => {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(KIND_KEY);
};

/** how this browser signed in: 'password' (a district's server) or 'demo' (the one-tap demo login) */
const KIND_KEY = 'signInKind';
export type SignInKind = 'password' | 'demo';
export const getSignInKind = (): SignInKind => ((Taro.getStorageSync(KIND_KEY) as SignInKind) || 'demo');
export const setSignInKind = (kind: SignInKind) => Taro.setStorageSync(KIND_KEY, kind);

export const LOGIN_PAGE = '/pages/login/index';

/** H5: end this browser's session on the server, then forget the token (WeChat has nothing to sign out of). */
export async function signOut(): Promise<void> {
  const token = getDevToken();
  if (token) {
    await fetch('/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' }).catch(() => undefined);
  }
  clearDevToken();
}

/** Pages of issue 17 (notifications): 我的 and 提醒设置 (subpkg-me), the desk's 提醒触达. */
export const NOTIFY_ROUTES = {
  me: '/subpkg-me/index/index',
  settings: '/subpkg-me/notify/index',
  /** 隐私政策 and 用户协议 */
  legal: (doc: 'privacy' | 'terms') => `/subpkg-me/legal/index?doc=${doc}`,
  reach: '/subpkg-desk/reach/index',
};

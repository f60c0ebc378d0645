/** Pages of issue 17 (notifications): 我的 and 提醒设置 (subpkg-me), the desk's 提醒触达. */
export const NOTIFY_ROUTES = {
  me: '/subpkg-me/index/index',
  settings: '/subpkg-me/notify/index',
  reach: '/subpkg-desk/reach/index',
};

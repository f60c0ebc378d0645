export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/messages/index', 'pages/invite/index'],
  subPackages: [
    {
      root: 'subpkg-enterprise',
      pages: ['bind/index', 'submit/index', 'list/index', 'detail/index', 'approvals/index'],
    },
    {
      root: 'subpkg-officer',
      pages: ['inbox/index', 'detail/index', 'file/index', 'filed/index'],
    },
    {
      // dispatchers and leaders (desktop browser first)
      root: 'subpkg-desk',
      pages: ['ledger/index', 'detail/index', 'reach/index', 'meeting/index', 'hotline/index', 'duplicates/index'],
    },
    {
      // 我的 and 提醒设置 (every signed-in user)
      root: 'subpkg-me',
      pages: ['index/index', 'notify/index', 'legal/index'],
    },
    {
      // department handlers: supervision cards
      root: 'subpkg-dept',
      pages: ['inbox/index', 'card/index'],
    },
    {
      // leaders (mini-program) and desk users (browser): dashboard, 红黄榜, printable 简报; the only package with charts
      root: 'subpkg-leader',
      pages: ['dashboard/index', 'rankings/index', 'briefing/index'],
    },
    {
      // official visits by QR code: scan in/out, the enterprise's poster and history, officials' codes, plans, the desk
      root: 'subpkg-visit',
      pages: ['scan/index', 'detail/index', 'history/index', 'poster/index', 'official-code/index', 'check/index', 'plans/index', 'desk/index'],
    },
    {
      // administration console (desktop browser first; key actions in the mini-program too)
      root: 'subpkg-admin',
      pages: ['index/index', 'orgs/index', 'staff/index', 'enterprises/index', 'import/index', 'rules/index', 'audit/index', 'kb/index', 'items/index'],
    },
  ],
  // the mini-program downloads a subpackage when one of its pages is first opened: the home page fetches the
  // ones most people open next while they read it (enterprises and officers, 我的), the visits' on Wi-Fi,
  // so a tap opens the page at once instead of after a download (WeChat: at most 2 MB preloaded per page;
  // tests/build/weapp-build.test.ts holds it). H5 loads each page's chunk on its own.
  ...(process.env.TARO_ENV === 'weapp'
    ? {
        preloadRule: {
          'pages/index/index': { network: 'all' as const, packages: ['subpkg-enterprise', 'subpkg-officer', 'subpkg-me'] },
          'subpkg-enterprise/list/index': { network: 'wifi' as const, packages: ['subpkg-visit'] },
          'subpkg-officer/inbox/index': { network: 'wifi' as const, packages: ['subpkg-visit'] },
        },
      }
    : {}),
  // official visits record where the official stands when scanning in and out (subpkg-visit/location.ts),
  // and the admin may take an enterprise's location from where they stand
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于核验公务入企扫码备案时的所在位置' },
  },
  window: {
    // H5 has no WeChat to draw the title bar: Taro's own (@tarojs/router) shows the page's title, kept in
    // step with setNavigationBarTitle, and a back button (home when there is no page to go back to);
    // styled in app.css. The mini-program keeps WeChat's bar (its default style), untouched.
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {}),
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#1d6bf3',
    navigationBarTitleText: '诉求直通',
    navigationBarTextStyle: 'white',
  },
});

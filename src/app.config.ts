export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/messages/index'],
  subPackages: [
    {
      root: 'subpkg-enterprise',
      pages: ['bind/index', 'submit/index', 'list/index', 'detail/index'],
    },
    {
      root: 'subpkg-officer',
      pages: ['inbox/index', 'detail/index'],
    },
    {
      // dispatchers and leaders (desktop browser first)
      root: 'subpkg-desk',
      pages: ['ledger/index', 'detail/index'],
    },
    {
      // department handlers: supervision cards
      root: 'subpkg-dept',
      pages: ['inbox/index', 'card/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#1d6bf3',
    navigationBarTitleText: '诉求直通',
    navigationBarTextStyle: 'white',
  },
});

export default definePageConfig({
  navigationBarTitleText: '入企记录',
  enablePullDownRefresh: true,
});

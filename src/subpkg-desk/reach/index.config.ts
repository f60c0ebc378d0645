export default definePageConfig({
  navigationBarTitleText: '提醒触达',
  enablePullDownRefresh: true,
});

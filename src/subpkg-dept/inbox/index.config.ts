export default definePageConfig({
  navigationBarTitleText: '督办卡',
  enablePullDownRefresh: true,
});

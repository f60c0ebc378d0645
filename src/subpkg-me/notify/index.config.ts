export default definePageConfig({
  navigationBarTitleText: '提醒设置',
  enablePullDownRefresh: true,
});

export default definePageConfig({
  navigationBarTitleText: '台账',
  enablePullDownRefresh: true,
});

export default definePageConfig({
  navigationBarTitleText: '人员',
  enablePullDownRefresh: true,
});

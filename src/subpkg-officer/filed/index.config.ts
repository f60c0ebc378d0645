export default definePageConfig({
  navigationBarTitleText: '我代报的诉求',
  enablePullDownRefresh: true,
});

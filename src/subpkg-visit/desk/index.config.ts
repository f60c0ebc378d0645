export default definePageConfig({
  navigationBarTitleText: '入企监管',
  enablePullDownRefresh: true,
});

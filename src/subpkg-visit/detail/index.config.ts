export default definePageConfig({
  navigationBarTitleText: '入企详情',
});

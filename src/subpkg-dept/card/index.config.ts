export default definePageConfig({
  navigationBarTitleText: '督办卡详情',
});

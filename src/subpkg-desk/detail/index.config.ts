export default definePageConfig({
  navigationBarTitleText: '调度详情',
});

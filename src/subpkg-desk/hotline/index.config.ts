export default definePageConfig({
  navigationBarTitleText: '12345工单导入',
});

export default definePageConfig({
  navigationBarTitleText: '规则配置',
});

export default definePageConfig({
  navigationBarTitleText: '公务入企码',
});

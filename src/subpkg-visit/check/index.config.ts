export default definePageConfig({
  navigationBarTitleText: '核验来访人员',
});

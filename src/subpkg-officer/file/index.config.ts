export default definePageConfig({
  navigationBarTitleText: '代企业反映',
});

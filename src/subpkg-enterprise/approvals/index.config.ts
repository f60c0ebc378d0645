export default definePageConfig({
  navigationBarTitleText: '企业联系人审核',
  enablePullDownRefresh: true,
});

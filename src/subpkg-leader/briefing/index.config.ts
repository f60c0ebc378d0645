export default definePageConfig({
  navigationBarTitleText: '简报',
  // pull down to fetch the period's figures again, as on the dashboard (shared/use-query.ts)
  enablePullDownRefresh: true,
});

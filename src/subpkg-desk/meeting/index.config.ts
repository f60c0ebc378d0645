export default definePageConfig({
  navigationBarTitleText: '会议诉求录入',
});

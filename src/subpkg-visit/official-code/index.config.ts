export default definePageConfig({
  navigationBarTitleText: '我的亮证码',
});

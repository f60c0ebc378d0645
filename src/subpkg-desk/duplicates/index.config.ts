export default definePageConfig({
  navigationBarTitleText: '疑似重复 · 并件',
});

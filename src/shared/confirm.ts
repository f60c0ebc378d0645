import Taro from '@tarojs/taro';

/**
 * Ask before a tap that cannot be undone (办结, 通过, 不予受理…): the modal says what will happen,
 * its button names the action (WeChat shows at most 4 characters there). True when confirmed.
 */
export async function confirmAction(o: { title: string; content: string; confirmText: string; danger?: boolean }): Promise<boolean> {
  const res = await Taro.showModal({
    title: o.title,
    content: o.content,
    confirmText: o.confirmText,
    cancelText: '取消',
    confirmColor: o.danger ? '#e53935' : '#1d6bf3',
  }).catch(() => ({ confirm: false }));
  return !!res.confirm;
}

/** after an action done in place: back to the top of the page, where the new status shows */
export function showTop() {
  Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
}

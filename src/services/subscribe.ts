import Taro from '@tarojs/taro';

type TemplateName = keyof typeof SUBSCRIBE_TEMPLATES;

/**
 * Ask WeChat for one-time subscription to the given templates. Must run inside a tap handler.
 * Silently does nothing in H5 or while the deployer has not filled the template ids.
 */
export async function requestSubscribe(...names: TemplateName[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = names.map((n) => SUBSCRIBE_TEMPLATES[n]?.templateId).filter((id): id is string => !!id);
  if (tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds } as unknown as Taro.requestSubscribeMessage.Option);
  } catch {
    // the user declined or the base library is too old; notifications still land in 消息中心
  }
}

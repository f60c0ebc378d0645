import Taro from '@tarojs/taro';

type TemplateName = keyof typeof SUBSCRIBE_TEMPLATES;

/** WeChat takes at most 3 template ids per requestSubscribeMessage call */
const MAX_PER_CALL = 3;

/**
 * The template ids to ask for. SUBSCRIBE_TEMPLATES is config/subscribe-templates.json, injected at
 * build time (config/index.ts): the same declaration the server stamps on every push
 * (core/notify/templates.ts), with no admin override, so what the user accepts is what is sent.
 */
export function subscribeIds(names: TemplateName[], templates: typeof SUBSCRIBE_TEMPLATES = SUBSCRIBE_TEMPLATES): string[] {
  const ids = names.map((n) => templates[n]?.templateId?.trim()).filter((id): id is string => !!id);
  return [...new Set(ids)].slice(0, MAX_PER_CALL);
}

/**
 * Ask WeChat for one-time subscription to the given templates. Must run inside a tap handler
 * (the ids are known at build time, so nothing is awaited before the call).
 * Silently does nothing in H5 or while the deployer has not filled the template ids.
 */
export async function requestSubscribe(...names: TemplateName[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = subscribeIds(names);
  if (tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds } as unknown as Taro.requestSubscribeMessage.Option);
  } catch {
    // the user declined or the base library is too old; notifications still land in 消息中心
  }
}

import Taro from '@tarojs/taro';
import type { ConsentAnswer, NotifySettings, TemplateState } from '../shared/api-types';
import { callService } from './call';
import { showConsentSheet, type SheetAnswer } from './consent-sheet';
import { getDevToken, getSignInKind } from './session';

export type TemplateName = keyof typeof SUBSCRIBE_TEMPLATES;
export type ConsentResults = Record<string, ConsentAnswer>;

/** WeChat takes at most 3 template ids per requestSubscribeMessage call */
const MAX_PER_CALL = 3;
/** WeChat's answer when the user switched off every subscribe message (通知管理 → 接收通知) */
const MAIN_SWITCH_OFF = 20004;
const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

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
 * Where consent can be asked at all: WeChat, and the H5 demo (a simulated sheet). A district's H5
 * (password sign-in) has no WeChat: nothing to ask, the settings page says so.
 */
export function canAskConsent(): boolean {
  if (process.env.TARO_ENV === 'weapp') return true;
  return process.env.TARO_ENV === 'h5' && getSignInKind() === 'demo';
}

/* ---- the client's copy of notify.settings: loaded once per session, refreshed by every answer reported ---- */

let cache: { owner: string; settings: NotifySettings } | null = null;
let loading: { owner: string; promise: Promise<NotifySettings> } | null = null;
const listeners = new Set<(s: NotifySettings) => void>();
/** templates the user declined in this session: natural taps do not ask again until the next launch */
const declined = new Set<string>();

/** whose settings: the H5 browser may switch users (its token changes); WeChat is one user per launch */
const owner = () => (process.env.TARO_ENV === 'h5' ? getDevToken() : 'wechat');

export function cachedNotifySettings(): NotifySettings | null {
  return cache && cache.owner === owner() ? cache.settings : null;
}

function remember(who: string, s: NotifySettings): NotifySettings {
  if (who !== owner()) return s;
  cache = { owner: who, settings: s };
  listeners.forEach((l) => l(s));
  return s;
}

/** the settings (from the cache unless `fresh`); rejects with the call's error */
export function loadNotifySettings(fresh = false): Promise<NotifySettings> {
  const who = owner();
  const hit = cachedNotifySettings();
  if (hit && !fresh) return Promise.resolve(hit);
  if (loading && loading.owner === who && !fresh) return loading.promise;
  const promise = callService('notify.settings').then((s) => remember(who, s));
  const mine = { owner: who, promise };
  loading = mine;
  const done = () => {
    if (loading === mine) loading = null;
  };
  promise.then(done, done);
  return promise;
}

/** load the settings once per session in the background (the home page), so natural taps know whether to ask */
export function primeNotifySettings(): void {
  if (cachedNotifySettings()) return;
  loadNotifySettings().catch(() => undefined);
}

/** re-render on every change of the cached settings; returns the unsubscribe */
export function onNotifySettings(listener: (s: NotifySettings) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** sign-out / user switch */
export function forgetNotifySettings(): void {
  cache = null;
  loading = null;
  declined.clear();
}

// answers are reported in the order given (a 'request' before the 'setting' it implies)
let queue: Promise<unknown> = Promise.resolve();

/** notify.consent, in the background: never throws, never blocks the tap that asked */
function report(input: { results: ConsentResults; source: 'request' | 'setting'; mainSwitch?: boolean }): Promise<NotifySettings | null> {
  if (Object.keys(input.results).length === 0 && input.mainSwitch === undefined) return Promise.resolve(null);
  const who = owner();
  const run = queue.then(() => callService('notify.consent', input)).then(
    (s) => remember(who, s),
    () => null,
  );
  queue = run;
  return run;
}

/** the per-id answers of a requestSubscribeMessage result ({ [id]: 'accept' | …, errMsg }) */
function answersOf(res: unknown, ids: string[]): ConsentResults {
  const out: ConsentResults = {};
  const r = (res ?? {}) as Record<string, unknown>;
  for (const id of ids) if (typeof r[id] === 'string' && ANSWERS.includes(r[id] as string)) out[id] = r[id] as ConsentAnswer;
  return out;
}

function noteDeclines(results: ConsentResults, states: Array<Pick<TemplateState, 'key' | 'templateId'>>) {
  for (const t of states) {
    const a = results[t.templateId];
    if (a === 'accept') declined.delete(t.key);
    else if (a) declined.add(t.key);
  }
}

/** the templates as the client knows them: the server's answer when loaded, else the build's declaration */
function templatesFor(names: TemplateName[]): Array<Pick<TemplateState, 'key' | 'templateId' | 'name' | 'state' | 'always'>> {
  const s = cachedNotifySettings();
  return [...new Set(names)].map((key) => {
    const known = s?.templates.find((t) => t.key === key);
    if (known) return known;
    const declared = SUBSCRIBE_TEMPLATES[key];
    return { key, templateId: declared?.templateId?.trim() ?? '', name: declared?.name ?? key, state: 'none', always: null };
  });
}

async function askWeChat(names: TemplateName[]): Promise<ConsentResults | null> {
  const tmplIds = subscribeIds(names);
  if (tmplIds.length === 0) return null;
  try {
    // nothing is awaited before this call: WeChat only shows the sheet when it starts inside the tap
    const res = await Taro.requestSubscribeMessage({ tmplIds } as unknown as Taro.requestSubscribeMessage.Option);
    const results = answersOf(res, tmplIds);
    const switchedOn = cachedNotifySettings()?.mainSwitch === false;
    noteDeclines(results, names.map((key) => ({ key, templateId: SUBSCRIBE_TEMPLATES[key]?.templateId?.trim() ?? '' })));
    void report({ results, source: 'request', ...(switchedOn ? { mainSwitch: true } : {}) });
    return results;
  } catch (e) {
    // the user closed it, the base library is too old, … : the notices still land in 消息中心.
    // The main switch being off is worth knowing: the settings page then says how to turn it on.
    if ((e as { errCode?: number } | null)?.errCode === MAIN_SWITCH_OFF) void report({ results: {}, source: 'request', mainSwitch: false }); // not 'setting': that would read as "no template kept its choice"
    return null;
  }
}

/**
 * The H5 demo has no WeChat: a sheet that looks like WeChat's asks instead, and its answer is
 * reported exactly as WeChat's would be. Like WeChat, a template the user told to 总是保持以上选择
 * is not asked again: the same answer is given at once (an accept still adds one consent).
 */
async function askDemo(names: TemplateName[]): Promise<ConsentResults | null> {
  if (!cachedNotifySettings()) await loadNotifySettings().catch(() => null);
  const all = templatesFor(names).filter((t) => t.templateId).slice(0, MAX_PER_CALL);
  if (all.length === 0) return null;
  const results: ConsentResults = {};
  // banned templates are not shown by WeChat
  for (const t of all) if (t.state === 'ban' || t.always === 'ban') results[t.templateId] = 'ban';
  const rows = all.filter((t) => !results[t.templateId]);
  let answer: SheetAnswer | null = null;
  if (rows.length && rows.every((t) => t.always === 'accept' || t.always === 'reject')) {
    for (const t of rows) results[t.templateId] = t.always as ConsentAnswer;
  } else if (rows.length) {
    answer = await showConsentSheet(rows.map((t) => ({ id: t.templateId, name: t.name })));
    Object.assign(results, answer.results);
  }
  noteDeclines(results, all);
  void report({ results, source: 'request' });
  if (answer?.always) {
    // what getSetting's itemSettings would now list: the templates kept before, and these
    const kept: ConsentResults = {};
    for (const t of cachedNotifySettings()?.templates ?? []) if (t.templateId && t.always) kept[t.templateId] = t.always;
    void report({ results: { ...kept, ...answer.results }, source: 'setting', mainSwitch: true });
  }
  return results;
}

/**
 * Ask the user to subscribe to the given templates, and report the answer (notify.consent) in the
 * background. Call it synchronously inside a tap handler: in WeChat the sheet only appears when the
 * request starts in the tap (the ids are known at build time, so nothing is awaited first). Never
 * throws; resolves to the per-id answers, or null when nothing was asked or WeChat refused to ask.
 */
export function requestSubscribe(...names: TemplateName[]): Promise<ConsentResults | null> {
  if (process.env.TARO_ENV === 'weapp') return askWeChat(names);
  if (canAskConsent()) return askDemo(names).catch(() => null);
  return Promise.resolve(null);
}

/** the templates worth asking for at a natural tap: low on consents, not refused for good, not declined this session */
function due(s: NotifySettings | null, names: TemplateName[]): TemplateName[] {
  const fresh = names.filter((n) => !declined.has(n));
  if (!s) return fresh;
  return fresh.filter((n) => s.templates.find((t) => t.key === n)?.topUp);
}

/**
 * A top-up offered at a natural tap (entering the inbox, submitting, accepting), without nagging:
 * only for templates the cached settings say are low (TemplateState.topUp). With no settings loaded
 * yet it asks anyway in WeChat (cheap, and only possible in the tap); the H5 demo looks first.
 */
export function offerTopUp(...names: TemplateName[]): void {
  if (!canAskConsent()) return;
  const s = cachedNotifySettings();
  if (!s && process.env.TARO_ENV !== 'weapp') {
    loadNotifySettings()
      .then((loaded) => due(loaded, names), () => due(null, names))
      .then((list) => (list.length ? requestSubscribe(...list) : null))
      .catch(() => undefined);
    return;
  }
  const list = due(s, names);
  if (list.length) void requestSubscribe(...list);
}

/** what WeChat's own settings say (getSetting withSubscriptions) */
export type SystemSetting = { mainSwitch: boolean; items: ConsentResults };

/**
 * The settings page: read WeChat's own switches (getSetting withSubscriptions: the main switch and
 * the 总是保持以上选择 choices) and report them, then answer the settings. Outside WeChat there is no
 * system setting: the settings are just loaded.
 */
export async function syncSettings(): Promise<{ system: SystemSetting | null; settings: NotifySettings }> {
  if (process.env.TARO_ENV === 'weapp') {
    let system: SystemSetting | null = null;
    try {
      const res = await Taro.getSetting({ withSubscriptions: true } as Taro.getSetting.Option);
      const sub = (res as { subscriptionsSetting?: { mainSwitch?: boolean; itemSettings?: Record<string, string> } }).subscriptionsSetting;
      if (sub) {
        const ours = new Set([
          ...subscribeIds(Object.keys(SUBSCRIBE_TEMPLATES) as TemplateName[]),
          ...(cachedNotifySettings()?.templates.map((t) => t.templateId).filter(Boolean) ?? []),
        ]);
        const items: ConsentResults = {};
        for (const [id, v] of Object.entries(sub.itemSettings ?? {})) if (ours.has(id) && ANSWERS.includes(v)) items[id] = v as ConsentAnswer;
        system = { mainSwitch: sub.mainSwitch !== false, items };
        const s = await report({ results: items, source: 'setting', mainSwitch: system.mainSwitch });
        if (s) return { system, settings: s };
      }
    } catch {
      // an old base library: show what the server knows
    }
    return { system, settings: await loadNotifySettings(true) };
  }
  return { system: null, settings: await loadNotifySettings(true) };
}

/**
 * `cloud.openapi` of the test bed: the three WeChat server APIs our adapters call through cloud
 * calls (云调用), with WeChat's documented argument rules and error codes. Parameters are given in
 * camelCase and converted to WeChat's snake_case first, as wx-server-sdk does (convertCase in
 * src/api/openapi/namespace/generic.ts: every capital letter becomes `_` + lower case).
 *
 * subscribeMessage.send — https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 *   errcodes 40003 (touser invalid), 40037 (template_id invalid), 43101 (user refused: no consent left
 *   for this template), 47003 (argument invalid: "errmsg 会提示具体是哪个字段出错"), 41030 (page invalid).
 *   Each data value is checked by its key's type (the key minus its trailing digits) against
 *   "订阅消息参数值内容限制说明" on that page:
 *     thing ≤ 20 characters of any kind · number ≤ 32 digits, may have decimals · letter ≤ 32 letters ·
 *     symbol ≤ 5 symbols · character_string ≤ 32 digits, letters or symbols · time: 24-hour time, may
 *     have a date before it, ranges joined by "~" · date: a date, may have a 24-hour time after it,
 *     ranges joined by "~" · amount: one currency sign + ≤ 10 digits, may have decimals, may end
 *     with "元" · phone_number ≤ 17 digits or symbols · car_number ≤ 8, first and last may be
 *     Chinese, the rest letters or digits · name: ≤ 10 Chinese characters (mixed with letters counts
 *     as Chinese) or ≤ 20 letters/symbols · phrase ≤ 5 Chinese characters only · enum: not checkable
 *     here (the allowed values live in the template).
 *   One-time subscriptions (一次性订阅): each consent the user gives allows one message; tests declare
 *   consents per openid + template id (`bed.consent`), `Infinity` for long-term subscriptions.
 *
 * wxacode.getUnlimited — https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 *   scene required, at most 32 visible characters of [0-9A-Za-z] and !#$&'()*+,/:;=?@-._~ (40169 otherwise);
 *   page without a leading "/" and without parameters (41030); when check_path is true (the default)
 *   the page must exist in the released mini-program (41030); env_version release | trial | develop
 *   (default release); width 280–1280. Answers the image bytes (contentType + buffer), not JSON.
 *
 * security.msgSecCheck (v2) — https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 *   content ≤ 2500 characters, version 2, scene 1–4, openid required; answers
 *   result.suggest pass | review | risky with a label. Tests choose which words are risky.
 *
 * Every call needs the function's permission (config.json permissions.openapi; otherwise -604101
 * "function has no permission to call this API", https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/openapi/openapi.html).
 */
import { randomBytes } from 'crypto';
import { openapiFailure, type SdkError } from './errors';

export type SentMessage = {
  touser: string; templateId: string; page?: string; data: Record<string, { value: string }>;
  miniprogramState?: string; lang?: string; result: 'ok' | number; errmsg?: string;
};
export type MadeCode = { scene: string; page?: string; checkPath: boolean; envVersion: string; width: number; result: 'ok' | number };
export type ContentChecked = { content: string; openid: string; scene: number; suggest: string };

export type OpenapiState = {
  pages: Set<string> | null;
  templates: Map<string, string[]> | null;
  consents: Map<string, number>;
  sent: SentMessage[];
  codes: MadeCode[];
  checks: ContentChecked[];
  riskyWords: string[];
};

export const newOpenapiState = (): OpenapiState => ({
  pages: null, templates: null, consents: new Map(), sent: [], codes: [], checks: [], riskyWords: [],
});

const rid = () => `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;

/** wx-server-sdk's camelCase → snake_case conversion of openapi parameters (recursive) */
export function snakeCase(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(snakeCase);
  if (input && typeof input === 'object' && !Buffer.isBuffer(input) && !(input instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
      out[k.replace(/[A-Z]/g, (m, i) => `${i ? '_' : ''}${m.toLowerCase()}`)] = snakeCase(v);
    }
    return out;
  }
  return input;
}

// ------------------------------------------------------------------------------------------------
// subscribe message data

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const isHan = (s: string) => new RegExp(`^[${HAN}]+$`, 'u').test(s);
const chars = (s: string) => Array.from(s).length;
const ASCII_SYMBOL = '!-/:-@\\[-`{-~';
const DATE = '(?:\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})';
const CLOCK = '(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?';
const range = (one: string) => new RegExp(`^${one}(?:\\s*~\\s*${one})?$`);
const TIME = range(`(?:${DATE}\\s*)?${CLOCK}`);
const DATE_ONLY = range(`${DATE}(?:\\s*${CLOCK})?`);

/** why a value breaks its type's rule, or null when it is fine */
export function fieldProblem(key: string, raw: unknown): string | null {
  const type = key.replace(/\d+$/, '');
  const value = raw === undefined || raw === null ? '' : String(raw);
  if (value === '') return 'is empty';
  const n = chars(value);
  switch (type) {
    case 'thing':
      return n <= 20 ? null : `exceeds 20 characters (${n})`;
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) && value.length <= 32 ? null : 'must be at most 32 digits, may have decimals';
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? null : 'must be at most 32 letters';
    case 'symbol':
      return n <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(value) ? null : 'must be at most 5 symbols';
    case 'character_string':
      return n <= 32 && new RegExp(`^[0-9A-Za-z${ASCII_SYMBOL}]+$`).test(value) ? null : 'must be at most 32 digits, letters or symbols';
    case 'time':
      return TIME.test(value) ? null : 'must be a 24-hour time (optionally after a date), e.g. 15:01 or 2019年10月1日 15:01';
    case 'date':
      return DATE_ONLY.test(value) ? null : 'must be a date (optionally with a 24-hour time), e.g. 2019年10月1日';
    case 'amount':
      return /^[¥￥$€£]?\d{1,10}(\.\d+)?元?$/.test(value) ? null : 'must be a currency sign and at most 10 digits';
    case 'phone_number':
      return n <= 17 && /^[\d\p{P}\p{S}]+$/u.test(value) ? null : 'must be at most 17 digits or symbols';
    case 'car_number':
      return n <= 8 && new RegExp(`^[${HAN}A-Za-z0-9][A-Za-z0-9]*[${HAN}A-Za-z0-9]?$`, 'u').test(value) ? null : 'is not a licence plate';
    case 'name':
      if (new RegExp(`[${HAN}]`, 'u').test(value)) {
        return n <= 10 && new RegExp(`^[${HAN}A-Za-z·]+$`, 'u').test(value) ? null : 'must be at most 10 Chinese characters';
      }
      return n <= 20 && /^[A-Za-z\p{P}\p{S} ]+$/u.test(value) ? null : 'must be at most 20 letters or symbols';
    case 'phrase':
      return n <= 5 && isHan(value) ? null : 'must be at most 5 Chinese characters, nothing else';
    case 'enum':
      return null;
    default:
      return `has a type (${type}) the test bed does not know`;
  }
}

// ------------------------------------------------------------------------------------------------

const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

export type Permission = (api: string) => SdkError | null;

export function makeOpenapi(state: OpenapiState, permission: Permission) {
  const guard = (api: string) => {
    const denied = permission(api);
    if (denied) throw denied;
  };
  const fail = (api: string, errcode: number, text: string) => openapiFailure(api, errcode, `${text} rid: ${rid()}`);

  async function send(params: Record<string, unknown>) {
    const api = 'subscribeMessage.send';
    guard(api);
    await new Promise((r) => setImmediate(r));
    const p = snakeCase(params) as Record<string, unknown>;
    const record: SentMessage = {
      touser: String(p.touser ?? ''), templateId: String(p.template_id ?? ''), page: p.page as string | undefined,
      data: (p.data ?? {}) as SentMessage['data'], miniprogramState: p.miniprogram_state as string | undefined,
      lang: p.lang as string | undefined, result: 'ok',
    };
    const reject = (code: number, text: string) => {
      record.result = code;
      record.errmsg = text;
      state.sent.push(record);
      return fail(api, code, text);
    };
    if (typeof p.touser !== 'string' || !p.touser) throw reject(40003, 'invalid openid');
    if (typeof p.template_id !== 'string' || !p.template_id) throw reject(40037, 'invalid template_id');
    const declared = state.templates?.get(p.template_id);
    if (state.templates && !declared) throw reject(40037, 'invalid template_id');
    if (p.page !== undefined && p.page !== '' && state.pages) {
      const path = String(p.page).replace(/^\//, '').split('?')[0];
      if (!state.pages.has(path)) throw reject(41030, 'invalid page');
    }
    if (p.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(p.miniprogram_state))) {
      throw reject(47003, 'argument invalid! miniprogram_state');
    }
    if (p.lang !== undefined && !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(p.lang))) throw reject(47003, 'argument invalid! lang');
    const data = p.data;
    if (!data || typeof data !== 'object') throw reject(47003, 'argument invalid! data is empty');
    const keys = declared ?? Object.keys(data as object);
    for (const key of keys) {
      const entry = (data as Record<string, unknown>)[key];
      const value = entry && typeof entry === 'object' ? (entry as { value?: unknown }).value : undefined;
      const problem = fieldProblem(key, value);
      if (problem) throw reject(47003, `argument invalid! data.${key}.value ${problem}`);
    }
    const consentKey = `${p.touser}|${p.template_id}`;
    const left = state.consents.get(consentKey) ?? 0;
    if (left <= 0) throw reject(43101, 'user refuse to accept the msg');
    state.consents.set(consentKey, left - 1);
    state.sent.push(record);
    return { errCode: 0, errMsg: `openapi.${api}:ok` };
  }

  async function getUnlimited(params: Record<string, unknown>) {
    const api = 'wxacode.getUnlimited';
    guard(api);
    await new Promise((r) => setImmediate(r));
    const p = snakeCase(params) as Record<string, unknown>;
    const checkPath = p.check_path === undefined ? true : Boolean(p.check_path);
    const envVersion = p.env_version === undefined ? 'release' : String(p.env_version);
    const width = p.width === undefined ? 430 : Number(p.width);
    const record: MadeCode = { scene: String(p.scene ?? ''), page: p.page as string | undefined, checkPath, envVersion, width, result: 'ok' };
    const reject = (code: number, text: string) => {
      record.result = code;
      state.codes.push(record);
      return fail(api, code, text);
    };
    const scene = p.scene;
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32 || !SCENE_CHARS.test(scene)) {
      throw reject(40169, 'invalid length for scene, or the data is not json string');
    }
    if (p.page !== undefined) {
      const page = String(p.page);
      if (page.startsWith('/') || page.includes('?')) throw reject(41030, 'invalid page');
      if (checkPath && state.pages && !state.pages.has(page)) throw reject(41030, 'invalid page');
    }
    if (!['release', 'trial', 'develop'].includes(envVersion)) throw reject(40097, 'invalid args: env_version');
    if (!(width >= 280 && width <= 1280)) throw reject(40097, 'invalid args: width');
    state.codes.push(record);
    // a JPEG start marker, then what the code encodes, so tests can tell codes apart
    const meta = Buffer.from(JSON.stringify({ scene, page: p.page ?? null, envVersion }));
    return { contentType: 'image/jpeg', buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), meta]), errCode: 0, errMsg: `openapi.${api}:ok` };
  }

  async function msgSecCheck(params: Record<string, unknown>) {
    const api = 'security.msgSecCheck';
    guard(api);
    await new Promise((r) => setImmediate(r));
    const p = snakeCase(params) as Record<string, unknown>;
    if (Number(p.version) !== 2) throw fail(api, 40097, 'invalid args: version must be 2 (v1 is retired)');
    if (typeof p.content !== 'string' || !p.content) throw fail(api, 40097, 'invalid args: content');
    if (chars(p.content) > 2500) throw fail(api, 40097, 'invalid args: content exceeds 2500 characters');
    if (typeof p.openid !== 'string' || !p.openid) throw fail(api, 40003, 'invalid openid');
    const scene = Number(p.scene);
    if (![1, 2, 3, 4].includes(scene)) throw fail(api, 40097, 'invalid args: scene');
    const hit = state.riskyWords.find((w) => (p.content as string).includes(w));
    const suggest = hit ? 'risky' : 'pass';
    state.checks.push({ content: p.content, openid: p.openid, scene, suggest });
    return {
      result: { suggest, label: hit ? 20006 : 100 },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label: hit ? 20006 : 100, ...(hit ? { keyword: hit } : {}) }],
      traceId: rid(), errCode: 0, errMsg: `openapi.${api}:ok`,
    };
  }

  const apis: Record<string, Record<string, (p: Record<string, unknown>) => Promise<unknown>>> = {
    subscribeMessage: { send },
    wxacode: { getUnlimited },
    security: { msgSecCheck },
  };
  // any other API: as unknown to the test bed as an undeclared one is to WeChat
  return new Proxy(apis, {
    get(target, ns: string) {
      const group = target[ns] ?? {};
      return new Proxy(group, {
        get(g, name: string) {
          return g[name] ?? (async () => { throw openapiFailure(`${ns}.${name}`, -604100, `test bed: openapi.${ns}.${name} is not imitated`); });
        },
      });
    },
  });
}

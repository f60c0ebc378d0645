/**
 * Tencent Cloud SMS (腾讯云短信), API version 2021-01-11, SendSms, signed and sent by ./tencent-api.ts:
 *   https://cloud.tencent.com/document/api/382/55981 (request and answer)
 *   https://cloud.tencent.com/document/api/382/59177 (SMS error codes)
 *   https://cloud.tencent.com/document/api/382/52075 (common error codes: AuthFailure.*, RequestLimitExceeded …)
 *
 * One SMS per call, to one mainland number written as E.164 (+86…), with the account's SmsSdkAppId,
 * its approved signature (签名) and an approved template id; TemplateParamSet holds the variables.
 *
 * Tencent answers a failure in one of two ways, both mapped here the same way:
 *   - the whole request fails: the call throws (as the SDK's TencentCloudSDKHttpException would) with `code` (Response.Error.Code,
 *     e.g. AuthFailure.SecretIdNotFound, FailedOperation.TemplateIncorrectOrUnapproved), or without a
 *     code for a network failure or timeout (`httpCode` for a non-200 answer);
 *   - the request is taken but the number is not: SendStatusSet[0].Code is not "Ok"
 *     (e.g. LimitExceeded.PhoneNumberThirtySecondLimit, InvalidParameterValue.IncorrectPhoneNumber).
 * `retry` is true only where the same SMS may go through later today (see smsErrorRetries); a
 * network failure is retried although Tencent may have sent it (at least once: an SMS twice beats none).
 *
 * Time limit: `timeoutMs` (default 3 s). On CloudBase the timer functions send (the notify timer,
 * 30 s, whose budget keeps a 6 s reserve for the send in flight, core/budget.ts; the assign and sweep
 * timers deliver the entries of the requests they change); the local server also sends right after
 * an action (core/notify/sender.ts sendForRequest), off the request path. A timed-out send is retried
 * by the notify timer. Tencent's API answers in well under a second from inside Tencent Cloud.
 *
 * A function that never sends SMS does not bundle this module at all: it takes adapters/sms-account.ts,
 * which knows the account but leaves the sending to the timers.
 */
import type { OutgoingSms, SendResult, SmsSender } from '../core/ports';
import { smsAccountReady, type SmsAccount, type SmsCredential } from './sms-account';
import { callTencentApi } from './tencent-api';

export { smsOptionsFromEnv, type SmsCredential } from './sms-account';

/** SendSms request (2021-01-11), the fields we send */
export type SendSmsRequest = {
  PhoneNumberSet: string[];
  SmsSdkAppId: string;
  TemplateId: string;
  SignName?: string;
  TemplateParamSet?: string[];
  SessionContext?: string;
};
export type SendStatus = { SerialNo?: string; PhoneNumber?: string; Fee?: number; SessionContext?: string; Code?: string; Message?: string; IsoCode?: string };
export type SendSmsResponse = { SendStatusSet?: SendStatus[]; RequestId?: string };

/** what a client is made from: the shape of the SDK's ClientConfig (tencentcloud-sdk-nodejs-common), as far as we use it */
export type SmsClientConfig = {
  credential: { getCredential(): Promise<SmsCredential> };
  region: string;
  profile: { httpProfile: { reqTimeout: number; endpoint?: string; protocol?: string } };
};
export type SmsClientLike = { SendSms(req: SendSmsRequest): Promise<SendSmsResponse> };

export type TencentSmsOptions = SmsAccount & {
  /** tests: makes the client (default: SendSms through ./tencent-api.ts) */
  client?: (config: SmsClientConfig) => SmsClientLike;
  /** per request; default 3000 ms */
  timeoutMs?: number;
  /** default sms.tencentcloudapi.com (the nearest region's access point); tests: http://127.0.0.1:<port> */
  endpoint?: string;
};

/** SMS-specific InternalError codes that a retry cannot mend: our request is malformed or our clock is off */
const PERMANENT_INTERNAL = new Set([
  'InternalError.SigVerificationFail', 'InternalError.SigFieldMissing', 'InternalError.RestApiInterfaceNotExist',
  'InternalError.JsonParseFail',
  // "请求发起时间不正常 … 服务器时间与腾讯云服务器时间差异超过10分钟": the server's clock needs fixing
  'InternalError.RequestTimeException',
]);

/** failures that can pass: Tencent's own trouble, timeouts, and the short per-number windows */
const TRANSIENT = new Set([
  'LimitExceeded.PhoneNumberThirtySecondLimit', // 30 s per number and content
  'LimitExceeded.PhoneNumberOneHourLimit',
  'LimitExceeded.DeliveryFrequencyLimit', // the console's frequency policy (a window, not a day)
  'ServiceUnavailable', // common code: 当前服务暂时不可用
]);

/**
 * Whether an SMS refused with this Tencent error code may go through if sent again later.
 * Transient: InternalError.* (timeouts, "其他错误", send-and-receive failures) except the permanent ones
 * above, RequestLimitExceeded.* (API call rate), the 30-second, one-hour and frequency-policy limits.
 * Everything else is permanent: bad parameters (InvalidParameterValue.*, MissingParameter.*), an
 * unapproved or mismatched template or signature (FailedOperation.*), a number on the blocklist,
 * no balance left, credentials or permissions (AuthFailure.*, UnauthorizedOperation.*), and the daily
 * limits (LimitExceeded.PhoneNumberDailyLimit, …SameContentDailyLimit, AppDailyLimit: not before tomorrow).
 */
export function smsErrorRetries(code: string): boolean {
  if (TRANSIENT.has(code)) return true;
  if (code === 'RequestLimitExceeded' || code.startsWith('RequestLimitExceeded.')) return true;
  if (code === 'InternalError' || code.startsWith('InternalError.')) return !PERMANENT_INTERNAL.has(code);
  return false;
}

/** an 11-digit mainland mobile number (an optional +86, 86 or 0086 prefix is dropped), or null */
export function mainlandMobile(phone: string): string | null {
  const digits = String(phone ?? '').replace(/[\s-]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

type SdkError = { code?: unknown; message?: unknown; httpCode?: unknown; requestId?: unknown };

function fromThrown(e: unknown): SendResult {
  const err = (e && typeof e === 'object' ? e : {}) as SdkError;
  const message = String(err.message ?? e ?? '').trim();
  if (typeof err.code === 'string' && err.code) {
    return { ok: false, retry: smsErrorRetries(err.code), error: `${err.code} ${message}`.trim() };
  }
  const http = Number(err.httpCode);
  if (Number.isFinite(http) && http > 0) {
    // a non-200 answer without Tencent's error body: the gateway's trouble is worth another try, a 4xx is not
    return { ok: false, retry: http >= 500 || http === 429, error: `HTTP ${http} ${message}`.trim() };
  }
  // no answer at all: DNS, connection refused or reset, the request timeout
  return { ok: false, retry: true, error: `NetworkError ${message}`.trim() };
}

export function tencentSms(opts: TencentSmsOptions): Required<SmsSender> {
  let client: SmsClientLike | null = null;
  const { credential, ready } = smsAccountReady(opts);
  const make = (): SmsClientLike => {
    const scheme = /^(https?:\/\/)(.+)$/.exec(opts.endpoint ?? '');
    const config: SmsClientConfig = {
      // read at each request: runtime-role credentials of a cloud function rotate
      credential: { getCredential: async () => credential() },
      region: opts.region,
      profile: {
        httpProfile: {
          reqTimeout: (opts.timeoutMs ?? 3000) / 1000,
          ...(scheme ? { protocol: scheme[1], endpoint: scheme[2] } : opts.endpoint ? { endpoint: opts.endpoint } : {}),
        },
      },
    };
    if (opts.client) return opts.client(config);
    const { httpProfile } = config.profile;
    return {
      SendSms: async (req) => callTencentApi<SendSmsResponse>({
        host: httpProfile.endpoint ?? 'sms.tencentcloudapi.com',
        protocol: httpProfile.protocol,
        action: 'SendSms',
        version: '2021-01-11',
        region: config.region,
        payload: req,
        credential: await config.credential.getCredential(),
        timeoutMs: httpProfile.reqTimeout * 1000,
      }),
    };
  };
  return {
    get configured() {
      return ready();
    },
    async send(m: OutgoingSms & { sessionContext?: string }): Promise<SendResult> {
      if (!m.templateId) return { ok: false, retry: false, error: `sms template ${m.template} not configured` };
      if (!ready()) return { ok: false, retry: false, error: 'sms not configured' };
      const phone = mainlandMobile(m.phone);
      if (!phone) return { ok: false, retry: false, error: 'InvalidParameterValue.IncorrectPhoneNumber not an 11-digit mainland mobile number' };
      const req: SendSmsRequest = {
        PhoneNumberSet: [`+86${phone}`],
        SmsSdkAppId: opts.sdkAppId,
        SignName: opts.signName,
        TemplateId: m.templateId,
        TemplateParamSet: m.params.map(String),
        ...(m.sessionContext ? { SessionContext: m.sessionContext } : {}),
      };
      let answer: SendSmsResponse;
      try {
        client ??= make();
        answer = await client.SendSms(req);
      } catch (e) {
        return fromThrown(e);
      }
      const status = answer?.SendStatusSet?.[0];
      if (!status) return { ok: false, retry: true, error: `NoStatus SendSms answered without a status (RequestId ${answer?.RequestId ?? '?'})` };
      if (status.Code === 'Ok') return { ok: true };
      const code = String(status.Code ?? 'Unknown');
      return { ok: false, retry: smsErrorRetries(code), error: `${code} ${status.Message ?? ''}`.trim() };
    },
  };
}

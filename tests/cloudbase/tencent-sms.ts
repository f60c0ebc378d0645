/**
 * The test bed's Tencent Cloud SMS: a stand-in for the SDK's sms.v20210111 Client (what
 * adapters/tencent-sms.ts calls through its `client` factory) with SendSms's documented semantics.
 *
 *   const tencent = fakeTencentSms({ sdkAppId: '1400000001', signs: ['云溪营商'], templates: { '2001': 2 } });
 *   const sender = tencentSms({ …, client: tencent.client });
 *   tencent.sent        // what reached phones
 *   tencent.requests    // every SendSms call with its outcome
 *
 * Sources:
 *   SendSms (2021-01-11)  https://cloud.tencent.com/document/api/382/55981
 *   SMS error codes       https://cloud.tencent.com/document/api/382/59177 (and the SDK's list for SendSms,
 *                         tencentcloud-sdk-go sms/v20210111 client.go "可能返回的错误码")
 *   common error codes    https://cloud.tencent.com/document/api/382/52075
 *   default frequency     https://www.tencentcloud.com/document/product/382/13303 ("For SMS messages with the
 *                         same content, a maximum of one such message can be sent to the same mobile number
 *                         within 30 seconds. A maximum of 10 messages can be sent to the same mobile number on
 *                         a calendar day.")
 *   variable length       InvalidParameterValue.TemplateParameterLengthLimit: "单个模板变量字符数超过12个，企业认证
 *                         用户不限制单个变量值字数" (accounts verified as individuals: 12 characters a variable)
 *
 * Semantics. A failure of the whole request is thrown as the SDK throws it (TencentCloudSDKHttpException
 * with `code`, `requestId`); a number the request could not reach gets a SendStatus whose Code is not "Ok".
 * Checks in this order:
 *   credentials: a SecretId other than the account's → AuthFailure.SecretIdNotFound; the wrong key →
 *     AuthFailure.SignatureFailure (thrown);
 *   region outside ap-guangzhou, ap-beijing, ap-nanjing → UnsupportedRegion (thrown);
 *   `failNext` entries (transient trouble a test injects: a thrown code, a network failure, or a status);
 *   SmsSdkAppId unknown → InvalidParameterValue.SdkAppIdNotExist (thrown);
 *   SignName not an approved signature → FailedOperation.SignatureIncorrectOrUnapproved (thrown);
 *   TemplateId not an approved template → FailedOperation.TemplateIncorrectOrUnapproved (thrown);
 *   PhoneNumberSet empty → MissingParameter.EmptyPhoneNumberSet; more than 200 → LimitExceeded.PhoneNumberCountLimit (thrown);
 *   TemplateParamSet count ≠ the template's variables → FailedOperation.TemplateParamSetNotMatchApprovedTemplate
 *     ("请检查请求中模板参数的个数是否与申请的模板一致"; thrown). (InvalidParameterValue.TemplateParameterFormatError
 *     is something else: a verification-code template's variable that is not 0–6 digits.);
 *   a variable holding a URL → InvalidParameterValue.ProhibitedUseUrlInTemplateParameter (thrown);
 *   a variable longer than the account's limit (`paramMaxLength`: 12 for an individual, null for an
 *     organisation) → InvalidParameterValue.TemplateParameterLengthLimit (thrown);
 *   then per number: E.164 +86 and a mainland mobile (the doc also takes 0086, 86 or a bare 11-digit
 *     number as +86) else InvalidParameterValue.IncorrectPhoneNumber; another country code with a mainland
 *     template → UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone; the same content (template and
 *     variables) to the same number within 30 s → LimitExceeded.PhoneNumberThirtySecondLimit; more than
 *     `hourlyLimit` (default: none) in the last hour → LimitExceeded.PhoneNumberOneHourLimit; more than
 *     `dailyLimit` (default 10) on the Beijing calendar day → LimitExceeded.PhoneNumberDailyLimit;
 *     otherwise Code "Ok" (Fee 1: the fake does not know the template's wording, so cannot count long SMS).
 */
import { randomBytes } from 'crypto';
import type { SendSmsRequest, SendSmsResponse, SendStatus, SmsClientConfig, SmsClientLike } from '../../adapters/tencent-sms';
import { beijingDateKey } from '../../core/time';

// the SDK's own exception class, so the adapter meets exactly what it meets in production
// eslint-disable-next-line @typescript-eslint/no-var-requires
const TencentCloudSDKHttpException = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/exception/tencent_cloud_sdk_exception').default as new (
  message: string, requestId?: string, traceId?: string,
) => Error & { code?: string; httpCode?: number; requestId: string };

export type FakeTencentSmsOptions = {
  sdkAppId?: string;
  /** approved signatures (签名) */
  signs?: string[];
  /** approved templates: id → number of variables */
  templates?: Record<string, number>;
  /** the account's key; null: any credentials pass */
  secretId?: string | null;
  secretKey?: string;
  /** characters a variable may hold: 12 for an account verified as an individual, null for an organisation */
  paramMaxLength?: number | null;
  /** SMS per number per calendar day (Beijing), Tencent's default 10 */
  dailyLimit?: number;
  /** SMS per number per hour; null: no limit (Tencent's default) */
  hourlyLimit?: number | null;
  /** the service's clock (tests move it) */
  now?: () => Date;
};

/** one injected failure: a thrown SDK error with this code, a network failure, or a per-number status */
export type InjectedFailure =
  | { throw: string; message?: string }
  | { network: string }
  | { status: string; message?: string };

export type SmsRequestRecord = { req: SendSmsRequest; region: string; at: string; outcome: 'thrown' | 'answered'; code: string; statuses?: SendStatus[] };
export type DeliveredSms = { phone: string; templateId: string; sign: string; params: string[]; at: string; serialNo: string; sessionContext?: string };

const REGIONS = ['ap-guangzhou', 'ap-beijing', 'ap-nanjing'];
const requestId = () => [8, 4, 4, 4, 12].map((n) => randomBytes(n).toString('hex').slice(0, n)).join('-');
const URL_LIKE = /(https?:\/\/|www\.)\S+|\b[\w-]+\.(com|cn|net|org|gov|top|xyz)\b/i;

export function fakeTencentSms(o: FakeTencentSmsOptions = {}) {
  const account = {
    sdkAppId: o.sdkAppId ?? '1400000001',
    signs: new Set(o.signs ?? ['诉求直通']),
    templates: new Map(Object.entries(o.templates ?? {})),
    secretId: o.secretId === undefined ? 'AKIDtestbed' : o.secretId,
    secretKey: o.secretKey ?? 'testbed-secret-key',
    paramMaxLength: o.paramMaxLength === undefined ? 12 : o.paramMaxLength,
    dailyLimit: o.dailyLimit ?? 10,
    hourlyLimit: o.hourlyLimit ?? null,
  };
  const now = o.now ?? (() => new Date());
  const sent: DeliveredSms[] = [];
  const requests: SmsRequestRecord[] = [];
  let failures: InjectedFailure[] = [];
  const configs: SmsClientConfig[] = [];

  const thrown = (code: string, message: string, rid = requestId()) => {
    const e = new TencentCloudSDKHttpException(message, rid);
    e.code = code;
    return e;
  };

  async function sendSms(config: SmsClientConfig, req: SendSmsRequest): Promise<SendSmsResponse> {
    // a network hop
    await new Promise((r) => setImmediate(r));
    const at = now();
    const record: SmsRequestRecord = { req: JSON.parse(JSON.stringify(req)), region: config.region, at: at.toISOString(), outcome: 'thrown', code: '' };
    requests.push(record);
    const fail = (code: string, message: string) => {
      record.code = code;
      return thrown(code, message);
    };

    const cred = await config.credential.getCredential();
    if (account.secretId !== null) {
      if (cred.secretId !== account.secretId) throw fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.');
      if (cred.secretKey !== account.secretKey) throw fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
    }
    if (!REGIONS.includes(config.region)) throw fail('UnsupportedRegion', `The region ${config.region} is not supported.`);

    const injected = failures.shift();
    if (injected && 'throw' in injected) throw fail(injected.throw, injected.message ?? 'injected failure');
    if (injected && 'network' in injected) {
      record.code = 'network';
      // what the SDK throws when fetch fails: no code, no request id
      throw new TencentCloudSDKHttpException(injected.network, '', requestId());
    }

    if (req.SmsSdkAppId !== account.sdkAppId) throw fail('InvalidParameterValue.SdkAppIdNotExist', 'the SdkAppId does not exist');
    if (!req.SignName || !account.signs.has(req.SignName)) throw fail('FailedOperation.SignatureIncorrectOrUnapproved', 'signature format is incorrect or signature is not approved');
    const vars = account.templates.get(String(req.TemplateId));
    if (vars === undefined) throw fail('FailedOperation.TemplateIncorrectOrUnapproved', 'template is not approved or request content does not match the approved template content');
    const phones = req.PhoneNumberSet ?? [];
    if (!phones.length) throw fail('MissingParameter.EmptyPhoneNumberSet', 'the number list is empty');
    if (phones.length > 200) throw fail('LimitExceeded.PhoneNumberCountLimit', 'the number of phone numbers in one request exceeds 200');
    const params = (req.TemplateParamSet ?? []).map(String);
    if (params.length !== vars) throw fail('FailedOperation.TemplateParamSetNotMatchApprovedTemplate', `the template has ${vars} variables but ${params.length} were given`);
    if (params.some((p) => URL_LIKE.test(p))) throw fail('InvalidParameterValue.ProhibitedUseUrlInTemplateParameter', 'URLs are not allowed in template variables');
    if (account.paramMaxLength !== null && params.some((p) => Array.from(p).length > account.paramMaxLength!)) {
      throw fail('InvalidParameterValue.TemplateParameterLengthLimit', `a template variable exceeds ${account.paramMaxLength} characters`);
    }

    const content = `${req.TemplateId}|${params.join('\u0001')}`;
    const day = beijingDateKey(at);
    const statuses: SendStatus[] = phones.map((raw) => {
      const status = (Code: string, Message: string, extra: Partial<SendStatus> = {}): SendStatus => ({
        SerialNo: '', PhoneNumber: raw, Fee: 0, SessionContext: req.SessionContext ?? '', Code, Message, IsoCode: 'CN', ...extra,
      });
      if (injected && 'status' in injected) return status(injected.status, injected.message ?? 'injected failure');
      let phone: string | null = null;
      if (/^1[3-9]\d{9}$/.test(raw)) phone = raw;
      else if (/^(\+86|0086|86)1[3-9]\d{9}$/.test(raw)) phone = raw.replace(/^(\+86|0086|86)/, '');
      else if (/^\+(?!86)[1-9]\d{6,14}$/.test(raw)) return status('UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone', 'a mainland template cannot be sent to a global number', { IsoCode: 'DEF' });
      if (!phone) return status('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect number format', { IsoCode: 'DEF' });
      const mine = sent.filter((s) => s.phone === phone);
      const since = (ms: number) => mine.filter((s) => at.getTime() - new Date(s.at).getTime() < ms);
      if (since(30_000).some((s) => `${s.templateId}|${s.params.join('\u0001')}` === content)) {
        return status('LimitExceeded.PhoneNumberThirtySecondLimit', 'the number of SMS messages sent from a single mobile number within 30 seconds exceeds the upper limit');
      }
      if (account.hourlyLimit !== null && since(3600_000).length >= account.hourlyLimit) {
        return status('LimitExceeded.PhoneNumberOneHourLimit', 'the number of SMS messages sent from a single mobile number within 1 hour exceeds the upper limit');
      }
      if (mine.filter((s) => beijingDateKey(new Date(s.at)) === day).length >= account.dailyLimit) {
        return status('LimitExceeded.PhoneNumberDailyLimit', 'the number of SMS messages sent from a single mobile number every day exceeds the upper limit');
      }
      const serialNo = `${Date.now()}${randomBytes(4).toString('hex')}`;
      sent.push({ phone, templateId: String(req.TemplateId), sign: req.SignName!, params, at: at.toISOString(), serialNo, sessionContext: req.SessionContext });
      return status('Ok', 'send success', { SerialNo: serialNo, Fee: 1, PhoneNumber: `+86${phone}` });
    });
    record.outcome = 'answered';
    record.statuses = statuses;
    record.code = statuses.map((s) => s.Code).join(',');
    return { SendStatusSet: statuses, RequestId: requestId() };
  }

  class Client implements SmsClientLike {
    constructor(readonly config: SmsClientConfig) {
      configs.push(config);
    }
    SendSms(req: SendSmsRequest) {
      return sendSms(this.config, req);
    }
  }

  return {
    Client,
    /** the `client` option of tencentSms */
    client: (config: SmsClientConfig): SmsClientLike => new Client(config),
    account,
    sent,
    requests,
    /** the configs clients were made with (timeouts, region) */
    configs,
    /** the next SendSms calls fail like this, in order */
    failNext(...f: InjectedFailure[]) {
      failures = failures.concat(f);
    },
    approveTemplate(id: string, variables: number) {
      account.templates.set(id, variables);
    },
  };
}

export type FakeTencentSms = ReturnType<typeof fakeTencentSms>;

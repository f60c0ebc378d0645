/**
 * The SMS and group-robot adapters (adapters/tencent-sms.ts, adapters/wecom-robot.ts) against the test
 * bed's Tencent Cloud SMS (./tencent-sms.ts) and 企业微信 stand-ins, our TC3 client (adapters/tencent-api.ts)
 * against a local HTTP server speaking Tencent's API that checks every signature with the official SDK's
 * signer, the SDK's own client against the same server, and the local recording stand-ins (adapters/local-ports.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { mainlandMobile, smsErrorRetries, smsOptionsFromEnv, tencentSms, type SmsClientConfig } from '../../adapters/tencent-sms';
import { tc3Authorization } from '../../adapters/tencent-api';
import { cutUtf8, postJson, ROBOT_MARKDOWN_MAX_BYTES, wecomRobot, type PostFn } from '../../adapters/wecom-robot';
import { fakeClock, recordingRobot, recordingSms } from '../../adapters/local-ports';
import { SMS, smsText } from '../../core/notify/sms-templates';
import { fakeTencentSms } from './tencent-sms';

const ACCOUNT = { sdkAppId: '1400000001', signName: '云溪营商', region: 'ap-guangzhou', secretId: 'AKIDtestbed', secretKey: 'testbed-secret-key' };
const PHONE = '13800138000';

function bed(extra: Parameters<typeof fakeTencentSms>[0] = {}) {
  const clock = fakeClock('2026-11-23T01:30:00Z'); // 09:30 Beijing
  const tencent = fakeTencentSms({ sdkAppId: ACCOUNT.sdkAppId, signs: [ACCOUNT.signName], templates: { '2001': 2 }, now: clock.now, ...extra });
  const sms = tencentSms({ ...ACCOUNT, client: tencent.client });
  const send = (o: Partial<{ phone: string; templateId: string; params: string[] }> = {}) =>
    sms.send({ phone: o.phone ?? PHONE, template: 'assignment', templateId: o.templateId ?? '2001', params: o.params ?? ['Q-0001', '厂区道路积水'] });
  return { clock, tencent, sms, send };
}

describe('tencentSms', () => {
  it('is configured only with the account, the signature and a key', () => {
    expect(tencentSms({ ...ACCOUNT }).configured).toBe(true);
    for (const missing of ['sdkAppId', 'signName', 'secretId', 'secretKey'] as const) {
      expect(tencentSms({ ...ACCOUNT, [missing]: '' }).configured).toBe(false);
    }
  });

  it('sends one SMS to the number as E.164 with the account, signature, template and variables', async () => {
    const { tencent, send } = bed();
    expect(await send()).toEqual({ ok: true });
    expect(tencent.requests).toHaveLength(1);
    expect(tencent.requests[0].req).toEqual({
      PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: ACCOUNT.sdkAppId, SignName: ACCOUNT.signName, TemplateId: '2001',
      TemplateParamSet: ['Q-0001', '厂区道路积水'],
    });
    expect(tencent.requests[0].region).toBe('ap-guangzhou');
    expect(tencent.sent).toEqual([expect.objectContaining({ phone: PHONE, templateId: '2001', sign: ACCOUNT.signName, params: ['Q-0001', '厂区道路积水'] })]);
    // a short request timeout: sends also happen inside the 10 s service function
    expect(tencent.configs[0].profile.httpProfile.reqTimeout).toBe(3);
  });

  it('writes any spelling of a mainland mobile as +86…, and refuses anything else without a request', async () => {
    const { tencent, send } = bed();
    for (const phone of ['+86 139-0013-9000', '8613700137000', '0086 13600136000']) expect(await send({ phone })).toEqual({ ok: true });
    expect(tencent.requests.map((r) => r.req.PhoneNumberSet)).toEqual([['+8613900139000'], ['+8613700137000'], ['+8613600136000']]);
    for (const phone of ['12345', '+12025550123', '', '1380013800x', '23800138000']) {
      const r = await send({ phone });
      expect(r).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^InvalidParameterValue\.IncorrectPhoneNumber /) });
    }
    expect(tencent.requests).toHaveLength(3);
    expect(mainlandMobile('+8613800138000')).toBe(PHONE);
  });

  it('refuses a template without an approved id (the sender marks the entry skipped), without a request', async () => {
    const { tencent, sms } = bed();
    const r = await sms.send({ phone: PHONE, template: 'urge', templateId: '', params: ['a', 'b'] });
    expect(r).toEqual({ ok: false, retry: false, error: 'sms template urge not configured' });
    expect(r.ok === false && /not configured/.test(r.error)).toBe(true);
    expect(tencent.requests).toHaveLength(0);
  });

  it('maps what Tencent refuses for good to retry: false, with "<code> <message>"', async () => {
    const wrongId = fakeTencentSms({ sdkAppId: ACCOUNT.sdkAppId, signs: [ACCOUNT.signName], templates: { '2001': 2 } });
    const r1 = await tencentSms({ ...ACCOUNT, secretId: 'AKIDother', client: wrongId.client }).send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] });
    expect(r1).toEqual({ ok: false, retry: false, error: expect.stringMatching(/^AuthFailure\.SecretIdNotFound \S/) });
    const r2 = await tencentSms({ ...ACCOUNT, secretKey: 'wrong', client: wrongId.client }).send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] });
    expect(r2).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^AuthFailure\.SignatureFailure /) });
    const r3 = await tencentSms({ ...ACCOUNT, sdkAppId: '1400009999', client: wrongId.client }).send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] });
    expect(r3).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^InvalidParameterValue\.SdkAppIdNotExist /) });
    const r4 = await tencentSms({ ...ACCOUNT, signName: '未审核签名', client: wrongId.client }).send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] });
    expect(r4).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^FailedOperation\.SignatureIncorrectOrUnapproved /) });

    const b = bed();
    expect(await b.send({ templateId: '9999' })).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^FailedOperation\.TemplateIncorrectOrUnapproved /) });
    expect(await b.send({ params: ['only one'] })).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^FailedOperation\.TemplateParamSetNotMatchApprovedTemplate /) });
    // an account verified as an individual: 12 characters a variable
    expect(await b.send({ params: ['Q-0001', '厂区道路积水导致车辆无法通行请尽快处理'] })).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^InvalidParameterValue\.TemplateParameterLengthLimit /) });
    expect(await b.send({ params: ['Q-0001', 'http://x.cn'] })).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^InvalidParameterValue\.ProhibitedUseUrlInTemplateParameter /) });
    expect(b.tencent.sent).toHaveLength(0);
    // an organisation: no limit on a variable's length
    const org = bed({ paramMaxLength: null });
    expect(await org.send({ params: ['Q-0001', '厂区道路积水导致车辆无法通行请尽快处理'] })).toEqual({ ok: true });
  });

  it('the 30-second window is retried; the day\'s limit per number is not (and a new Beijing day opens it again)', async () => {
    const { clock, tencent, send } = bed({ dailyLimit: 3 });
    expect(await send()).toEqual({ ok: true });
    const again = await send();
    expect(again).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/^LimitExceeded\.PhoneNumberThirtySecondLimit /) });
    // other content to the same number is not held by the 30 s window
    expect(await send({ params: ['Q-0002', '路灯不亮'] })).toEqual({ ok: true });
    clock.advance(31_000);
    expect(await send()).toEqual({ ok: true });
    clock.advance(31_000);
    expect(await send({ params: ['Q-0003', '噪音扰民'] })).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^LimitExceeded\.PhoneNumberDailyLimit /) });
    // another number is not limited
    expect(await send({ phone: '13900139000', params: ['Q-0003', '噪音扰民'] })).toEqual({ ok: true });
    // 2026-11-23 16:00Z is midnight in Beijing
    clock.set('2026-11-23T16:00:30Z');
    expect(await send({ params: ['Q-0003', '噪音扰民'] })).toEqual({ ok: true });
    expect(tencent.sent.filter((s) => s.phone === PHONE)).toHaveLength(4);
  });

  it('the hourly limit, when the account sets one, is retried', async () => {
    const { clock, send } = bed({ hourlyLimit: 1 });
    expect(await send()).toEqual({ ok: true });
    clock.advance(60_000);
    expect(await send({ params: ['Q-0002', '路灯不亮'] })).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/^LimitExceeded\.PhoneNumberOneHourLimit /) });
    clock.advance(3600_000);
    expect(await send({ params: ['Q-0002', '路灯不亮'] })).toEqual({ ok: true });
  });

  it('Tencent\'s own trouble and network failures are retried, thrown or per number; broken requests and no balance are not', async () => {
    const { tencent, send } = bed();
    tencent.failNext(
      { throw: 'InternalError.Timeout', message: '请求下发短信超时' },
      { throw: 'InternalError.SendAndRecvFail' },
      { throw: 'RequestLimitExceeded' },
      { network: 'network timeout at: https://sms.tencentcloudapi.com/' },
      { status: 'InternalError.OtherError', message: 'other error' },
      { throw: 'InternalError.RequestTimeException', message: '请求发起时间不正常' },
      { throw: 'InternalError.SigVerificationFail' },
      { status: 'FailedOperation.InsufficientBalanceInSmsPackage', message: 'insufficient balance' },
      { status: 'FailedOperation.ContainSensitiveWord' },
      { status: 'FailedOperation.PhoneNumberInBlacklist' },
      { throw: 'UnauthorizedOperation.SmsSdkAppIdVerifyFail' },
    );
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await send({ params: [`Q-${i}`, 'x'] }));
    expect(results.map((r) => (r.ok ? 'ok' : `${r.retry} ${r.error.split(' ')[0]}`))).toEqual([
      'true InternalError.Timeout', 'true InternalError.SendAndRecvFail', 'true RequestLimitExceeded', 'true NetworkError',
      'true InternalError.OtherError', 'false InternalError.RequestTimeException', 'false InternalError.SigVerificationFail',
      'false FailedOperation.InsufficientBalanceInSmsPackage', 'false FailedOperation.ContainSensitiveWord',
      'false FailedOperation.PhoneNumberInBlacklist', 'false UnauthorizedOperation.SmsSdkAppIdVerifyFail',
    ]);
    expect(results[0]).toEqual({ ok: false, retry: true, error: 'InternalError.Timeout 请求下发短信超时' });
    expect(results[3]).toEqual({ ok: false, retry: true, error: 'NetworkError network timeout at: https://sms.tencentcloudapi.com/' });
    expect(tencent.sent).toHaveLength(0);
    expect(await send()).toEqual({ ok: true });
  });

  it('an HTTP failure without Tencent\'s answer: 5xx retried, 4xx not', async () => {
    const failing = (httpCode: number) => tencentSms({
      ...ACCOUNT,
      client: () => ({ SendSms: async () => { throw Object.assign(new Error('Bad Gateway'), { httpCode }); } }),
    }).send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] });
    expect(await failing(502)).toEqual({ ok: false, retry: true, error: 'HTTP 502 Bad Gateway' });
    expect(await failing(403)).toMatchObject({ ok: false, retry: false });
  });

  it('classifies every code SendSms may return (the SDK\'s list for SendSms 2021-01-11)', () => {
    const transient = [
      'InternalError.OtherError', 'InternalError.SendAndRecvFail', 'InternalError.Timeout', 'InternalError.UnknownError',
      'InternalError.ParseBackendResponseFail', 'InternalError', 'LimitExceeded.PhoneNumberThirtySecondLimit',
      'LimitExceeded.PhoneNumberOneHourLimit', 'LimitExceeded.DeliveryFrequencyLimit', 'RequestLimitExceeded',
      'RequestLimitExceeded.UinLimitExceeded', 'ServiceUnavailable',
    ];
    const permanent = [
      'FailedOperation.ContainSensitiveWord', 'FailedOperation.FailResolvePacket', 'FailedOperation.InsufficientBalanceInSmsPackage',
      'FailedOperation.JsonParseFail', 'FailedOperation.MarketingSendTimeConstraint', 'FailedOperation.PhoneNumberInBlacklist',
      'FailedOperation.SignatureIncorrectOrUnapproved', 'FailedOperation.TemplateIncorrectOrUnapproved',
      'FailedOperation.TemplateParamSetNotMatchApprovedTemplate', 'FailedOperation.TemplateUnapprovedOrNotExist',
      'InternalError.RequestTimeException', 'InternalError.RestApiInterfaceNotExist', 'InternalError.SigFieldMissing',
      'InternalError.SigVerificationFail', 'InvalidParameterValue.ContentLengthLimit', 'InvalidParameterValue.IncorrectPhoneNumber',
      'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter', 'InvalidParameterValue.SdkAppIdNotExist',
      'InvalidParameterValue.TemplateParameterFormatError', 'InvalidParameterValue.TemplateParameterLengthLimit',
      'LimitExceeded.AppCountryOrRegionDailyLimit', 'LimitExceeded.AppCountryOrRegionInBlacklist', 'LimitExceeded.AppDailyLimit',
      'LimitExceeded.AppGlobalDailyLimit', 'LimitExceeded.AppMainlandChinaDailyLimit', 'LimitExceeded.DailyLimit',
      'LimitExceeded.PhoneNumberCountLimit', 'LimitExceeded.PhoneNumberDailyLimit', 'LimitExceeded.PhoneNumberSameContentDailyLimit',
      'MissingParameter.EmptyPhoneNumberSet', 'UnauthorizedOperation.IndividualUserMarketingSmsPermissionDeny',
      'UnauthorizedOperation.RequestIpNotInWhitelist', 'UnauthorizedOperation.RequestPermissionDeny',
      'UnauthorizedOperation.SdkAppIdIsDisabled', 'UnauthorizedOperation.SerivceSuspendDueToArrears',
      'UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'UnsupportedOperation.', 'UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone',
      'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber', 'UnsupportedOperation.GlobalTemplateToChineseMainlandPhone',
      'UnsupportedOperation.UnsuportedRegion', 'AuthFailure.SecretIdNotFound', 'AuthFailure.SignatureExpire', 'AuthFailure.SignatureFailure',
      'AuthFailure.UnauthorizedOperation', 'InvalidParameter', 'MissingParameter', 'UnsupportedRegion',
    ];
    expect(transient.filter((c) => !smsErrorRetries(c))).toEqual([]);
    expect(permanent.filter((c) => smsErrorRetries(c))).toEqual([]);
  });

  it('reads its credentials at every send: runtime-role keys of a cloud function rotate', async () => {
    const env: Record<string, string | undefined> = { TENCENTCLOUD_SECRETID: 'AKIDrole1', TENCENTCLOUD_SECRETKEY: 'k1', TENCENTCLOUD_SESSIONTOKEN: 't1', SMS_SDK_APP_ID: ACCOUNT.sdkAppId, SMS_SIGN_NAME: ACCOUNT.signName };
    const seen: unknown[] = [];
    let config: SmsClientConfig | null = null;
    const sms = tencentSms({
      ...smsOptionsFromEnv(env, { roleFallback: true }),
      client: (c) => {
        config = c;
        return { SendSms: async () => { seen.push(await c.credential.getCredential()); return { SendStatusSet: [{ Code: 'Ok' }] }; } };
      },
    });
    expect(sms.configured).toBe(true);
    await sms.send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] });
    env.TENCENTCLOUD_SECRETID = 'AKIDrole2';
    env.TENCENTCLOUD_SECRETKEY = 'k2';
    env.TENCENTCLOUD_SESSIONTOKEN = 't2';
    await sms.send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] });
    expect(seen).toEqual([{ secretId: 'AKIDrole1', secretKey: 'k1', token: 't1' }, { secretId: 'AKIDrole2', secretKey: 'k2', token: 't2' }]);
    expect(config!.region).toBe(SMS.region);
  });

  it('takes the account from config/sms-templates.json unless the environment overrides it; never mixes an own key with the role\'s token', () => {
    const role = { TENCENTCLOUD_SECRETID: 'AKIDrole', TENCENTCLOUD_SECRETKEY: 'rk', TENCENTCLOUD_SESSIONTOKEN: 'rt' };
    const plain = smsOptionsFromEnv({ ...role }, { roleFallback: true });
    expect({ sdkAppId: plain.sdkAppId, signName: plain.signName, region: plain.region }).toEqual({ sdkAppId: SMS.sdkAppId, signName: SMS.signName, region: SMS.region });
    expect(plain.credentials!()).toEqual({ secretId: 'AKIDrole', secretKey: 'rk', token: 'rt' });
    const own = smsOptionsFromEnv({ ...role, SMS_SECRET_ID: 'AKIDown', SMS_SECRET_KEY: 'ok', SMS_SDK_APP_ID: ' 1400000002 ', SMS_SIGN_NAME: '云溪营商', SMS_REGION: 'ap-beijing' }, { roleFallback: true });
    expect(own.credentials!()).toEqual({ secretId: 'AKIDown', secretKey: 'ok' });
    expect({ app: own.sdkAppId, sign: own.signName, region: own.region }).toEqual({ app: '1400000002', sign: '云溪营商', region: 'ap-beijing' });
    // the self-hosted server has no runtime role: without SMS_SECRET_ID there is no key
    const server = smsOptionsFromEnv({ ...role, SMS_SDK_APP_ID: '1400000002', SMS_SIGN_NAME: '云溪营商' });
    expect(tencentSms(server).configured).toBe(false);
  });
});

// the official SDK's TC3 signer (tencentcloud-sdk-nodejs-common, a devDependency): the reference our client is held to
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Sign = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign').default as {
  sign3(a: { method: string; url: string; payload: unknown; timestamp: number; service: string; secretId: string; secretKey: string; headers: Record<string, string> }): string;
};

/**
 * A local server that answers like sms.tencentcloudapi.com and, like it, refuses a request whose
 * Authorization is not the TC3 signature of what arrived (recomputed with the SDK's signer from the
 * body, the X-TC-Timestamp and the host): AuthFailure.SignatureFailure.
 */
async function tencentApi(answer: (req: IncomingMessage, body: any, res: ServerResponse) => void) {
  const seen: Array<{ headers: IncomingMessage['headers']; body: any; raw: string; expected: string }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw || '{}');
      const expected = Sign.sign3({
        method: 'POST', url: `http://${req.headers.host}/`, payload: body, timestamp: Number(req.headers['x-tc-timestamp']),
        service: String(req.headers.host).split('.')[0], secretId: ACCOUNT.secretId, secretKey: ACCOUNT.secretKey, headers: { 'Content-Type': String(req.headers['content-type']) },
      });
      seen.push({ headers: req.headers, body, raw, expected });
      if (req.headers.authorization !== expected) {
        return json(res, { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'r-sig' } });
      }
      answer(req, body, res);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { endpoint, seen, close: () => new Promise<void>((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }) };
}

const json = (res: ServerResponse, body: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('tencentSms with its TC3 client (adapters/tencent-api.ts) against a local Tencent API', () => {
  it('signs a SendSms 2021-01-11 request with TC3 and reads the status', async () => {
    const api = await tencentApi((_req, body, res) => json(res, {
      Response: { SendStatusSet: [{ SerialNo: '2640:1', PhoneNumber: body.PhoneNumberSet[0], Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: 'r-1' },
    }));
    try {
      const sms = tencentSms({ ...ACCOUNT, endpoint: api.endpoint });
      expect(await sms.send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['Q-0001', '积水'] })).toEqual({ ok: true });
      const [{ headers, body }] = api.seen;
      expect(headers['x-tc-action']).toBe('SendSms');
      expect(headers['x-tc-version']).toBe('2021-01-11');
      expect(headers['x-tc-region']).toBe('ap-guangzhou');
      // the SDK's signer agrees byte for byte (the server refuses otherwise); the service is the host's first label
      expect(headers.authorization).toBe(api.seen[0].expected);
      expect(headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtestbed\/\d{4}-\d{2}-\d{2}\/127\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
      expect(headers['content-type']).toBe('application/json');
      expect(headers['x-tc-token']).toBeUndefined();
      expect(body).toEqual({ PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: ACCOUNT.sdkAppId, SignName: ACCOUNT.signName, TemplateId: '2001', TemplateParamSet: ['Q-0001', '积水'] });
    } finally {
      await api.close();
    }
  });

  it('maps Response.Error (thrown by the SDK) and a per-number status', async () => {
    let n = 0;
    const api = await tencentApi((_req, body, res) => {
      n++;
      if (n === 1) return json(res, { Response: { Error: { Code: 'FailedOperation.TemplateIncorrectOrUnapproved', Message: 'template is not approved' }, RequestId: 'r-2' } });
      if (n === 2) return json(res, { Response: { Error: { Code: 'InternalError.Timeout', Message: 'timeout' }, RequestId: 'r-3' } });
      json(res, { Response: { SendStatusSet: [{ PhoneNumber: body.PhoneNumberSet[0], Code: 'LimitExceeded.PhoneNumberThirtySecondLimit', Message: 'too often' }], RequestId: 'r-4' } });
    });
    try {
      const sms = tencentSms({ ...ACCOUNT, endpoint: api.endpoint });
      const m = { phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] };
      expect(await sms.send(m)).toEqual({ ok: false, retry: false, error: 'FailedOperation.TemplateIncorrectOrUnapproved template is not approved' });
      expect(await sms.send(m)).toEqual({ ok: false, retry: true, error: 'InternalError.Timeout timeout' });
      expect(await sms.send(m)).toEqual({ ok: false, retry: true, error: 'LimitExceeded.PhoneNumberThirtySecondLimit too often' });
    } finally {
      await api.close();
    }
  });

  it('sends a runtime role\'s session token as X-TC-Token; a wrong key is refused for good', async () => {
    const api = await tencentApi((_req, body, res) => json(res, { Response: { SendStatusSet: [{ PhoneNumber: body.PhoneNumberSet[0], Code: 'Ok' }], RequestId: 'r-5' } }));
    try {
      const m = { phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] };
      const role = tencentSms({ ...ACCOUNT, secretId: undefined, secretKey: undefined, credentials: () => ({ secretId: ACCOUNT.secretId, secretKey: ACCOUNT.secretKey, token: 'session-token-1' }), endpoint: api.endpoint });
      expect(await role.send(m)).toEqual({ ok: true });
      expect(api.seen[0].headers['x-tc-token']).toBe('session-token-1');
      const wrong = tencentSms({ ...ACCOUNT, secretKey: 'not-the-key', endpoint: api.endpoint });
      expect(await wrong.send(m)).toEqual({ ok: false, retry: false, error: 'AuthFailure.SignatureFailure The provided credentials could not be validated.' });
    } finally {
      await api.close();
    }
  });

  it('signs exactly as the official SDK does for the real host, Chinese text included', () => {
    const body = { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400000001', SignName: '云溪营商', TemplateId: '2001', TemplateParamSet: ['Q-0001', '厂区道路积水，请尽快处理'] };
    for (const timestamp of [1764466200, 1767225599 /* 23:59:59 UTC: the date in the scope is UTC's */]) {
      const ours = tc3Authorization({ host: 'sms.tencentcloudapi.com', body: JSON.stringify(body), timestamp, secretId: 'AKIDexample', secretKey: 'example-key' });
      const sdk = Sign.sign3({ method: 'POST', url: 'https://sms.tencentcloudapi.com/', payload: body, timestamp, service: 'sms', secretId: 'AKIDexample', secretKey: 'example-key', headers: { 'Content-Type': 'application/json' } });
      expect(ours).toBe(sdk);
    }
  });

  it('the SDK\'s own client passes the same server, so the server checks what Tencent checks', async () => {
    const api = await tencentApi((_req, body, res) => json(res, { Response: { SendStatusSet: [{ PhoneNumber: body.PhoneNumberSet[0], Code: 'Ok' }], RequestId: 'r-6' } }));
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const { Client } = require('tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client') as { Client: new (c: SmsClientConfig) => { SendSms(r: unknown): Promise<unknown> } };
      const sms = tencentSms({ ...ACCOUNT, endpoint: api.endpoint, client: (config) => new Client(config) as never });
      expect(await sms.send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['Q-0001', '积水'] })).toEqual({ ok: true });
      const ours = tencentSms({ ...ACCOUNT, endpoint: api.endpoint });
      expect(await ours.send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['Q-0001', '积水'] })).toEqual({ ok: true });
      // the same request on the wire: body bytes and the headers Tencent reads
      expect(api.seen[1].raw).toBe(api.seen[0].raw);
      for (const h of ['content-type', 'x-tc-action', 'x-tc-version', 'x-tc-region']) expect([h, api.seen[1].headers[h]]).toEqual([h, api.seen[0].headers[h]]);
    } finally {
      await api.close();
    }
  });

  it('gives up on a silent server after its timeout, as a retryable failure', async () => {
    const api = await tencentApi(() => { /* never answers */ });
    try {
      const sms = tencentSms({ ...ACCOUNT, endpoint: api.endpoint, timeoutMs: 300 });
      const t0 = Date.now();
      const r = await sms.send({ phone: PHONE, template: 'assignment', templateId: '2001', params: ['a', 'b'] });
      expect(r).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/^NetworkError .*timeout/i) });
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      await api.close();
    }
  });
});

describe('wecomRobot', () => {
  const WEBHOOK = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7b2c-4bc4-97a0-0ec2b1fa5aaa';
  const robotWith = (...answers: Array<{ status: number; json: any } | Error>) => {
    const calls: Array<{ url: string; body: any }> = [];
    const post: PostFn = async (url, body) => {
      calls.push({ url, body });
      const a = answers.shift() ?? { status: 200, json: { errcode: 0, errmsg: 'ok' } };
      if (a instanceof Error) throw a;
      return a;
    };
    return { robot: wecomRobot({ post }), calls };
  };

  it('posts markdown to the webhook; errcode 0 is ok', async () => {
    const { robot, calls } = robotWith();
    expect(await robot.post({ webhook: WEBHOOK, text: '**新投诉** Q-0001 厂区道路积水' })).toEqual({ ok: true });
    expect(calls).toEqual([{ url: WEBHOOK, body: { msgtype: 'markdown', markdown: { content: '**新投诉** Q-0001 厂区道路积水' } } }]);
  });

  it('retries the rate limit (45009), a busy system (-1), 5xx and network failures; 93000 and other errcodes are permanent', async () => {
    const { robot } = robotWith(
      { status: 200, json: { errcode: 45009, errmsg: 'api freq out of limit' } },
      { status: 200, json: { errcode: -1, errmsg: 'system busy' } },
      { status: 502, json: null },
      new Error('connect ETIMEDOUT'),
      { status: 200, json: { errcode: 93000, errmsg: 'invalid webhook url' } },
      { status: 200, json: { errcode: 40008, errmsg: 'invalid message type' } },
      { status: 404, json: null },
    );
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await robot.post({ webhook: WEBHOOK, text: `第${i}条` }));
    expect(results).toEqual([
      { ok: false, retry: true, error: '45009 api freq out of limit' },
      { ok: false, retry: true, error: '-1 system busy' },
      { ok: false, retry: true, error: 'HTTP 502' },
      { ok: false, retry: true, error: 'NetworkError connect ETIMEDOUT' },
      { ok: false, retry: false, error: '93000 invalid webhook url' },
      { ok: false, retry: false, error: '40008 invalid message type' },
      { ok: false, retry: false, error: 'HTTP 404 answer without errcode' },
    ]);
  });

  it('refuses any URL that is not a group robot webhook, without a request', async () => {
    const { robot, calls } = robotWith();
    for (const webhook of [
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7b2c-4bc4-97a0-0ec2b1fa5aaa',
      'https://qyapi.weixin.qq.com.evil.cn/cgi-bin/webhook/send?key=693a91f6-7b2c-4bc4-97a0-0ec2b1fa5aaa',
      'https://evil.cn/cgi-bin/webhook/send?key=693a91f6-7b2c-4bc4-97a0-0ec2b1fa5aaa',
      `${WEBHOOK}&debug=1`,
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=',
      'https://127.0.0.1/cgi-bin/webhook/send?key=693a91f6',
      '',
    ]) {
      expect(await robot.post({ webhook, text: 'x' })).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/not a 企业微信 group robot URL/) });
    }
    expect(calls).toEqual([]);
  });

  it('cuts long markdown to 4096 bytes of UTF-8 between whole characters', async () => {
    const { robot, calls } = robotWith();
    const family = '👨‍👩‍👧‍👦'; // one character of 25 bytes
    const long = `**周报** ${'营商环境诉求直通'.repeat(200)}${family.repeat(100)}`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(ROBOT_MARKDOWN_MAX_BYTES);
    await robot.post({ webhook: WEBHOOK, text: long });
    const content: string = calls[0].body.markdown.content;
    const bytes = Buffer.byteLength(content, 'utf8');
    expect(bytes).toBeLessThanOrEqual(ROBOT_MARKDOWN_MAX_BYTES);
    expect(bytes).toBeGreaterThan(ROBOT_MARKDOWN_MAX_BYTES - 30);
    expect(content.endsWith('…')).toBe(true);
    expect(long.startsWith(content.slice(0, -1))).toBe(true);
    // no broken UTF-8, no half of a character (a lone surrogate or a split ZWJ sequence)
    expect(Buffer.from(content, 'utf8').toString('utf8')).toBe(content);
    expect(content).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const tail = content.slice(0, -1);
    expect(tail.endsWith(family) || tail.endsWith('通')).toBe(true);
    // cut right where a family would straddle the limit
    for (let pad = 0; pad < 30; pad++) {
      const t = 'a'.repeat(4060 + pad) + family.repeat(3);
      const c = cutUtf8(t);
      expect(Buffer.byteLength(c)).toBeLessThanOrEqual(ROBOT_MARKDOWN_MAX_BYTES);
      expect(c.slice(0, -1).replace(/^a+/, '')).toMatch(new RegExp(`^(${family})*$`, 'u'));
    }
    // short text goes as it is
    expect(cutUtf8('短消息')).toBe('短消息');
  });

  it('postJson: parses the answer, and gives up after its timeout', async () => {
    let hold = false;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        if (hold) return;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        json(res, { errcode: 0, errmsg: 'ok', echo: body.markdown.content, type: req.headers['content-type'] });
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=x`;
    try {
      expect(await postJson(url, { msgtype: 'markdown', markdown: { content: '中文 ✓' } })).toEqual({
        status: 200, json: { errcode: 0, errmsg: 'ok', echo: '中文 ✓', type: 'application/json; charset=utf-8' },
      });
      hold = true;
      const t0 = Date.now();
      await expect(postJson(url, { msgtype: 'markdown', markdown: { content: 'x' } }, 300)).rejects.toThrow(/timeout after 300 ms/);
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      server.closeAllConnections?.();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});

describe('local stand-ins', () => {
  it('recordingSms records the SMS as the phone shows it, and fails on request', async () => {
    const lines: string[] = [];
    const sms = recordingSms({ onSend: (m) => lines.push(`${m.phone} ${m.text}`) });
    expect(sms.configured).toBe(true);
    sms.failNext({ ok: false, retry: true, error: 'InternalError.Timeout' });
    const m = { phone: PHONE, template: 'assignment', templateId: '', params: ['Q-0001', '厂区道路积水'] };
    expect(await sms.send(m)).toEqual({ ok: false, retry: true, error: 'InternalError.Timeout' });
    expect(await sms.send(m)).toEqual({ ok: true });
    expect(sms.sent).toEqual([{ ...m, text: smsText('assignment', m.params) }]);
    expect(sms.sent[0].text).toContain('Q-0001');
    expect(sms.sent[0].text).toContain('厂区道路积水');
    expect(lines).toEqual([`${PHONE} ${smsText('assignment', m.params)}`]);
    expect(recordingSms({ configured: false }).configured).toBe(false);
  });

  it('recordingRobot records posts and refuses what the real adapter refuses', async () => {
    const robot = recordingRobot();
    const webhook = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7b2c-4bc4-97a0-0ec2b1fa5aaa';
    expect(await robot.post({ webhook: 'https://evil.cn/x', text: 'x' })).toMatchObject({ ok: false, retry: false });
    robot.failNext({ ok: false, retry: true, error: '45009 api freq out of limit' });
    expect(await robot.post({ webhook, text: 'a' })).toMatchObject({ ok: false, retry: true });
    expect(await robot.post({ webhook, text: 'b' })).toEqual({ ok: true });
    expect(robot.posts).toEqual([{ webhook, text: 'b' }]);
  });
});

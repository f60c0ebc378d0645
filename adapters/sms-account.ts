/**
 * The deployment's SMS account without the client that sends: what every function needs to know
 * (is SMS configured, so that entries are queued for it) and what only the timer functions need
 * (the Tencent Cloud SDK, about 95 KB bundled: adapters/tencent-sms.ts). On CloudBase the service and
 * sheets functions never send: an action's follow-ups are left to the timers (adapters/cloudbase-main.ts
 * leaveToTimers), so their bundles take `smsAccountOnly` and the notify, assign and sweep timers send.
 */
import type { SmsSender } from '../core/ports';
import { SMS } from '../core/notify/sms-templates';

export type SmsCredential = { secretId?: string; secretKey?: string; token?: string };

/** the account and where its key comes from (adapters/tencent-sms.ts TencentSmsOptions takes the same) */
export type SmsAccount = {
  secretId?: string;
  secretKey?: string;
  token?: string;
  /** instead of the three above: asked at every send (runtime-role credentials of a cloud function rotate) */
  credentials?: () => SmsCredential;
  region: string;
  sdkAppId: string;
  signName: string;
};

/** the account's current credentials, and whether it can send at all */
export function smsAccountReady(opts: SmsAccount) {
  const credential = (): SmsCredential => {
    const c = opts.credentials ? opts.credentials() : opts;
    return { secretId: c.secretId || undefined, secretKey: c.secretKey || undefined, token: c.token || undefined };
  };
  const ready = () => {
    const c = credential();
    return !!(opts.sdkAppId && opts.signName && c.secretId && c.secretKey);
  };
  return { credential, ready };
}

/**
 * SMS as a function that does not send sees it: configured or not (the outbox queues SMS entries
 * only when it is), and no `send`, so an SMS entry such a function meets stays pending, unclaimed,
 * for the notify timer (core/notify/sender.ts).
 */
export function smsAccountOnly(opts: SmsAccount): SmsSender {
  const { ready } = smsAccountReady(opts);
  return {
    get configured() {
      return ready();
    },
  };
}

/**
 * The deployment's SMS settings: the account (SmsSdkAppId, signature, region) from
 * config/sms-templates.json, each overridable by SMS_SDK_APP_ID / SMS_SIGN_NAME / SMS_REGION, and the
 * API key from SMS_SECRET_ID + SMS_SECRET_KEY (a CAM key allowed sms:SendSms). With `roleFallback`
 * (CloudBase), a function without SMS_SECRET_ID uses its runtime role's temporary credentials
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY / TENCENTCLOUD_SESSIONTOKEN instead (the role must
 * then be allowed to send SMS). Credentials are read from `env` at every send; an own key is never
 * paired with the role's session token.
 */
export function smsOptionsFromEnv(env: Record<string, string | undefined> = process.env, o: { roleFallback?: boolean } = {}): SmsAccount {
  return {
    credentials: () => {
      if (env.SMS_SECRET_ID) return { secretId: env.SMS_SECRET_ID, secretKey: env.SMS_SECRET_KEY };
      if (o.roleFallback) return { secretId: env.TENCENTCLOUD_SECRETID, secretKey: env.TENCENTCLOUD_SECRETKEY, token: env.TENCENTCLOUD_SESSIONTOKEN };
      return {};
    },
    sdkAppId: (env.SMS_SDK_APP_ID || SMS.sdkAppId).trim(),
    signName: (env.SMS_SIGN_NAME || SMS.signName).trim(),
    region: (env.SMS_REGION || SMS.region).trim(),
  };
}

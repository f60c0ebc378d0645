/**
 * The CloudBase entry shared by every deployable function: wires wx-server-sdk into the ports
 * and hands the event to the same handler the local server runs. Identity comes only from
 * cloud.getWXContext().OPENID (empty for timer triggers, which run as the system).
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const cloud = require('wx-server-sdk');
import type { FollowUpHost, Handler } from '../core/function-shell';
import type { Ports, SmsSender } from '../core/ports';
import templates from '../config/subscribe-templates.json';
import { cloudbaseContentCheck, cloudbaseFiles, cloudbaseNotifier, cloudbaseQrCode, miniprogramVersion, type TemplateConfig } from './cloudbase-ports';
import { cloudbaseStore } from './cloudbase-store';
import { smsAccountOnly, smsOptionsFromEnv, type SmsAccount } from './sms-account';
import { wecomRobot } from './wecom-robot';

/**
 * The oldest Node.js the bundles run on: scripts/build-functions.mjs builds for it (esbuild target)
 * and defines this constant from the same value; outside a bundle (tests) it is that default.
 */
declare const __CLOUDBASE_MIN_NODE__: string | undefined;
export const MIN_NODE = typeof __CLOUDBASE_MIN_NODE__ === 'string' ? __CLOUDBASE_MIN_NODE__ : '16.13';

/**
 * Why this Node.js cannot run the bundle (a function created with an older CloudBase runtime,
 * e.g. Nodejs12.16 or 14.18), in Chinese for whoever reads the answer; null when it can.
 */
export function runtimeProblem(version: string = process.versions.node, min: string = MIN_NODE): string | null {
  const [maj, minor] = version.split('.').map(Number);
  const [needMaj, needMinor] = min.split('.').map(Number);
  if (maj > needMaj || (maj === needMaj && minor >= needMinor)) return null;
  return `云函数运行环境为 Node.js ${version}，低于本函数所需的 Node.js ${min}：请在云开发控制台以 Nodejs16.13（或 Nodejs18.15）运行环境新建该云函数，再上传部署`;
}

/**
 * An action's follow-up work on CloudBase (core/settle.ts): not started. The runtime freezes an
 * instance as soon as its function returns, and work frozen half-way could resume minutes later
 * beside the timer that redid it. The marks the action wrote (needsNotify, statsPending, a queued
 * status) are what the notify and assign timers pick up every minute, so the answer is not delayed
 * by the notifications and counting, and they follow within a minute.
 */
export const leaveToTimers: FollowUpHost = () => undefined;

/**
 * How a function reaches SMS: the notify timer sends (adapters/tencent-sms.ts tencentSms, passed by its
 * main.ts); every other function only knows the account (adapters/sms-account.ts) and leaves its SMS
 * in the outbox for notify, so the Tencent Cloud SDK is in no other bundle.
 */
export type SmsMaker = (account: SmsAccount) => SmsSender;

/** the ports of this function instance, made on its first call (a cold start) */
let made: Ports | null = null;

function ports(sms: SmsMaker): Ports {
  if (!made) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    // formal | trial | developer (or release | trial | develop): which mini-program version messages and codes open
    const version = miniprogramVersion(process.env.MINIPROGRAM_STATE);
    const ports: Ports = {
      store: cloudbaseStore(cloud.database()),
      clock: { now: () => new Date() },
      notifier: cloudbaseNotifier(cloud, templates as unknown as TemplateConfig, version.state),
      contentCheck: cloudbaseContentCheck(cloud),
      files: cloudbaseFiles(cloud),
      qrCode: cloudbaseQrCode(cloud, version.state),
      // Tencent Cloud SMS: the account from config/sms-templates.json (or SMS_SDK_APP_ID, SMS_SIGN_NAME, SMS_REGION),
      // the key from SMS_SECRET_ID + SMS_SECRET_KEY, else the function's runtime role (TENCENTCLOUD_SECRETID …)
      sms: sms(smsOptionsFromEnv(process.env, { roleFallback: true })),
      // desk teams' 企业微信 group robots (webhooks set by the admin in the rules)
      robot: wecomRobot(),
      // set BOOTSTRAP_ADMIN_CODE in the service function's environment to make the first admin
      config: {
        bootstrapAdminCode: process.env.BOOTSTRAP_ADMIN_CODE,
        // referenced cloud:// files must be in this environment (the function's own, unless TCB_ENV says otherwise)
        cloudEnv: process.env.TCB_ENV || process.env.SCF_NAMESPACE || undefined,
        submitsPerHour: Number(process.env.SUBMITS_PER_HOUR) || undefined,
      },
    };
    made = ports;
  }
  return made;
}

/**
 * One deployable function's main: `make` builds its handler over the ports (core/service.ts
 * createService for service, core/sheets.ts createSheets for sheets, core/timers.ts createTimers for the timers), so each bundle holds only
 * the code its handler reaches.
 */
export function cloudbaseMain(name: 'service' | 'console' | 'visits' | 'sheets' | 'assign' | 'notify' | 'sweep', make: (ports: Ports) => Handler, sms: SmsMaker = smsAccountOnly) {
  let handler: Handler | null = null;
  return async (event: Record<string, unknown>) => {
    // a deployment mistake (runtime too old, bad MINIPROGRAM_STATE) answers what to fix, every call
    const problem = runtimeProblem();
    try {
      if (problem) throw new Error(problem);
      handler ??= make(ports(sms));
    } catch (e) {
      const message = (e as Error).message;
      console.error(`cloud function ${name}: ${message}`);
      return { ok: false, code: 'INTERNAL', message };
    }
    const { OPENID } = cloud.getWXContext();
    // timer events carry Type: 'Timer'; they and server-side calls have no OPENID
    return handler(event ?? {}, OPENID ? { openid: OPENID } : null);
  };
}

/**
 * The CloudBase entry shared by every deployable function: wires wx-server-sdk into the ports
 * and hands the event to the same handler the local server runs. Identity comes only from
 * cloud.getWXContext().OPENID (empty for timer triggers, which run as the system).
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const cloud = require('wx-server-sdk');
import { createFunctions } from '../core/functions';
import type { Ports } from '../core/ports';
import templates from '../config/subscribe-templates.json';
import { cloudbaseContentCheck, cloudbaseFiles, cloudbaseNotifier, cloudbaseQrCode, type TemplateConfig } from './cloudbase-ports';
import { cloudbaseStore } from './cloudbase-store';

let fns: ReturnType<typeof createFunctions> | null = null;

function functions() {
  if (!fns) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    const ports: Ports = {
      store: cloudbaseStore(cloud.database()),
      clock: { now: () => new Date() },
      notifier: cloudbaseNotifier(cloud, templates as unknown as TemplateConfig, process.env.MINIPROGRAM_STATE || 'formal'),
      contentCheck: cloudbaseContentCheck(cloud),
      files: cloudbaseFiles(cloud),
      qrCode: cloudbaseQrCode(cloud, process.env.MINIPROGRAM_STATE || 'formal'),
      // set BOOTSTRAP_ADMIN_CODE in the service function's environment to make the first admin
      config: {
        bootstrapAdminCode: process.env.BOOTSTRAP_ADMIN_CODE,
        // referenced cloud:// files must be in this environment (the function's own, unless TCB_ENV says otherwise)
        cloudEnv: process.env.TCB_ENV || process.env.SCF_NAMESPACE || undefined,
        submitsPerHour: Number(process.env.SUBMITS_PER_HOUR) || undefined,
      },
    };
    fns = createFunctions(ports);
  }
  return fns;
}

export function cloudbaseMain(name: 'service' | 'assign' | 'notify' | 'sweep') {
  return async (event: Record<string, unknown>) => {
    const { OPENID } = cloud.getWXContext();
    // timer events carry Type: 'Timer'; they and server-side calls have no OPENID
    return functions()[name](event ?? {}, OPENID ? { openid: OPENID } : null);
  };
}

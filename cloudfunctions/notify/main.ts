// Deployable cloud function "notify": bundled by scripts/build-functions.mjs into index.js.
// Only the timers' code (core/timers.ts): the service's actions and spreadsheets stay out of this bundle.
import { cloudbaseMain } from '../../adapters/cloudbase-main';
import { createTimers } from '../../core/timers';
import { tencentSms } from '../../adapters/tencent-sms';

export const main = cloudbaseMain('notify', (ports) => createTimers(ports).notify, tencentSms);

// Deployable cloud function "assign": bundled by scripts/build-functions.mjs into index.js.
// Only the timers' code (core/timers.ts): the service's actions and spreadsheets stay out of this bundle.
import { cloudbaseMain } from '../../adapters/cloudbase-main';
import { createTimers } from '../../core/timers';

// SMS the assign timer's changes cause waits in the outbox for the notify timer (within a minute), which alone
// carries the Tencent Cloud SMS client: this bundle stays without it
export const main = cloudbaseMain('assign', (ports) => createTimers(ports).assign);

// Deployable cloud function "service": bundled by scripts/build-functions.mjs into index.js.
// Every action of the mini-program and the desk (core/functions.ts).
import { cloudbaseMain, leaveToTimers } from '../../adapters/cloudbase-main';
import { createService } from '../../core/service';

export const main = cloudbaseMain('service', (ports) => createService(ports, { followUps: leaveToTimers }));

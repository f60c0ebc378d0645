// Deployable cloud function "console": bundled by scripts/build-functions.mjs into index.js.
// The admin console and the leaders' figures (core/console.ts).
import { cloudbaseMain, leaveToTimers } from '../../adapters/cloudbase-main';
import { createConsole } from '../../core/console';

export const main = cloudbaseMain('console', (ports) => createConsole(ports, { followUps: leaveToTimers }));

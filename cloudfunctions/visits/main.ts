// Deployable cloud function "visits": bundled by scripts/build-functions.mjs into index.js.
// Official visits by QR code and planned inspections (core/visit-function.ts).
import { cloudbaseMain, leaveToTimers } from '../../adapters/cloudbase-main';
import { createVisits } from '../../core/visit-function';

export const main = cloudbaseMain('visits', (ports) => createVisits(ports, { followUps: leaveToTimers }));

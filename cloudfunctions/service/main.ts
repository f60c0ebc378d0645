// Deployable cloud function "service": bundled by scripts/build-functions.mjs into index.js.
// Every action of the mini-program and the desk (core/functions.ts).
import { cloudbaseMain } from '../../adapters/cloudbase-main';
import { createService } from '../../core/functions';

export const main = cloudbaseMain('service', createService);

// Deployable cloud function "service": bundled by scripts/build-functions.mjs into index.js.
import { cloudbaseMain } from '../../adapters/cloudbase-main';

export const main = cloudbaseMain('service');

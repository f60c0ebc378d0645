// Deployable cloud function "sweep": bundled by scripts/build-functions.mjs into index.js.
import { cloudbaseMain } from '../../adapters/cloudbase-main';

export const main = cloudbaseMain('sweep');

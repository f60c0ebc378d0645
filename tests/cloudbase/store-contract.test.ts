/** The store contract on the CloudBase adapter over the CloudBase test bed (no credentials needed). */
import { cloudbaseStore } from '../../adapters/cloudbase-store';
import { storeContract } from '../contract/store.contract';
import { createTestBed } from './testbed';

storeContract('cloudbase (test bed)', async () => {
  const bed = createTestBed();
  bed.sdk.init({ env: bed.sdk.DYNAMIC_CURRENT_ENV });
  return { store: cloudbaseStore(bed.sdk.database()), cleanup: async () => undefined };
});

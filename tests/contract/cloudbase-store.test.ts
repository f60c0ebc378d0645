import type { Store } from '../../core/ports';
import { cloudbaseStore } from '../../adapters/cloudbase-store';
import { storeContract } from './store.contract';

const env = process.env.TCB_ENV;
const secretId = process.env.TENCENTCLOUD_SECRETID;
const secretKey = process.env.TENCENTCLOUD_SECRETKEY;

if (env && secretId && secretKey) {
  storeContract('cloudbase', async () => {
    // Loaded only here so the suite needs neither the SDK's network nor credentials otherwise.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const cloud = require('wx-server-sdk');
    cloud.init({ env, secretId, secretKey });
    const db = cloud.database();
    const inner = cloudbaseStore(db);
    const used = new Set<string>();
    const store: Store = {
      collection: (name) => {
        used.add(name);
        return inner.collection(name);
      },
    };
    return {
      store,
      // wx-server-sdk cannot drop collections: empty the run's collections instead.
      cleanup: async () => {
        for (const name of used) {
          try {
            await db.collection(name).where({ _id: db.command.exists(true) }).remove();
          } catch {
            // never created (read-only test collection) or already empty
          }
        }
      },
    };
  });
} else {
  // jest reports this as skipped, with the reason in its name; it never counts as a pass
  describe.skip('Store contract: cloudbase (skipped: needs TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY of a real CloudBase environment)', () => {
    it('runs the store contract against CloudBase', () => undefined);
  });
}

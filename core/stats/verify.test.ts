/** stats.verify: the counters of the seeded demo district checked against a full recount, for the admin. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C } from '../collections';
import type { ServiceRequest } from '../model';
import { seedDemoRequests } from '../seed/demo-requests';
import { localFiles } from '../../adapters/local-ports';
import { createFunctions, functionOf } from '../functions';
import { makeHarness, type Harness } from '../../tests/support/harness';

let h: Harness;
let filesDir: string;
let fns: ReturnType<typeof createFunctions>;
const as = async (who: string, event: Record<string, unknown>) => {
  const r = await fns[functionOf(event.action)](event, { openid: `dev-${who}` });
  if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
  return r.data as any;
};

beforeAll(async () => {
  h = await makeHarness();
  filesDir = mkdtempSync(join(tmpdir(), 'yszt-files-'));
  const ports = { ...h.ports, files: localFiles(filesDir) };
  fns = createFunctions(ports);
  await seedDemoRequests(ports, h.clock.now());
});
afterAll(() => {
  h?.cleanup();
  rmSync(filesDir, { recursive: true, force: true });
});

test('stats.verify for the admin', async () => {
  const v = await as('u-admin', { action: 'stats.verify' });
  expect(v).toMatchObject({ ok: true, mismatches: [] });
  expect(v.fields).toBeGreaterThan(100);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const _typed: ServiceRequest | null = await h.store.collection<ServiceRequest>(C.requests).get('none');
});

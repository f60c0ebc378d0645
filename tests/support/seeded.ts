/**
 * The seeded demo district with its demo requests made by the real actions, for the tests of the
 * figures (dashboard, 红黄榜, 简报, stats.verify): one world per test file, built before its tests and
 * removed after them. `as` calls an action as a user and returns its data; `refused` its error code.
 */
import { functionOf, type createFunctions } from '../../core/functions';
import type { Filter } from '../../core/ports';
import { seedDemoRequests } from '../../core/seed/demo-requests';
import { countedFigures } from './figures';
import { makeHarness, type Harness } from './harness';

export type SeededDistrict = {
  h: Harness;
  /** where generated files (workbooks, codes) are written */
  filesDir: string;
  fns: ReturnType<typeof createFunctions>;
  /** the action's data as this user (throws with the code when refused) */
  as(who: string, event: Record<string, unknown>): Promise<any>;
  /** 'OK', or the code the action was refused with */
  refused(who: string, event: Record<string, unknown>): Promise<string>;
  /** November 2026's figures counted straight from the requests, independently of the counters */
  monthCounted(filter?: Filter): Promise<ReturnType<typeof countedFigures>>;
};

export function seededDistrict(): SeededDistrict {
  const world = {} as SeededDistrict;
  const call = (who: string, event: Record<string, unknown>) => world.fns[functionOf(event.action)](event, { openid: `dev-${who}` });
  world.as = async (who, event) => {
    const r = await call(who, event);
    if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
    return r.data;
  };
  world.refused = async (who, event) => {
    const r = await call(who, event);
    return r.ok ? 'OK' : r.code;
  };
  world.monthCounted = async (filter = {}) => {
    const rows = (await world.h.requests().find(filter, { limit: 100 })).filter((r) => r.createdAt >= '2026-10-31T16:00:00.000Z' && r.createdAt < '2026-11-30T16:00:00.000Z');
    return countedFigures(rows);
  };
  beforeAll(async () => {
    world.h = await makeHarness(undefined, { files: true });
    world.filesDir = world.h.filesDir;
    world.fns = world.h.fns;
    await seedDemoRequests(world.h.ports, world.h.clock.now());
  });
  afterAll(() => world.h?.cleanup());
  return world;
}

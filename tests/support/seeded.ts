/**
 * The seeded demo district with its demo requests made by the real actions, for the tests of the
 * figures (dashboard, 红黄榜, 简报, stats.verify): one world per test file, built before its tests and
 * removed after them. `as` calls an action as a user and returns its data; `refused` its error code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFiles } from '../../adapters/local-ports';
import { createFunctions, functionOf } from '../../core/functions';
import type { Filter } from '../../core/ports';
import { seedDemoRequests } from '../../core/seed/demo-requests';
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
  monthCounted(filter?: Filter): Promise<Record<string, number | null>>;
};

export function seededDistrict(): SeededDistrict {
  const world = { filesDir: '' } as SeededDistrict;
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
    const done = rows.filter((r) => r.status === 'resolved' || r.status === 'closed');
    const scored = rows.filter((r) => r.score !== null);
    const timed = done.filter((r) => r.closedOnTime !== null);
    return {
      collected: rows.length,
      closed: done.length,
      inProgress: rows.filter((r) => ['queued', 'dispatch', 'assigned', 'accepted', 'paused', 'supervised'].includes(r.status)).length,
      rejected: rows.filter((r) => r.status === 'rejected').length,
      onTimeRate: timed.length ? timed.filter((r) => r.closedOnTime).length / timed.length : null,
      satisfactionRate: scored.length ? scored.filter((r) => r.score! >= 4).length / scored.length : null,
      meanScore: scored.length ? scored.reduce((s, r) => s + r.score!, 0) / scored.length : null,
      overdue: rows.filter((r) => r.colour === 'red').length,
      urges: rows.reduce((s, r) => s + r.urgeCount, 0),
      red: rows.filter((r) => r.colour === 'red' && r.status !== 'rejected').length,
    };
  };
  beforeAll(async () => {
    world.h = await makeHarness();
    world.filesDir = mkdtempSync(join(tmpdir(), 'yszt-files-'));
    const ports = { ...world.h.ports, files: localFiles(world.filesDir) };
    world.fns = createFunctions(ports);
    await seedDemoRequests(ports, world.h.clock.now());
  });
  afterAll(() => {
    world.h?.cleanup();
    if (world.filesDir) rmSync(world.filesDir, { recursive: true, force: true });
  });
  return world;
}

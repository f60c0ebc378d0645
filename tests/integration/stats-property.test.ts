/**
 * The incremental counters equal a full recount after a random sequence of 10^4 events through
 * the real actions (submit, accept, resolve, confirm with scores, reopen, pause, reject, verify,
 * escalate, reassign, supervision cards, 并件 and its undoing, and the timers with the clock advancing), checked at
 * checkpoints along the way and at the end. STATS_EVENTS and STATS_SEED change the run.
 */
import { C } from '../../core/collections';
import { verifyCounters } from '../../core/stats/recount';
import { makeHarness, type Harness } from '../support/harness';
import { runRandomEvents } from '../support/random-events';

const EVENTS = Number(process.env.STATS_EVENTS ?? 10_000);
const SEED = Number(process.env.STATS_SEED ?? 20261123);

jest.setTimeout(600_000); // 10^4 generated events on a busy 2-core machine

let h: Harness;
beforeAll(async () => {
  // a Monday in March, so the run stays within years the official calendar covers
  h = await makeHarness('2026-03-02T01:30:00Z', { memory: true });
});
afterAll(() => h?.cleanup());

test(`counters equal a full recount after ${EVENTS} random events`, async () => {
  const checkpoints: number[] = [];
  const t0 = Date.now();
  const result = await runRandomEvents(h, EVENTS, SEED, async (i) => {
    if ((i + 1) % 4000 === 0 && i + 1 < EVENTS) {
      const v = await verifyCounters(h.ports);
      expect(v.mismatches).toEqual([]);
      checkpoints.push(i + 1);
    }
  });
  const v = await verifyCounters(h.ports);
  expect(v.mismatches).toEqual([]);

  // the run exercised what it should: many requests in many states, over several months
  const requests = h.requests();
  const total = await requests.count({});
  const byStatus: Record<string, number> = {};
  for (const s of ['queued', 'dispatch', 'assigned', 'accepted', 'paused', 'supervised', 'resolved', 'closed', 'rejected', 'merged']) byStatus[s] = await requests.count({ status: s });
  expect(total).toBeGreaterThan(EVENTS / 10);
  expect(byStatus.closed).toBeGreaterThan(0);
  expect(byStatus.rejected).toBeGreaterThan(0);
  // 并件: linked requests, counted once (as their main)
  expect(byStatus.merged).toBeGreaterThan(0);
  expect(await requests.count({ colour: 'red' })).toBeGreaterThan(0);
  expect(await requests.count({ reopenCount: { $gt: 0 } })).toBeGreaterThan(0);
  expect(await requests.count({ deptIds: { $all: ['dep-zjj'] } })).toBeGreaterThan(0);
  expect(await requests.count({ statsPending: true })).toBe(0);
  const months = await h.store.collection(C.stats).count({ kind: 'M' });
  expect(months).toBeGreaterThanOrEqual(2);
  console.log(
    `${EVENTS} events in ${((Date.now() - t0) / 1000).toFixed(1)} s (${result.ok} applied, ${result.failed} refused), ${total} requests ${JSON.stringify(byStatus)}, ` +
      `${v.documents} counter documents, ${v.fields} fields checked, checkpoints at ${checkpoints.join(', ')}`,
  );
});

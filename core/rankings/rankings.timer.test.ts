/**
 * The 红黄榜 kept current by the sweep timer (issue 14): the current month's and quarter's lists are
 * computed when missing, once, and not again within the hour (whoever computed them last); after
 * the hour they follow the figures; a new month gets its own list, and the month that ended gets its
 * final list once, computed after its end; no computation starts without room in the timer's budget.
 * On the seeded demo district (November 2026).
 */
import { C } from '../collections';
import { createFunctions } from '../functions';
import { refreshRankings, RANKING_REFRESH_MS, type RankingList } from './rankings';
import { submission } from '../../tests/support/harness';
import { seededDistrict } from '../../tests/support/seeded';

const w = seededDistrict();
const MINUTE = 60_000;

const lists = () => w.h.store.collection<RankingList>(C.rankings);
const stored = async () => Object.fromEntries((await lists().find({}, { limit: 100 })).map((d) => [d._id, d]));
async function sweep() {
  const r = await w.fns.sweep({ Type: 'Timer' }, null);
  if (!r.ok) throw new Error(`sweep: ${r.code} ${r.message}`);
  // the answer is the deadlines' and the visits': the lists are side work
  expect(r.data).not.toHaveProperty('more');
  return r.data;
}

test('the seed\'s sweep left this month\'s and quarter\'s 红黄榜: a leader opens them without computing', async () => {
  const now = w.h.clock.now().toISOString();
  const all = await stored();
  // and the final lists of October and the third quarter, computed after they ended
  expect(Object.keys(all).sort()).toEqual(['M202610', 'M202611', 'Q20263', 'Q20264']);
  for (const d of Object.values(all)) expect(d).toMatchObject({ computedAt: now, computedBy: null });
  const got = await w.as('u-majianguo', { action: 'rankings.get', id: 'M202611' });
  expect(got.units.length).toBeGreaterThan(0);
  expect(got.computedAt).toBe(now);
});

test('a missing list is computed once, and not again within the hour', async () => {
  for (const id of ['M202611', 'Q20264']) await lists().remove(id);
  const t0 = w.h.clock.now().toISOString();
  await sweep();
  let all = await stored();
  expect(Object.keys(all).sort()).toEqual(['M202610', 'M202611', 'Q20263', 'Q20264']);
  expect(all.M202611).toMatchObject({ computedAt: t0, computedBy: null, period: { kind: 'month', key: '2026-11', label: '2026年11月' } });
  expect(all.Q20264).toMatchObject({ computedAt: t0, period: { kind: 'quarter', key: '2026-Q4' } });
  // the same as a leader computing it by hand
  const byHand = await w.as('u-majianguo', { action: 'rankings.compute', period: 'month' });
  expect(byHand.units).toEqual(all.M202611.units);

  // every five minutes for 55 more minutes: nothing is computed again (the list the leader computed stays his)
  for (let k = 1; k <= 11; k++) {
    w.h.clock.advance(5 * MINUTE);
    await sweep();
  }
  all = await stored();
  expect(all.M202611.computedBy).toMatchObject({ id: 'u-majianguo' });
  expect(all.M202611.computedAt).toBe(t0);
  expect(all.Q20264.computedAt).toBe(t0);
  expect(await refreshRankings(w.h.ports, w.h.clock.now())).toEqual([]);
});

test('after the hour the lists follow the figures; a new month gets its own list', async () => {
  const before = (await stored()).M202611;
  const centerBefore = (id: string) => before.units.find((u) => u.id === id)!.figures.collected;
  // a new request at 东城社区 (林晓's enterprise) changes the center's figures
  const { request } = await w.h.ok('u-linxiao', submission({ category: 'rongzi' }));
  const center = request.tierOrgId as string;
  w.h.clock.advance(RANKING_REFRESH_MS);
  const t1 = w.h.clock.now().toISOString();
  await sweep();
  const after = await stored();
  expect(after.M202611).toMatchObject({ computedAt: t1, computedBy: null });
  expect(after.Q20264.computedAt).toBe(t1);
  expect(after.M202611.units.find((u) => u.id === center)!.figures.collected).toBe(centerBefore(center) + 1);

  // December: its own list, and November's final list, computed once after November ended
  w.h.clock.set('2026-12-01T01:00:00Z'); // 09:00 in Beijing
  await sweep();
  const december = await stored();
  expect(Object.keys(december).sort()).toEqual(['M202610', 'M202611', 'M202612', 'Q20263', 'Q20264']);
  expect(december.M202611.computedAt).toBe('2026-12-01T01:00:00.000Z');
  expect(december.M202612.computedAt).toBe('2026-12-01T01:00:00.000Z');
  expect(december.Q20264.computedAt).toBe('2026-12-01T01:00:00.000Z'); // the same quarter, its list days old
  // final: an hour later November's list stays as it was computed after its end
  w.h.clock.advance(RANKING_REFRESH_MS);
  await sweep();
  expect((await stored()).M202611.computedAt).toBe('2026-12-01T01:00:00.000Z');
});

test('no list is started without room in the timer\'s budget', async () => {
  for (const d of await lists().find({}, { limit: 100 })) await lists().remove(d._id);
  expect(await refreshRankings(w.h.ports, w.h.clock.now(), () => false)).toEqual([]);
  expect(await stored()).toEqual({});
  // a sweep whose whole budget is less than a computation's room computes nothing, and says nothing is left
  const tight = createFunctions(w.h.ports, { budgetMs: { sweep: 1000 } });
  const r = await tight.sweep({ Type: 'Timer' }, null);
  if (!r.ok) throw new Error(`sweep: ${r.code} ${r.message}`);
  expect(r.data).not.toHaveProperty('more');
  expect(await stored()).toEqual({});
  // room for one: the final list of the month that ended first, the rest at a later tick
  let room = 1;
  expect(await refreshRankings(w.h.ports, w.h.clock.now(), () => room-- > 0)).toEqual(['M202611']);
  expect(await refreshRankings(w.h.ports, w.h.clock.now())).toEqual(['Q20263', 'M202612', 'Q20264']);
  expect(await refreshRankings(w.h.ports, w.h.clock.now())).toEqual([]);
});

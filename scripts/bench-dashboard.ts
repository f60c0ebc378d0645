/**
 * Part of `npm run bench`: the leaders' dashboard's response time (the `stats.dashboard` action,
 * as a leader calls it) with the counters of 10^4 and of 10^6 requests. Prints figures, asserts
 * nothing. BENCH_DASH_SIZES changes the sizes (comma-separated).
 *
 * What is generated: not 10^6 request documents (inserting those takes far longer than the
 * dashboard could ever need) but the counter documents exactly as the counters would hold them
 * for that many requests — the same `contribution` (core/stats/figures.ts) and the same bucket
 * layout (core/stats/counters.ts `deltaOf`) the live counters use. The requests are drawn from
 * 400 request profiles (status, colour, score, reopen, urges, working time to close, category,
 * channel, tier center, departments of a card) over a district of 1 district center, 8 streets,
 * 50 communities and 30 departments, submitted uniformly over 2026-01-01 … 2026-11-23. That makes
 * one document per day (327) and per month (11), each carrying all the buckets (up to 125 groups).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORY_CODES, CHANNELS, type Channel, type Colour, type RequestStatus, type Tier } from '../core/contract/catalog';
import { C, ARRAY_FIELDS, INDEXES } from '../core/collections';
import { createFunctions } from '../core/functions';
import type { Org } from '../core/model';
import type { Ports } from '../core/ports';
import { devOpenid, seedDemoDistrict } from '../core/seed/demo-district';
import { contribution, type StatsRequest } from '../core/stats/figures';
import { deltaOf, type CounterDoc } from '../core/stats/counters';
import { WorkCalendar } from '../core/sla/calendar';
import { openSqliteStore } from '../adapters/sqlite-store';
import { permissiveContentCheck, recordingNotifier } from '../adapters/local-ports';
import { prng } from '../tests/support/random-events';

const SIZES = (process.env.BENCH_DASH_SIZES ?? '10000,1000000').split(',').map(Number);
const NOW = new Date('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing
const PROFILES = 400;
const RUNS = 30;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`;

function district(): Org[] {
  const orgs: Org[] = [];
  for (let s = 1; s <= 8; s++) {
    orgs.push({ _id: `bs-${s}`, kind: 'street', name: `基准${s}街道`, parentId: 'd-yunxi', active: true });
    for (let c = 1; c <= (s <= 2 ? 7 : 6); c++) orgs.push({ _id: `bc-${s}-${c}`, kind: 'community', name: `基准${s}-${c}社区`, parentId: `bs-${s}`, active: true });
  }
  for (let d = 1; d <= 28; d++) orgs.push({ _id: `bd-${d}`, kind: 'department', name: `基准部门${d}`, parentId: 'd-yunxi', active: true });
  return orgs;
}

function profiles(orgs: Org[]): Array<Omit<StatsRequest, 'createdAt' | 'resolvedAt'> & { wminDays: number }> {
  const rnd = prng(42);
  const centers = orgs.filter((o) => o.kind === 'community' || o.kind === 'street').map((o) => o._id).concat(['c-dongcheng', 'c-xihu', 's-dongcheng', 'd-yunxi']);
  const depts = orgs.filter((o) => o.kind === 'department').map((o) => o._id).concat(['dep-zjj', 'dep-zrzy']);
  const statuses: Array<[RequestStatus, number]> = [['closed', 60], ['resolved', 10], ['accepted', 12], ['assigned', 5], ['queued', 3], ['supervised', 4], ['paused', 1], ['rejected', 5]];
  const pickStatus = () => { let x = rnd.next() * 100; for (const [s, w] of statuses) if ((x -= w) < 0) return s; return 'closed' as RequestStatus; };
  return Array.from({ length: PROFILES }, (_, i) => {
    const status = pickStatus();
    const done = status === 'closed' || status === 'resolved';
    const onTime = rnd.next() < 0.9;
    const red = done ? !onTime : rnd.next() < 0.15;
    const colour: Colour = status === 'rejected' ? 'white' : red ? 'red' : done ? 'green' : rnd.pick(['white', 'green', 'green', 'yellow'] as Colour[]);
    const tierOrgId = rnd.pick(centers);
    const tier: Tier = tierOrgId.startsWith('d-') ? 'district' : tierOrgId.startsWith('bs-') || tierOrgId.startsWith('s-') ? 'street' : 'community';
    const carded = status === 'supervised' || rnd.next() < 0.25;
    return {
      _id: `p${i}`, status, colour, tier, tierOrgId,
      deptIds: carded ? [rnd.pick(depts), ...(rnd.next() < 0.3 ? [rnd.pick(depts)] : [])].filter((d, j, a) => a.indexOf(d) === j) : [],
      category: rnd.pick(CATEGORY_CODES), channel: rnd.pick(Object.keys(CHANNELS) as Channel[]),
      closedOnTime: done ? onTime : null, score: status === 'closed' ? rnd.pick([5, 5, 5, 4, 4, 3, 2]) : null,
      reopenCount: rnd.next() < 0.05 ? 1 : 0, urgeCount: red ? 1 + rnd.int(4) : 0, wminDays: 0.5 + rnd.next() * 8,
    };
  });
}

/** the counter documents the counters would hold for n requests */
function counterDocs(n: number, orgs: Org[]): CounterDoc[] {
  const rnd = prng(n);
  const calendar = new WorkCalendar({});
  const pool = profiles(orgs);
  const first = Date.UTC(2026, 0, 1);
  const days = Math.floor((Date.UTC(2026, 10, 23) - first) / 86400_000) + 1;
  // how many requests of each profile were submitted on each day
  const tally = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = rnd.int(days) * PROFILES + rnd.int(PROFILES);
    tally.set(k, (tally.get(k) ?? 0) + 1);
  }
  const docs = new Map<string, Map<string, number>>();
  for (const [k, count] of tally) {
    const day = Math.floor(k / PROFILES);
    const p = pool[k % PROFILES];
    const createdAt = new Date(first + day * 86400_000 + 1 * 3600_000).toISOString(); // 09:00 Beijing
    const resolvedAt = p.status === 'closed' || p.status === 'resolved' ? calendar.addWorkingMinutes(new Date(createdAt), Math.round(p.wminDays * 420)).at.toISOString() : null;
    const key = contribution({ ...p, createdAt, resolvedAt }, calendar);
    for (const [doc, incs] of deltaOf(null, key)) {
      const m = docs.get(doc) ?? new Map<string, number>();
      for (const [path, v] of Object.entries(incs)) m.set(path, (m.get(path) ?? 0) + v * count);
      docs.set(doc, m);
    }
  }
  return [...docs.entries()].map(([id, fields]) => {
    const g: Record<string, unknown> = {};
    for (const [path, v] of fields) {
      const segs = path.split('.').slice(1);
      let o = g;
      for (const s of segs.slice(0, -1)) o = (o[s] ??= {}) as Record<string, unknown>;
      o[segs[segs.length - 1]] = v;
    }
    return { _id: id, kind: id[0] as CounterDoc['kind'], g, ops: [], v: 1 };
  });
}

async function benchSize(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'yszt-bench-dash-'));
  const store = openSqliteStore({ file: join(dir, 'app.db'), indexes: INDEXES, arrays: ARRAY_FIELDS });
  const ports: Ports = { store, clock: { now: () => NOW }, notifier: recordingNotifier(), contentCheck: permissiveContentCheck };
  try {
    await seedDemoDistrict(store, NOW);
    const orgs = district();
    for (const o of orgs) await store.collection<Org>(C.orgs).add(o);
    const g0 = performance.now();
    const docs = counterDocs(n, orgs);
    store.collection(C.stats); // creates the table
    const bytes = docs.reduce((n, d) => n + JSON.stringify(d).length, 0);
    store.bulkAdd(C.stats, docs);
    console.log(
      `dashboard bench, ${n.toLocaleString()} requests: ${docs.length} counter documents (${docs.filter((d) => d.kind === 'D').length} days, ` +
        `${docs.filter((d) => d.kind === 'M').length} months), ${(bytes / 1024 / 1024).toFixed(1)} MiB, generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
    );
    const fns = createFunctions(ports);
    const leader = { openid: devOpenid('u-majianguo') };
    const views: Array<[string, Record<string, unknown>]> = [
      ['本月 (month)        ', { period: 'month' }],
      ['本季度 (quarter)    ', { period: 'quarter' }],
      ['本年 (year)         ', { period: 'year' }],
      ['自定义 90 days      ', { period: 'custom', from: '2026-08-25', to: '2026-11-22' }],
      ['本月, one department', { period: 'month', departmentId: 'bd-3' }],
    ];
    for (const [label, input] of views) {
      const ms: number[] = [];
      let last: any = null;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const r = await fns.console({ action: 'stats.dashboard', ...input }, leader);
        ms.push(performance.now() - t0);
        if (!r.ok) throw new Error(`${r.code} ${r.message}`);
        last = r.data;
      }
      console.log(`  stats.dashboard ${label}: ${fmt(ms)} (${last.docsRead} documents read; collected ${last.figures.collected.toLocaleString()}, closed ${last.figures.closed.toLocaleString()})`);
    }
    const r0 = performance.now();
    const ranking = await fns.console({ action: 'rankings.compute', period: 'year' }, leader);
    if (!ranking.ok) throw new Error(ranking.message);
    console.log(`  rankings.compute (year, ${(ranking.data as any).units.length} units): ${(performance.now() - r0).toFixed(1)} ms`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDashboard() {
  for (const n of SIZES) await benchSize(n);
}

if (require.main === module) benchDashboard().catch((e) => { console.error(e); process.exit(1); });

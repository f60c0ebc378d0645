/**
 * Timers under a backlog, with every database call costing 20 ms on a fake clock (CloudBase answers
 * in 5–20 ms): each run of assign, notify and sweep keeps within its function's timeout (it stops
 * starting new work once its budget, derived from config.json, is spent), says `more: true` with
 * what is left while work remains, consecutive runs finish all of it, and the end state is the one
 * an unbudgeted run reaches.
 *
 * The backlog is made once (a few hundred requests through the real actions) and copied, so the
 * budgeted and the unbudgeted runs start from the same database. One officer per grid takes all the
 * work, so who gets a request does not depend on when it was assigned.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../adapters/sqlite-store';
import { fakeClock, permissiveContentCheck, recordingNotifier } from '../../adapters/local-ports';
import { functionTimeoutS, timerBudgetMs, type TimerName } from '../../core/budget';
import { TEMPLATE_KEYS, TEMPLATES, useDemoTemplateIds } from '../../core/notify/templates';
import { C, ARRAY_FIELDS, INDEXES } from '../../core/collections';
import { createFunctions, functionOf } from '../../core/functions';
import type { Message, OutboxEntry, ServiceRequest, User } from '../../core/model';
import type { Doc, Ports, Store } from '../../core/ports';
import { devOpenid, seedDemoDistrict } from '../../core/seed/demo-district';
import { tickingStore } from '../support/store-probes';

jest.setTimeout(300_000);

const MS_PER_CALL = 20;
/** Monday 2026-11-23, 10:00 in Beijing */
const START = '2026-11-23T02:00:00Z';
const MINUTE = 60_000;
const ENTERPRISE_USERS = ['u-linxiao', 'u-gaopeng', 'u-hejun', 'u-songya', 'u-xuming', 'u-hanmei', 'u-dengchao', 'u-caoying'];
/** the one officer of each grid who takes work; everyone else is full */
const TAKERS = ['u-zhangwei', 'u-lina', 'u-liuyang', 'u-chenjing', 'u-zhaolei', 'u-huangmin'];
const PER_USER = 30; // 240 requests

const root = mkdtempSync(join(tmpdir(), 'yszt-budget-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type World = {
  raw: SqliteStore;
  clock: ReturnType<typeof fakeClock>;
  fns: ReturnType<typeof createFunctions>;
  notifier: ReturnType<typeof recordingNotifier>;
  ticking: { on: boolean };
  budgeted: boolean;
  close(): void;
};

let files = 0;
/** a world on a database file (a fresh one, or a copy of `bytes`), its timers budgeted or not */
async function world(opts: { bytes?: Buffer; budgeted: boolean; at?: string }): Promise<World> {
  const file = join(root, `w${++files}.db`);
  if (opts.bytes) writeFileSync(file, opts.bytes);
  const raw = openSqliteStore({ file, indexes: INDEXES, arrays: ARRAY_FIELDS });
  const clock = fakeClock(opts.at ?? START);
  const ticking = { on: false };
  const store = tickingStore(raw, clock, () => (ticking.on ? MS_PER_CALL : 0));
  const notifier = recordingNotifier();
  let n = 0;
  const ports: Ports = { store, clock, notifier, contentCheck: permissiveContentCheck, newId: () => `t${files}x${++n}`, config: { submitsPerHour: 1_000_000 } };
  if (!opts.bytes) {
    await seedDemoDistrict(raw, clock.now());
    // everyone holds plenty of WeChat consents: this file measures the timers, not consent accounting
    useDemoTemplateIds();
    for (const u of await all<User>(raw, C.users)) {
      for (const key of TEMPLATE_KEYS) {
        await raw.collection(C.subscriptions).add({ _id: `${u._id}:${key}`, userId: u._id, template: key, templateId: TEMPLATES[key].templateId, credits: 1_000_000, longTerm: false, state: 'accept', always: null, mainSwitch: true, granted: 1_000_000, spent: 0, lastSpentFor: null, updatedAt: clock.now().toISOString() });
      }
    }
  }
  const fns = createFunctions(ports, opts.budgeted ? {} : { budgetMs: { assign: Infinity, notify: Infinity, sweep: Infinity } });
  return { raw, clock, fns, notifier, ticking, budgeted: opts.budgeted, close: () => raw.close() };
}

async function call(w: World, who: string, event: Record<string, unknown>) {
  const r = await w.fns[functionOf(event.action)](event, { openid: devOpenid(who) });
  if (!r.ok) throw new Error(`${who} ${String(event.action)}: ${r.code} ${r.message}`);
  return r.data as any;
}

/** every document of a collection, 100 at a time */
async function all<T extends Doc>(store: Store, name: string): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const page = await store.collection<T>(name).find({}, { orderBy: [['_id', 'asc']], skip: out.length, limit: 100 });
    out.push(...page);
    if (page.length < 100) return out;
  }
}

/** only the takers have room: everyone else who could be assigned is full */
async function onlyTakers(store: Store, capacity: number) {
  const users = store.collection<User>(C.users);
  for (const u of await all<User>(store, C.users)) {
    if (!u.roles.includes('officer') && !u.roles.includes('liaison')) continue;
    await users.update(u._id, { $set: { capacity: TAKERS.includes(u._id) ? capacity : 0 } });
  }
}

async function submitMany(w: World) {
  for (let i = 0; i < PER_USER; i++) {
    for (const who of ENTERPRISE_USERS) {
      await call(w, who, {
        action: 'request.submit', clientKey: `budget-${who}-${i}`, category: 'dianli',
        description: `第${i + 1}件：厂区用电增容报装需要协调`, photos: [], phone: '13612340001',
      });
    }
  }
}

type Run = { data: Record<string, any>; elapsedMs: number };

/** runs a timer every `everyMs` of fake time until a run says nothing more is left */
async function untilDone(w: World, fn: TimerName, everyMs: number): Promise<Run[]> {
  const runs: Run[] = [];
  const t0 = w.clock.now().getTime();
  w.ticking.on = true;
  try {
    for (let k = 0; k < 100; k++) {
      const at = t0 + k * everyMs;
      // a budgeted run never outlasts the interval between two ticks
      if (w.budgeted) expect(w.clock.now().getTime()).toBeLessThanOrEqual(at);
      w.clock.set(new Date(at));
      const r = await w.fns[fn]({ Type: 'Timer' }, null);
      if (!r.ok) throw new Error(`${fn}: ${r.code} ${r.message}`);
      runs.push({ data: r.data as Record<string, any>, elapsedMs: w.clock.now().getTime() - at });
      if (!(r.data as { more?: boolean }).more) return runs;
    }
    throw new Error(`${fn} still had more after 100 runs`);
  } finally {
    w.ticking.on = false;
  }
}

function expectWithinBudget(fn: TimerName, runs: Run[]) {
  const budget = timerBudgetMs(fn);
  const timeout = functionTimeoutS(fn) * 1000;
  for (const r of runs) {
    // it may finish the unit in hand after the budget (one request, one push), never run into the timeout
    expect(r.elapsedMs).toBeLessThan(timeout);
    expect(r.elapsedMs - budget).toBeLessThanOrEqual(1000);
  }
  // a backlog: the budget was used up and the first runs said so
  expect(runs.length).toBeGreaterThan(2);
  for (const r of runs.slice(0, -1)) {
    expect(r.data.more).toBe(true);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(budget);
  }
  expect(runs[runs.length - 1].data.more).toBeUndefined();
}

/** the state a timer leaves, without the instants (budgeted runs happen later than the single one) */
async function state(store: Store) {
  const requests = (await all<ServiceRequest>(store, C.requests)).map((r) => ({
    id: r._id, status: r.status, colour: r.colour, assigneeId: r.assigneeId, urgeCount: r.urgeCount, seq: r.seq,
    needsNotify: r.needsNotify, notifiedSeq: r.notifiedSeq, events: r.timeline.map((e) => e.type).join(','),
  }));
  const users = (await all<User>(store, C.users)).map((u) => `${u._id}:${u.openCount ?? 0}`);
  const outbox = (await all<OutboxEntry>(store, C.outbox)).map((e) => `${e._id}:${e.status}`).sort();
  const messages = (await all<Message>(store, C.messages)).map((m) => m._id).sort();
  return { requests, users, outbox, messages };
}

const pushes = (w: World) => w.notifier.sent.map((m) => `${m.openid}|${m.template}|${m.page}`).sort();

let backlog: Buffer;

beforeAll(async () => {
  // 240 requests, all with the six takers, then everything copied for each test
  const w = await world({ budgeted: true });
  await onlyTakers(w.raw, 1000);
  await submitMany(w);
  backlog = w.raw.db.serialize();
  w.close();
});

test('assign: a queue of 240 waiting requests is let in over several runs, each within its budget, ending where an unbudgeted run ends', async () => {
  const pair = await Promise.all([world({ bytes: backlog, budgeted: true }), world({ bytes: backlog, budgeted: false })]);
  for (const w of pair) {
    // give all 240 back to the queue: the takers are full, so they wait; then room is made
    const requests = w.raw.collection<ServiceRequest>(C.requests);
    for (const r of await all<ServiceRequest>(w.raw, C.requests)) {
      await requests.update(r._id, { $set: { status: 'queued', assigneeId: null, assigneeName: null, assigneeRole: null, acceptDueAt: null } });
    }
    for (const id of TAKERS) await w.raw.collection<User>(C.users).update(id, { $set: { openCount: 0 } });
  }
  const [budgeted, reference] = pair;
  const runs = await untilDone(budgeted, 'assign', MINUTE);
  const refRuns = await untilDone(reference, 'assign', MINUTE);
  expectWithinBudget('assign', runs);
  // what each run answers adds up, and `left` says how many were still queued after it
  expect(runs.reduce((s, r) => s + r.data.assigned, 0)).toBe(240);
  let queued = 240;
  for (const r of runs.slice(0, -1)) {
    queued -= r.data.assigned;
    expect(r.data.left).toEqual({ queued });
  }
  expect(refRuns.reduce((s, r) => s + r.data.assigned, 0)).toBe(240);
  expect(await state(budgeted.raw)).toEqual(await state(reference.raw));
  expect(pushes(budgeted)).toEqual(pushes(reference));
  for (const w of pair) w.close();
});

test('sweep: 240 overdue requests are coloured and urged over several runs, each within its budget, ending where an unbudgeted run ends', async () => {
  const pair = await Promise.all([world({ bytes: backlog, budgeted: true }), world({ bytes: backlog, budgeted: false })]);
  for (const w of pair) {
    for (const r of await all<ServiceRequest>(w.raw, C.requests)) await call(w, r.assigneeId!, { action: 'request.accept', id: r._id });
    // nine days later, on a working day: every request is past its 5-working-day deadline
    w.clock.set('2026-12-04T02:00:00Z');
  }
  const [budgeted, reference] = pair;
  const runs = await untilDone(budgeted, 'sweep', 5 * MINUTE);
  const refRuns = await untilDone(reference, 'sweep', 5 * MINUTE);
  expectWithinBudget('sweep', runs);
  expect(refRuns).toHaveLength(1);
  expect(runs.reduce((s, r) => s + r.data.examined, 0)).toBe(240);
  let due = 240;
  for (const r of runs.slice(0, -1)) {
    due -= r.data.examined;
    // a run that spent its budget on the last due request says more (stale visits are not counted), with nothing left to count
    expect(r.data.left).toEqual(due ? { due } : undefined);
  }
  const sum = (rs: Run[], k: string) => rs.reduce((s, r) => s + r.data[k], 0);
  for (const k of ['examined', 'colourChanges', 'urges', 'timeouts']) expect(sum(runs, k)).toBe(sum(refRuns, k));
  expect(sum(runs, 'urges')).toBe(240);
  expect(await state(budgeted.raw)).toEqual(await state(reference.raw));
  expect(pushes(budgeted)).toEqual(pushes(reference));
  for (const w of pair) w.close();
});

test('notify: 240 requests whose notices were never written are materialized and sent over several runs, each within its budget, ending where an unbudgeted run ends', async () => {
  const pair = await Promise.all([world({ bytes: backlog, budgeted: true }), world({ bytes: backlog, budgeted: false })]);
  for (const w of pair) {
    // as if every request's change had been saved and the outbox write lost (a crash between the two)
    const requests = w.raw.collection<ServiceRequest>(C.requests);
    for (const r of await all<ServiceRequest>(w.raw, C.requests)) await requests.update(r._id, { $set: { needsNotify: true, notifiedSeq: 0 } });
    for (const name of [C.outbox, C.messages]) for (const d of await all(w.raw, name)) await w.raw.collection(name).remove(d._id);
  }
  const [budgeted, reference] = pair;
  const runs = await untilDone(budgeted, 'notify', MINUTE);
  const refRuns = await untilDone(reference, 'notify', MINUTE);
  expectWithinBudget('notify', runs);
  expect(runs.reduce((s, r) => s + r.data.materialized, 0)).toBe(240);
  expect(refRuns.reduce((s, r) => s + r.data.materialized, 0)).toBe(240);
  // every run that stopped early says what is left: marked requests, due entries
  for (const r of runs.slice(0, -1)) expect(Object.keys(r.data.left).every((k) => ['marked', 'due', 'statsPending'].includes(k))).toBe(true);
  const after = await state(budgeted.raw);
  expect(after.outbox.length).toBeGreaterThan(240);
  expect(after.outbox.every((e) => e.endsWith(':sent'))).toBe(true);
  expect(after).toEqual(await state(reference.raw));
  expect(pushes(budgeted)).toEqual(pushes(reference));
  for (const w of pair) w.close();
});

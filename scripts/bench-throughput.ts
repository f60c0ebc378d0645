/**
 * Submit throughput over HTTP, as the H5 app calls the local server: CLIENTS concurrent clients
 * submit for SECONDS, every submit assigned at once (the grid's officers have room), with the
 * server as shipped (durable as SQLite's synchronous=FULL: group commit, the log's fsync off the event loop
 * before each answer; follow-ups after each answer) and the
 * three timers each ticking once mid-run. Printed beside the raw SQLite single-row insert rate at the
 * same synchronous setting, measured in the same run on the same disk, and the ratio of the two.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { startLocalServer } from '../server/app';
import { runInBackground } from '../server/follow-ups';
import { C } from '../core/collections';
import type { Enterprise, User } from '../core/model';
import { devOpenid } from '../core/seed/demo-district';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** enterprises the clients submit for: enough that none passes the 20-an-hour limit in the run */
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 3000);

/**
 * The clients' loop, on a worker thread: each submits, one at a time, until the time is up. They speak
 * HTTP/1.1 with keep-alive through node:http, as a load generator does (autocannon, wrk): fetch (undici)
 * spends about four times the CPU per request, and on a 2-core machine the clients' CPU is taken from
 * the server's.
 */
const CLIENT_LOOP = `
const http = require('node:http');
const { parentPort, workerData: { base, tokens, clients, ms } } = require('node:worker_threads');
const { hostname, port } = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const post = (token, body) => new Promise((ok, bad) => {
  const req = http.request({ host: hostname, port, path: '/api/service', method: 'POST', agent,
    headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    const chunks = [];
    res.on('data', (d) => chunks.push(d));
    res.on('end', () => { try { ok(JSON.parse(Buffer.concat(chunks).toString())); } catch (e) { bad(e); } });
    res.on('error', bad);
  });
  req.on('error', bad);
  req.end(body);
});
const latencies = [];
const starts = [];
let unassigned = 0, failed = 0, next = 0;
const begin = performance.now();
const end = begin + ms;
async function client(c) {
  for (let k = 0; performance.now() < end; k++) {
    const token = tokens[next++ % tokens.length];
    const t0 = performance.now();
    const body = await post(token, JSON.stringify({ action: 'request.submit', clientKey: 'tp-' + c + '-' + k + '-' + Date.now(), category: 'dianli', description: '基准测试诉求 ' + c + '-' + k + '：新建车间需要增容用电', photos: [], phone: '13612340001' }))
      .catch(() => ({ ok: false }));
    latencies.push(performance.now() - t0);
    starts.push(t0 - begin);
    if (!body.ok) failed++;
    else if (body.data.request.status !== 'assigned') unassigned++;
  }
}
const t0 = performance.now();
const elu0 = performance.eventLoopUtilization();
Promise.all(Array.from({ length: clients }, (_, c) => client(c))).then(() => parentPort.postMessage({ latencies, starts, unassigned, failed, seconds: (performance.now() - t0) / 1000, clientBusy: performance.eventLoopUtilization(elu0).utilization }));
`;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** raw better-sqlite3: one row (an id and a 1.5 KB JSON text, about a request's size) per autocommitted insert */
export function rawInsertRate(dir: string, synchronous: 'FULL' | 'NORMAL', ms = 3000): number {
  const db = new Database(join(dir, `raw-${synchronous}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (id, doc) VALUES (?, ?)');
  const doc = JSON.stringify({ description: '厂区新建车间需要增容用电'.repeat(40) });
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < ms) insert.run(`r${n++}`, doc);
  const rate = n / ((performance.now() - t0) / 1000);
  db.close();
  return rate;
}

export async function benchThroughput() {
  const dataDir = mkdtempSync(join(tmpdir(), 'yszt-bench-tp-'));
  // the repository: scripts/ from source, or APP_ROOT when run as the bundle bench.ts builds
  const root = process.env.APP_ROOT ?? join(__dirname, '..');
  const server = await startLocalServer({ port: 0, dataDir, h5Dir: join(root, 'dist', 'h5'), functionsDir: join(root, 'cloudfunctions'), timers: false, seed: true, log: () => {} });
  const base = `http://127.0.0.1:${server.port}`;
  try {
    // the fixture: enterprises in the grid of 张伟 and 王芳, one user each; officers with room for everything
    const store = server.ports.store;
    const template = (await store.collection<Enterprise>(C.enterprises).get('e-002'))!;
    const person = (await store.collection<User>(C.users).get('u-linxiao'))!;
    const userIds: string[] = [];
    for (let i = 0; i < ENTERPRISES; i++) {
      const e = `e-bench-${i}`;
      const u = `u-bench-${i}`;
      await store.collection<Enterprise>(C.enterprises).add({ ...template, _id: e, name: `基准企业${i}有限公司`, creditCode: `91110000BENCH${String(i).padStart(5, '0')}`, contactIds: [u], contactCount: 1 });
      await store.collection<User>(C.users).add({ ...person, _id: u, openid: devOpenid(u), name: `企业联系人${i}`, enterpriseId: e });
      userIds.push(u);
    }
    for (const id of ['u-zhangwei', 'u-wangfang']) await store.collection<User>(C.users).update(id, { $set: { capacity: 1_000_000_000 } });
    const tokens: string[] = [];
    for (const userId of userIds) {
      const r = await fetch(`${base}/dev/login`, { method: 'POST', body: JSON.stringify({ userId }) });
      tokens.push(((await r.json()) as any).data.token);
    }

    // the clients run on their own thread (this machine's other core), as browsers would be elsewhere:
    // the server's event loop does only the server's work
    // the server thread's busy time over the run: CPU per submit, which a busy machine changes less than the rate
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    // the write-ahead log's size through the run: the store keeps it near its limit (64 MiB) under a steady stream of commits
    let logPeak = 0;
    const logSize = () => { try { return statSync(join(dataDir, 'app.db-wal')).size; } catch { return 0; } };
    const sampler = setInterval(() => { logPeak = Math.max(logPeak, logSize()); }, 100);
    const clients = new Worker(CLIENT_LOOP, { eval: true, workerData: { base, tokens, clients: CLIENTS, ms: SECONDS * 1000 } });
    const done = new Promise<{ latencies: number[]; starts: number[]; unassigned: number; failed: number; seconds: number; clientBusy: number }>((ok, bad) => {
      clients.once('message', ok);
      clients.once('error', bad);
    });
    // the timers tick once each while the clients run (as croner would), on the same event loop
    const ticks: string[] = [];
    const tick = (name: 'assign' | 'notify' | 'sweep', atMs: number) => new Promise<void>((ok) => setTimeout(async () => {
      const t0 = performance.now();
      const r = await runInBackground(() => server.functions[name]({ Type: 'Timer' }, null));
      ticks.push(`${name} ${Math.round(performance.now() - t0)} ms${r.ok ? '' : ` (${r.code})`}`);
      ok();
    }, atMs));
    const [{ latencies, starts, unassigned, failed, seconds, clientBusy }] = await Promise.all([
      done,
      tick('assign', SECONDS * 250), tick('notify', SECONDS * 500), tick('sweep', SECONDS * 750),
    ]);
    clearInterval(sampler);
    const behind = Date.now();
    await server.followUpsIdle();
    const caughtUp = (Date.now() - behind) / 1000;
    const busy = performance.eventLoopUtilization(elu0);
    const cpu = process.cpuUsage(cpu0);
    // the first second is a server just started (code compiled on first use, statements prepared,
    // 50 connections opened at once): reported apart from the steady state
    const warm = latencies.filter((_, i) => starts[i] >= 1000);
    const coldMax = Math.max(...latencies.filter((_, i) => starts[i] < 1000));
    const sorted = [...warm].sort((a, b) => a - b);
    const rate = latencies.length / seconds;
    const raw = rawInsertRate(dataDir, 'FULL');
    const f = (x: number) => `${x.toFixed(1)} ms`;
    console.log(`submit throughput, ${CLIENTS} clients for ${SECONDS} s over HTTP (durable as synchronous=FULL: group commit, the log fsynced off the thread before each answer): ${Math.round(rate)}/s, ${latencies.length} submits` +
      ` (${unassigned} not assigned at once, ${failed} failed); after the first second p50 ${f(pct(sorted, 50))}, p95 ${f(pct(sorted, 95))}, p99 ${f(pct(sorted, 99))}, max ${f(sorted[sorted.length - 1])}; in the first second max ${f(coldMax)}`);
    console.log(`  timers ticking during the run: ${ticks.join(', ')}; the follow-ups of the last answers done ${caughtUp.toFixed(1)} s after the timers`);
    console.log(`  server thread busy ${(busy.utilization * 100).toFixed(0)}% of the run: ${(busy.active / latencies.length).toFixed(2)} ms per submit (its answer, its follow-ups, its share of the timers); the clients' thread busy ${(clientBusy * 100).toFixed(0)}%; ` +
      `the whole process (server, clients, fsyncs, checkpoints, GC) used ${((cpu.user + cpu.system) / 1000 / latencies.length).toFixed(2)} ms of CPU per submit (${((cpu.user + cpu.system) / (seconds * 1e4)).toFixed(0)}% of one core)`);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(`  the write-ahead log peaked at ${mb(logPeak)} during the run (${mb(logSize())} at its end); the database file is ${mb(statSync(join(dataDir, 'app.db')).size)}`);
    console.log(`  raw SQLite single-row inserts, synchronous=FULL, same disk: ${Math.round(raw)}/s; submit throughput is ${((rate / raw) * 100).toFixed(1)}% of it`);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) benchThroughput().catch((e) => { console.error(e); process.exit(1); });

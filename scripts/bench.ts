/**
 * `npm run bench`: prints figures, asserts nothing. Runs the local server on a temp data dir and
 * measures, over HTTP as the H5 app calls it:
 *  - submit → assigned latency (request.submit assigns inline; the figure is the round trip
 *    until the response says "assigned")
 *  - an officer's inbox read and a request detail read
 * then store calls per action (and the follow-ups after the answers), latency with the store delayed
 * as on CloudBase, bundle sizes and cold loads, submit throughput at 50 clients (bench-throughput.ts, run
 * as the server ships: bundled),
 * then the sweep (bench-sweep.ts) and the leaders' dashboard with 10^4 and 10^6 requests (bench-dashboard.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer } from '../server/app';
import { benchSweep } from './bench-sweep';
import { benchDashboard } from './bench-dashboard';
import { spawnSync } from 'node:child_process';
import { benchIntake } from './bench-intake';
import { functionOf } from '../core/functions';
import { builtFiles } from './function-chunks.cjs';

const N = Number(process.env.BENCH_N ?? 300);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'yszt-bench-'));
  const root = join(__dirname, '..');
  const server = await startLocalServer({ port: 0, dataDir, h5Dir: join(root, 'dist', 'h5'), functionsDir: join(root, 'cloudfunctions'), timers: false, seed: true, log: () => {}, submitsPerHour: 1_000_000 });
  const base = `http://127.0.0.1:${server.port}`;
  const login = async (userId: string) => {
    const r = await fetch(`${base}/dev/login`, { method: 'POST', body: JSON.stringify({ userId }) });
    return ((await r.json()) as any).data.token as string;
  };
  const call = async (token: string, event: object) => {
    const r = await fetch(`${base}/api/service`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(event) });
    return (await r.json()) as any;
  };
  try {
    const ent = await login('u-linxiao');
    const officers = { 'u-zhangwei': await login('u-zhangwei'), 'u-wangfang': await login('u-wangfang') } as Record<string, string>;
    const submitMs: number[] = [];
    let lastId = '';
    let lastAssignee = '';
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const r = await call(ent, { action: 'request.submit', clientKey: `bench-${i}-${Date.now()}`, category: 'dianli', description: `基准测试诉求 ${i}：用电增容`, photos: [], phone: '13612340001' });
      if (!r.ok || r.data.request.status !== 'assigned') throw new Error(`submit ${i}: ${JSON.stringify(r).slice(0, 200)}`);
      submitMs.push(performance.now() - t0);
      lastId = r.data.request._id;
      lastAssignee = r.data.request.assigneeId;
      // keep officers below capacity so every submit is assigned at once
      await call(officers[lastAssignee], { action: 'request.accept', id: lastId });
      await call(officers[lastAssignee], { action: 'request.resolve', id: lastId, result: '已处理' });
    }
    const inboxMs: number[] = [];
    const detailMs: number[] = [];
    for (let i = 0; i < 100; i++) {
      let t0 = performance.now();
      await call(officers[lastAssignee], { action: 'officer.inbox', tab: 'done' });
      inboxMs.push(performance.now() - t0);
      t0 = performance.now();
      await call(ent, { action: 'request.get', id: lastId });
      detailMs.push(performance.now() - t0);
    }
    console.log(`submit → assigned (HTTP round trip, SQLite WAL): ${fmt(submitMs)}`);
    console.log(`officer inbox read (${N} requests in the store):    ${fmt(inboxMs)}`);
    console.log(`request detail read:                                ${fmt(detailMs)}`);
    await h5OverTheWire(base);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Store calls per action, counted at the storage port on the demo district (the cost on CloudBase,
 * where each is a 5-20 ms round trip): nobody holds a WeChat consent (new work goes by SMS) and then
 * everybody does. Then the cloud function bundles' sizes.
 */
async function storeCallsPerAction() {
  const { ARRAY_FIELDS, INDEXES } = await import('../core/collections');
  const { createFunctions } = await import('../core/functions');
  const { openSqliteStore } = await import('../adapters/sqlite-store');
  const { fakeClock, permissiveContentCheck, recordingNotifier, recordingSms } = await import('../adapters/local-ports');
  const { seedDemoDistrict, devOpenid } = await import('../core/seed/demo-district');
  const { TEMPLATE_KEYS, TEMPLATES, useDemoTemplateIds } = await import('../core/notify/templates');
  useDemoTemplateIds();
  for (const consents of [false, true]) {
    const raw = openSqliteStore({ file: ':memory:', indexes: INDEXES, arrays: ARRAY_FIELDS });
    let calls = 0;
    let delay = 0;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const store = {
      collection: (name: string) => {
        const inner = raw.collection(name) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return new Proxy(inner, {
          get: (t, k) => (typeof t[k as string] === 'function'
            ? async (...a: unknown[]) => { calls++; if (delay) await sleep(delay); return t[k as string](...a); }
            : t[k as string]),
        });
      },
    } as unknown as typeof raw;
    const clock = fakeClock('2026-11-23T01:30:00Z');
    await seedDemoDistrict(raw, clock.now());
    // follow-ups (counting, notifications) are held and run after the answer, as the local server does;
    // on CloudBase the timers do them (adapters/cloudbase-main.ts)
    const held: Array<() => Promise<void>> = [];
    const fns = createFunctions({ store, clock, notifier: recordingNotifier(), sms: recordingSms(), contentCheck: permissiveContentCheck }, { followUps: (run) => { held.push(run); } });
    let followUpCalls = 0;
    let answeredMs = 0;
    const call = async (who: string, event: Record<string, unknown>) => {
      const t0 = performance.now();
      const r = await fns[functionOf(event.action)](event, { openid: devOpenid(who) });
      answeredMs = performance.now() - t0;
      if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
      const d = delay;
      delay = 0;
      const before = calls;
      while (held.length) await held.shift()!();
      followUpCalls += calls - before;
      delay = d;
      return r.data as any;
    };
    if (consents) for (const u of ['u-linxiao', 'u-zhangwei', 'u-wangfang']) for (const k of TEMPLATE_KEYS) for (let i = 0; i < 5; i++) await call(u, { action: 'notify.consent', results: { [TEMPLATES[k].templateId]: 'accept' }, source: 'request' });
    const counted = async (who: string, event: Record<string, unknown>) => {
      const before = calls;
      const after = followUpCalls;
      const data = await call(who, event);
      return { data, n: calls - before - (followUpCalls - after) };
    };
    // each action again with the store delayed, as on CloudBase (5-20 ms per database call)
    const timed = async (ms: number) => {
      delay = ms;
      // until the answer: the follow-ups run after it (their store calls are not delayed here)
      const { request } = await call('u-linxiao', { action: 'request.submit', clientKey: `bench-delay-${consents}-${ms}`, category: 'dianli', description: '厂区道路破损影响货车通行，请协调修复。', photos: [], phone: '13612340001' });
      const out: Array<[string, number]> = [['submit', answeredMs]];
      const step = async (name: string, who: string, event: Record<string, unknown>) => {
        await call(who, event);
        out.push([name, answeredMs]);
      };
      await step('accept', request.assigneeId, { action: 'request.accept', id: request._id });
      await step('progress', request.assigneeId, { action: 'request.progress', id: request._id, note: '已联系交通部门' });
      await step('resolve', request.assigneeId, { action: 'request.resolve', id: request._id, result: '道路已修复' });
      await step('confirm', 'u-linxiao', { action: 'request.confirm', id: request._id, score: 5, comment: '满意' });
      delay = 0;
      return out.map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ');
    };
    // a fresh instance reads the reference data it caches (SLA rules, orgs) once: counted apart
    const cold = await counted('u-linxiao', { action: 'request.submit', clientKey: `bench-cold-${consents}`, category: 'dianli', description: '厂区道路照明损坏，夜间货车进出不便。', photos: [], phone: '13612340001' });
    await call(cold.data.request.assigneeId, { action: 'request.accept', id: cold.data.request._id });
    followUpCalls = 0;
    const submit = await counted('u-linxiao', { action: 'request.submit', clientKey: `bench-calls-${consents}`, category: 'dianli', description: '厂区新建车间需要增容用电，报装申请提交两周仍无人联系。', photos: [], phone: '13612340001' });
    const id = submit.data.request._id;
    const officer = submit.data.request.assigneeId;
    const row: Array<[string, number]> = [['submit', submit.n]];
    row.push(['accept', (await counted(officer, { action: 'request.accept', id })).n]);
    row.push(['progress', (await counted(officer, { action: 'request.progress', id, note: '已联系供电公司现场勘察' })).n]);
    row.push(['resolve', (await counted(officer, { action: 'request.resolve', id, result: '供电公司已完成增容' })).n]);
    row.push(['confirm', (await counted('u-linxiao', { action: 'request.confirm', id, score: 5, comment: '很及时' })).n]);
    row.push(['request.mine', (await counted('u-linxiao', { action: 'request.mine' })).n]);
    row.push(['officer.inbox', (await counted(officer, { action: 'officer.inbox', tab: 'todo' })).n]);
    const loop = row.slice(0, 5).reduce((a, [, n]) => a + n, 0);
    console.log(`store calls per action (${consents ? 'everyone holds WeChat consents' : 'no WeChat consents: new work goes by SMS'}): ${row.map(([k, n]) => `${k} ${n}`).join(', ')}` +
      `; a fresh instance's first submit ${cold.n}; the follow-ups after the answers of the five loop actions (${loop} calls) ${followUpCalls} more`);
    for (const ms of [10, 20]) console.log(`  answered with the store at ${ms} ms per call: ${await timed(ms)}`);
    raw.close();
  }
  const { statSync, readdirSync, existsSync } = await import('node:fs');
  // built now from the tree as it is: bundles left by an earlier build would report an older lexicon or core
  const built = spawnSync(process.execPath, [join(__dirname, 'build-functions.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error(`npm run build:functions failed (${built.status ?? built.signal})`);
  const dir = join(__dirname, '..', 'cloudfunctions');
  const kib = (n: string, f: string) => `${(statSync(join(dir, n, f)).size / 1024).toFixed(1)} KiB`;
  // index.js, and beside it what the function loads on first use only (scripts/function-chunks.cjs)
  const sizes = readdirSync(dir).filter((n) => existsSync(join(dir, n, 'index.js'))).map((n) =>
    [`${n} ${kib(n, 'index.js')}`, ...builtFiles(n).slice(1).map((f) => `(+ ${f} ${kib(n, f)} on first use)`)].join(' '));
  console.log(`cloud function bundles: ${sizes.join(', ')}`);
  // cold module load: require each bundle in a fresh Node (wx-server-sdk stubbed: it is installed in the cloud and not counted)
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const stub = mkdtempSync(join(tmpdir(), 'yszt-sdk-'));
  mkdirSync(join(stub, 'wx-server-sdk'));
  writeFileSync(join(stub, 'wx-server-sdk', 'index.js'), 'module.exports = { DYNAMIC_CURRENT_ENV: Symbol("env"), init() {}, getWXContext() { return {}; } };');
  // the best of 3 fresh Nodes timing one require of a built file (wx-server-sdk loaded first, untimed)
  const loadMs = (n: string, f: string) => Math.min(...[1, 2, 3].map(() => Number(execFileSync(process.execPath, ['-e',
    `require("wx-server-sdk");const t=process.hrtime.bigint();require(${JSON.stringify(join(dir, n, f))});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
  { env: { ...process.env, NODE_PATH: stub } }).toString()))).toFixed(0);
  const loads = readdirSync(dir).filter((n) => existsSync(join(dir, n, 'index.js'))).map((n) =>
    // a chunk's load is paid by the first call that needs it (sheets: the first workbook read or written)
    [`${n} ${loadMs(n, 'index.js')} ms`, ...builtFiles(n).slice(1).map((f) => `(+ ${f} ${loadMs(n, f)} ms on first use)`)].join(' '));
  rmSync(stub, { recursive: true, force: true });
  console.log(`cold module load of each bundle (best of 3, Node ${process.versions.node}): ${loads.join(', ')}`);
}

/**
 * What the H5 first page loads before it runs (index.html and its entry scripts and styles), as the
 * server sends it to a browser that accepts brotli, then gzip, then nothing; the page's own chunk
 * comes after. Read over HTTP, so it is what leaves the server (precompressed at build).
 */
async function h5OverTheWire(base: string) {
  const html = await (await fetch(`${base}/`)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/(?:js|css)\/[^"]+)"/g)].map((m) => m[1]);
  const { request } = await import('node:http');
  const size = (path: string, enc: string) => new Promise<number>((resolve, reject) => {
    const u = new URL(path, base);
    request({ host: u.hostname, port: u.port, path: u.pathname, headers: enc ? { 'accept-encoding': enc } : {} }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => { n += c.length; });
      res.on('end', () => resolve(n));
    }).on('error', reject).end();
  });
  const sum = async (enc: string) => (await Promise.all(assets.map((a) => size(a, enc)))).reduce((x, y) => x + y, 0);
  const js = assets.filter((a) => a.endsWith('.js'));
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`H5 first page, index.html's ${js.length} scripts and ${assets.length - js.length} stylesheets over the wire: brotli ${kib(await sum('br'))}, gzip ${kib(await sum('gzip'))}, uncompressed ${kib(await sum(''))}`);
}

/**
 * The throughput run measures the server as `npm start` runs it: one esbuild bundle
 * (scripts/build-server.mjs), not this process's tsx. Built beside the server's bundle and run in its
 * own process, so nothing this bench loaded before shares its heap or its event loop.
 */
async function throughputAsShipped() {
  const { bundleNode, root } = await import('./build-server.mjs');
  const out = await bundleNode(join(root, 'scripts', 'bench-throughput.ts'), join(root, 'dist', 'bench', 'throughput.cjs'));
  const r = spawnSync(process.execPath, ['--enable-source-maps', out], { stdio: 'inherit', env: { ...process.env, APP_ROOT: root } });
  if (r.status !== 0) throw new Error(`the throughput bench failed (${r.status ?? r.signal})`);
}

main()
  .then(() => storeCallsPerAction())
  .then(() => throughputAsShipped())
  .then(() => benchSweep())
  .then(() => benchDashboard())
  .then(() => benchIntake())
  .catch((e) => { console.error(e); process.exit(1); });

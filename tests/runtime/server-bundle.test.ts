/**
 * `npm start` runs the local server as one esbuild bundle (scripts/build-server.mjs), not through
 * tsx. This builds that bundle and runs it as start.mjs does, in its own process on a fresh data
 * directory: it must start, sign a demo user in, and answer an action and a submit from the bundled
 * core. A module the bundle cannot carry (a dynamic require, a file read beside the source) fails here
 * rather than on a district's server.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'server', 'main.cjs');
let child: ChildProcess | null = null;
let dataDir = '';

afterAll(() => {
  child?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the bundled server starts and answers as the sources do', async () => {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-server.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect({ status: built.status, stderr: built.stderr }).toEqual({ status: 0, stderr: '' });

  dataDir = mkdtempSync(join(tmpdir(), 'yszt-bundle-'));
  const proc = spawn(process.execPath, ['--enable-source-maps', BUNDLE], {
    cwd: ROOT, env: { ...process.env, PORT: '0', DATA_DIR: dataDir, APP_ROOT: ROOT, SEED: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  const base = await new Promise<string>((ok, bad) => {
    const timer = setTimeout(() => bad(new Error(`no start line in 20 s:\n${out}`)), 20_000);
    const read = (d: Buffer) => {
      out += d.toString();
      const m = /local mode[^\n]*?(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) { clearTimeout(timer); ok(m[1]); }
    };
    proc.stdout!.on('data', read);
    proc.stderr!.on('data', read);
    proc.once('exit', (code) => { clearTimeout(timer); bad(new Error(`exited ${code}:\n${out}`)); });
  });

  const login = await (await fetch(`${base}/dev/login`, { method: 'POST', body: JSON.stringify({ userId: 'u-linxiao' }) })).json() as any;
  expect(login.ok).toBe(true);
  const call = async (body: object) => (await fetch(`${base}/api/service`, {
    method: 'POST', headers: { authorization: `Bearer ${login.data.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  })).json() as Promise<any>;
  const me = await call({ action: 'me' });
  expect({ ok: me.ok, id: me.data?.user?.id }).toEqual({ ok: true, id: 'u-linxiao' });
  const sent = await call({ action: 'request.submit', clientKey: `bundle-${Date.now()}`, category: 'dianli', description: '打包后的服务也能受理：新建车间需要增容用电', photos: [], phone: '13612340001' });
  expect({ ok: sent.ok, code: sent.code }).toEqual({ ok: true, code: undefined });
  expect(sent.data.request.no).toMatch(/\d/);
}, 60_000);

// `npm start`: builds the H5 app if it is missing (or older than src/), then runs the local server.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'h5', 'index.html');

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = !existsSync(built) || newestMtime(join(root, 'src')) > statSync(built).mtimeMs;
if (stale) {
  console.log('building the H5 app (first start or src/ changed)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // served precompressed (brotli, gzip) like any production web app
  const c = spawnSync(process.execPath, [join(root, 'scripts', 'precompress.mjs'), join(root, 'dist', 'h5')], { cwd: root, stdio: 'inherit' });
  if (c.status !== 0) process.exit(c.status ?? 1);
}
// the server runs as one bundle (scripts/build-server.mjs), rebuilt when its sources changed
const { serverStale, bundleNode, serverBundle } = await import('./build-server.mjs');
if (serverStale()) await bundleNode(join(root, 'server', 'main.ts'), serverBundle);
const child = spawn(process.execPath, ['--enable-source-maps', serverBundle], { cwd: root, stdio: 'inherit', env: { ...process.env, APP_ROOT: root } });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

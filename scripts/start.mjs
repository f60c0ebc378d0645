// `npm start`: builds the H5 app if it is missing (or older than src/), then runs the local server.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNode, newestMtime, serverBundle, serverStale } from './build-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'h5', 'index.html');

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
if (serverStale()) await bundleNode(join(root, 'server', 'main.ts'), serverBundle);
const child = spawn(process.execPath, ['--enable-source-maps', serverBundle], { cwd: root, stdio: 'inherit', env: { ...process.env, APP_ROOT: root } });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

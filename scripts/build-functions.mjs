// Bundles each cloud function's main.ts (with the core and adapters) into a self-contained
// index.js that WeChat DevTools uploads as it is; wx-server-sdk stays external (installed in the cloud).
import { build } from 'esbuild';
import { readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fnRoot = join(root, 'cloudfunctions');
const names = readdirSync(fnRoot).filter((n) => existsSync(join(fnRoot, n, 'main.ts')));
for (const name of names) {
  const outfile = join(fnRoot, name, 'index.js');
  await build({
    entryPoints: [join(fnRoot, name, 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`cloudfunctions/${name}/index.js ${(statSync(outfile).size / 1024).toFixed(1)} KiB`);
}

// The local server (`npm start`) and the throughput bench run as one esbuild bundle, as the cloud
// functions do (scripts/build-functions.mjs), rather than through tsx: no TypeScript compiled at
// start, and no helper wrapped around every function the way tsx keeps names (a tenth of a submit's
// CPU under load). better-sqlite3 stays external: a native module, loaded from node_modules.
//   node scripts/build-server.mjs            → dist/server/main.cjs (what npm start runs)
//   bundleNode(entry, outfile)                → any other entry (the bench)
import { build } from 'esbuild';
import { statSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = join(root, 'dist', 'server', 'main.cjs');
/** what the server is made of: a change in any of these makes the bundle stale */
const SOURCES = ['core', 'adapters', 'server', 'config'].map((d) => join(root, d));

/** the newest modification time under a folder (what start.mjs compares its builds against) */
export function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function serverStale() {
  if (!existsSync(serverBundle)) return true;
  const built = statSync(serverBundle).mtimeMs;
  return SOURCES.some((d) => existsSync(d) && newestMtime(d) > built) || statSync(join(root, 'package-lock.json')).mtimeMs > built;
}

export async function bundleNode(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    format: 'cjs',
    external: ['better-sqlite3'],
    // stack traces name the TypeScript source (node --enable-source-maps)
    sourcemap: 'linked',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleNode(join(root, 'server', 'main.ts'), serverBundle);
  console.log(`dist/server/main.cjs ${(statSync(serverBundle).size / 1024).toFixed(1)} KiB`);
}

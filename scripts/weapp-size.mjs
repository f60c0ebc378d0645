#!/usr/bin/env node
// Prints the package sizes of the weapp build (main package, each subpackage, total, against WeChat's
// 2 MB / 2 MB / 20 MB limits) and the total JS size of the H5 build. Run after `npm run build`.
// The accounting matches tests/build/sizes.ts (every file counts; a file belongs to the subpackage whose
// root folder holds it, anything else to the main package); kept in plain JS so it needs no TS loader.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// folders to measure: `node scripts/weapp-size.mjs [weapp dir] [h5 dir]` (parallel builds use their own OUTPUT_ROOT)
const weapp = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist/weapp');
const h5 = process.argv[3] ? resolve(process.argv[3]) : join(root, 'dist/h5');
const MiB = 1024 * 1024;
const LIMITS = { main: 2 * MiB, subpackage: 2 * MiB, total: 20 * MiB };
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function walkFiles(dir, rel = '', out = []) {
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walkFiles(dir, r, out);
    else if (entry.isFile()) out.push({ rel: r, size: statSync(join(dir, r)).size });
  }
  return out;
}

let failed = false;
const row = (label, bytes, files, limit) => {
  const over = limit !== undefined && bytes > limit;
  if (over) failed = true;
  const limitText = limit === undefined ? '' : ` / ${kib(limit)}${over ? '  OVER LIMIT' : ''}`;
  console.log(`  ${label.padEnd(20)} ${kib(bytes).padStart(12)}${files === undefined ? '' : ` ${String(files).padStart(4)} files`}${limitText}`);
};

if (existsSync(join(weapp, 'app.json'))) {
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'));
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => ({
    root: `${s.root.replace(/^\/+|\/+$/g, '')}/`,
    size: 0,
    files: 0,
  }));
  const main = { size: 0, files: 0 };
  let total = 0;
  for (const f of walkFiles(weapp)) {
    total += f.size;
    const owner = subs.find((s) => f.rel.startsWith(s.root)) ?? main;
    owner.size += f.size;
    owner.files += 1;
  }
  console.log(`${relative(root, weapp) || '.'} (WeChat mini-program):`);
  row('main package', main.size, main.files, LIMITS.main);
  for (const s of subs) row(s.root, s.size, s.files, LIMITS.subpackage);
  row('total', total, undefined, LIMITS.total);
} else {
  console.log(`${relative(root, weapp)}: not built (run \`npm run build:weapp\`)`);
  failed = true;
}

const h5Js = existsSync(h5) ? walkFiles(h5).filter((f) => f.rel.endsWith('.js')) : [];
if (h5Js.length > 0) {
  console.log(`${relative(root, h5)}:`);
  row('JavaScript', h5Js.reduce((n, f) => n + f.size, 0), h5Js.length);
} else {
  console.log(`${relative(root, h5)}: not built (run \`npm run build:h5\`)`);
}

process.exitCode = failed ? 1 : 0;

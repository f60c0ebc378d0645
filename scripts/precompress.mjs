/**
 * Precompresses the H5 build once, at build time, so the server never compresses per request:
 * every .js, .css, .svg and .json of at least 1 KiB gets a .br (brotli, quality 11) and a .gz
 * (gzip, level 9) beside it, kept only when smaller. The local server (server/app.ts, sirv with
 * brotli and gzip) sends the smallest one the browser accepts. index.html is left alone: it is
 * small, and a watch rebuild (npm run dev:h5) rewrites it without this step, so a stale .br of it
 * would be served; the other files carry their content hash in their names.
 *
 *   node scripts/precompress.mjs [dir]     (default: $OUTPUT_ROOT or dist/h5)
 *
 * Prints the totals.
 */
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = resolve(process.argv[2] ?? process.env.OUTPUT_ROOT ?? 'dist/h5');
const TYPES = new Set(['.js', '.css', '.svg', '.json']);
const MIN = 1024;

function* files(d) {
  for (const name of readdirSync(d)) {
    const full = join(d, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

if (!existsSync(dir)) {
  console.error(`precompress: ${dir} does not exist (build the H5 app first)`);
  process.exit(1);
}

const totals = { raw: 0, br: 0, gz: 0, files: 0 };
for (const file of [...files(dir)]) {
  if (!TYPES.has(extname(file))) continue;
  const bytes = readFileSync(file);
  for (const old of [`${file}.br`, `${file}.gz`]) if (existsSync(old)) unlinkSync(old);
  if (bytes.length < MIN) continue;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  const gz = gzipSync(bytes, { level: 9 });
  if (br.length < bytes.length) writeFileSync(`${file}.br`, br);
  if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz);
  totals.files++;
  totals.raw += bytes.length;
  totals.br += Math.min(br.length, bytes.length);
  totals.gz += Math.min(gz.length, bytes.length);
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`precompressed ${totals.files} files in ${dir}: ${kib(totals.raw)} → brotli ${kib(totals.br)}, gzip ${kib(totals.gz)}`);

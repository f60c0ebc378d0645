// Bundles each cloud function's main.ts (with the core and adapters) into a self-contained
// index.js that WeChat DevTools uploads as it is; wx-server-sdk stays external (installed in the cloud).
//
// Runtime: deployers create every function with CloudBase's Nodejs16.13 runtime (README); Nodejs18.15
// runs the same bundles (tests/runtime runs them on both). The bundles are built for the oldest
// runtime we support, so one build serves both. Building for a newer Node than a supported runtime,
// or a config.json declaring a runtime we do not build for, fails the build here; a function created
// with an older runtime answers every call with a Chinese error saying which runtime to choose
// (adapters/cloudbase-main.ts runtimeProblem, fed the same minimum through `define`).
import { build, buildSync } from 'esbuild';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { readdirSync, existsSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/** CloudBase runtime name → the Node.js version it runs (云开发控制台 → 运行环境) */
export const RUNTIMES = { 'Nodejs16.13': '16.13', 'Nodejs18.15': '18.15' };
/** the runtime the README tells deployers to choose */
export const DEPLOY_RUNTIME = 'Nodejs16.13';
/**
 * The Node.js the bundles are built for: the oldest supported runtime. FUNCTIONS_TARGET_NODE exists
 * only so tests/runtime can show that building for a newer one fails.
 */
export const TARGET_NODE = process.env.FUNCTIONS_TARGET_NODE || '16.13';

const cmp = (a, b) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
};

function fail(message) {
  console.error(`\nbuild-functions: ${message}\n`);
  process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fnRoot = join(root, 'cloudfunctions');
const names = readdirSync(fnRoot).filter((n) => existsSync(join(fnRoot, n, 'main.ts')));

for (const [runtime, node] of Object.entries(RUNTIMES)) {
  if (cmp(TARGET_NODE, node) > 0) fail(`the bundles target Node ${TARGET_NODE}, newer than ${runtime} (Node ${node}) which they must run on; build for node${node} or drop ${runtime} from RUNTIMES and the README`);
}
if (!RUNTIMES[DEPLOY_RUNTIME]) fail(`DEPLOY_RUNTIME ${DEPLOY_RUNTIME} is not one of ${Object.keys(RUNTIMES).join(', ')}`);
for (const name of names) {
  const file = join(fnRoot, name, 'config.json');
  const config = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (config.runtime !== undefined && !RUNTIMES[config.runtime]) {
    fail(`cloudfunctions/${name}/config.json declares runtime ${JSON.stringify(config.runtime)}; the bundles are built and tested for ${Object.keys(RUNTIMES).join(' and ')} only`);
  }
}

/**
 * Packages the bundles need in name only: exceljs's streaming archiver and unzipper (the sheets function
 * writes and reads whole workbooks, through jszip). Replaced only where exceljs asks for them.
 */
const SHIMS = [
  // exceljs's streaming writer and reader only; whole workbooks go through jszip (about 450 KB of the sheets bundle)
  { module: 'archiver', importer: /[\\/]node_modules[\\/]exceljs[\\/]/, file: 'exceljs-streams.cjs' },
  { module: 'unzipper', importer: /[\\/]node_modules[\\/]exceljs[\\/]/, file: 'exceljs-streams.cjs' },
];
const shims = {
  name: 'shims',
  setup(b) {
    for (const s of SHIMS) {
      b.onResolve({ filter: new RegExp(`^${s.module}$`) }, (args) =>
        s.importer.test(args.importer) ? { path: join(root, 'scripts', 'bundle-shims', s.file) } : undefined);
    }
  },
};

/** chinese-days' JSON (43 KiB) as the small module of scripts/compact-holidays.cjs: the same dates and Chinese names */
const require = createRequire(import.meta.url);
const { compactHolidaysModule } = require('./compact-holidays.cjs');
const holidays = {
  name: 'compact-holidays',
  setup(b) {
    b.onLoad({ filter: /[\\/]chinese-days[\\/]dist[\\/]chinese-days\.json$/ }, (args) => ({
      contents: compactHolidaysModule(JSON.parse(readFileSync(args.path, 'utf8'))),
      loader: 'js',
    }));
  },
};

/**
 * The duplicate lexicon (core/intake/dup-lexicon.ts, about 70 KiB of Chinese words) as the brotli-compressed
 * JSON of its exports, decompressed once when a call first clusters (core/desk/duplicate-clusters.ts loads the detector then): the same
 * data in a third of the bytes. Its Sets are sent as arrays.
 */
const lexiconSource = join(root, 'core', 'intake', 'dup-lexicon.ts');
/** 85 printable ASCII characters that need no escape in a JSON string (no quote, no backslash, no space) */
const B85 = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).filter((c) => c !== '"' && c !== '\\' && c !== "'").join('').slice(0, 85);
function b85(bytes) {
  const padded = Buffer.concat([bytes, Buffer.alloc((4 - (bytes.length % 4)) % 4)]);
  let out = '';
  for (let i = 0; i < padded.length; i += 4) {
    let v = padded.readUInt32BE(i);
    const chunk = new Array(5);
    for (let j = 4; j >= 0; j--) { chunk[j] = B85[v % 85]; v = Math.floor(v / 85); }
    out += chunk.join('');
  }
  return out;
}
const lexiconModule = (() => {
  const out = buildSync({ entryPoints: [lexiconSource], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  const data = {};
  const sets = [];
  for (const [k, v] of Object.entries(mod.exports)) {
    if (v instanceof Set) { sets.push(k); data[k] = [...v]; } else data[k] = v;
  }
  const bytes = brotliCompressSync(Buffer.from(JSON.stringify(data), 'utf8'), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT } });
  return [
    "import { brotliDecompressSync } from 'zlib';",
    // base 85 rather than base64: 5 characters for 4 bytes instead of 6 for 4 (a twelfth fewer bytes in the bundle)
    `const A = ${JSON.stringify(B85)};`,
    `const s = ${JSON.stringify(b85(bytes))};`,
    'const b = Buffer.alloc(s.length / 5 * 4);',
    // each character's digit by its code, looked up rather than searched for
    'const T = new Uint8Array(128); for (let i = 0; i < 85; i++) T[A.charCodeAt(i)] = i;',
    'for (let i = 0, o = 0; i < s.length; i += 5, o += 4) { let v = 0; for (let j = 0; j < 5; j++) v = v * 85 + T[s.charCodeAt(i + j)]; b.writeUInt32BE(v, o); }',
    `const d = JSON.parse(brotliDecompressSync(b.subarray(0, ${bytes.length})).toString('utf8'));`,
    ...Object.keys(data).map((k) => `export const ${k} = ${sets.includes(k) ? `new Set(d.${k})` : `d.${k}`};`),
  ].join('\n');
})();
const lexicon = {
  name: 'compressed-lexicon',
  setup(b) {
    b.onLoad({ filter: /[\\/]core[\\/]intake[\\/]dup-lexicon\.ts$/ }, () => ({ contents: lexiconModule, loader: 'js' }));
  },
};

const { CHUNKS } = require('./function-chunks.cjs');
/** `import … from '<module>'` in this function's code becomes `require('./<file>')`, built below */
const chunkedAway = (chunks) => ({
  name: 'chunks',
  setup(b) {
    for (const c of chunks) b.onResolve({ filter: new RegExp(`^${c.module}$`) }, () => ({ path: `./${c.file}`, external: true }));
  },
});
const common = {
  bundle: true,
  platform: 'node',
  target: `node${TARGET_NODE}`,
  format: 'cjs',
  minify: true,
  // Chinese text as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6): the messages, the
  // taxonomy and the duplicate lexicon are most of what a bundle says; Node reads source as UTF-8
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
};

for (const name of names) {
  const outfile = join(fnRoot, name, 'index.js');
  const chunks = CHUNKS.filter((c) => c.fn === name);
  const result = await build({
    ...common,
    entryPoints: [join(fnRoot, name, 'main.ts')],
    outfile,
    external: ['wx-server-sdk'],
    define: { __CLOUDBASE_MIN_NODE__: JSON.stringify(TARGET_NODE) },
    plugins: [shims, holidays, lexicon, chunkedAway(chunks)],
    metafile: !!process.env.FUNCTIONS_METAFILE,
  });
  // FUNCTIONS_METAFILE=1: what each bundle is made of, for esbuild's analyser (https://esbuild.github.io/analyze/)
  if (result.metafile) writeFileSync(join(fnRoot, name, 'meta.json'), JSON.stringify(result.metafile));
  console.log(`cloudfunctions/${name}/index.js ${(statSync(outfile).size / 1024).toFixed(1)} KiB`);
  for (const c of chunks) {
    const chunk = join(fnRoot, name, c.file);
    await build({ ...common, entryPoints: [require.resolve(c.module)], outfile: chunk, plugins: [shims] });
    console.log(`cloudfunctions/${name}/${c.file} ${(statSync(chunk).size / 1024).toFixed(1)} KiB (loaded on first use)`);
  }
}

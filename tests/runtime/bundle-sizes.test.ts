/**
 * Issue 12's size budgets, on the bundles `npm run build:functions` made (npm test builds them
 * first): every cloud function at most 300 KB, the spreadsheet function (imports and exports, its
 * index.js and the exceljs.js it loads on first use) at most 1 MB. Sizes are counts, not times: the
 * same on every machine. The bench prints them too; this stops a stop from landing over budget
 * unnoticed (the duplicate lexicon once grew the console function to 312.8 KiB).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { builtFiles } from '../support/function-files';

const ROOT = join(__dirname, '..', '..', 'cloudfunctions');
const BUDGET: Record<string, number> = { sheets: 1_000_000 };
const DEFAULT_BUDGET = 300_000;
/** sheets' index.js without exceljs: what its every call and cold start load */
const SHEETS_INDEX_BUDGET = 400_000;

const functions = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'main.ts')));
const size = (name: string, file: string) => statSync(join(ROOT, name, file)).size;

test('every function has its built files (npm run build:functions)', () => {
  expect(functions.length).toBeGreaterThanOrEqual(7);
  for (const name of functions) {
    for (const file of builtFiles(name)) expect({ name, file, built: existsSync(join(ROOT, name, file)) }).toEqual({ name, file, built: true });
  }
});

test.each(functions)('the %s function, all its built files together, is within its budget', (name) => {
  const missing = builtFiles(name).filter((f) => !existsSync(join(ROOT, name, f)));
  if (missing.length) throw new Error(`cloudfunctions/${name}/${missing.join(', ')} missing: run npm run build:functions`);
  const bytes = builtFiles(name).reduce((sum, f) => sum + size(name, f), 0);
  expect({ name, bytes, withinBudget: bytes <= (BUDGET[name] ?? DEFAULT_BUDGET) }).toEqual({ name, bytes, withinBudget: true });
});

test('the sheets function loads exceljs only on first use: index.js, what every call and cold start parse, does not hold it', () => {
  expect(builtFiles('sheets')).toContain('exceljs.js');
  const index = readFileSync(join(ROOT, 'sheets', 'index.js'), 'utf8');
  expect(index).toContain('require("./exceljs.js")');
  // a path every exceljs workbook writes
  expect(index).not.toContain('xl/workbook.xml');
  expect(readFileSync(join(ROOT, 'sheets', 'exceljs.js'), 'utf8')).toContain('xl/workbook.xml');
  expect({ withinBudget: Buffer.byteLength(index) <= SHEETS_INDEX_BUDGET }).toEqual({ withinBudget: true });
});

test('a cold start of sheets parses no exceljs and decompresses no duplicate lexicon: each waits for the first call that needs it', () => {
  // wx-server-sdk is installed in the cloud: a stand-in, as the bench's cold loads use
  const stub = mkdtempSync(join(tmpdir(), 'yszt-sdk-'));
  try {
    mkdirSync(join(stub, 'wx-server-sdk'));
    writeFileSync(join(stub, 'wx-server-sdk', 'index.js'), 'module.exports = { DYNAMIC_CURRENT_ENV: Symbol("env"), init() {}, getWXContext() { return {}; } };');
    const probe = [
      "const zlib = require('zlib'); let inflated = 0; const inflate = zlib.brotliDecompressSync;",
      'zlib.brotliDecompressSync = (...a) => { inflated++; return inflate(...a); };',
      "const Module = require('module'); const asked = []; const load = Module._load;",
      'Module._load = function (request, ...rest) { asked.push(request); return load.call(this, request, ...rest); };',
      `const fn = require(${JSON.stringify(join(ROOT, 'sheets', 'index.js'))});`,
      "console.log(JSON.stringify({ main: typeof fn.main, inflated, exceljs: asked.filter((r) => r.includes('exceljs')) }));",
    ].join('\n');
    const out = JSON.parse(execFileSync(process.execPath, ['-e', probe], { env: { ...process.env, NODE_PATH: stub } }).toString());
    expect(out).toEqual({ main: 'function', inflated: 0, exceljs: [] });
  } finally {
    rmSync(stub, { recursive: true, force: true });
  }
});

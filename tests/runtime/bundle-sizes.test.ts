/**
 * Issue 12's size budgets, on the bundles `npm run build:functions` made (npm test builds them
 * first): every cloud function at most 300 KB, the spreadsheet function (imports and exports, its
 * index.js and the exceljs.js it loads on first use) at most 1 MB. Sizes are counts, not times: the
 * same on every machine. The bench prints them too; this stops a stop from landing over budget
 * unnoticed (the duplicate lexicon once grew the console function to 312.8 KiB).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
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

/**
 * Issue 12's size budgets, on the bundles `npm run build:functions` made (npm test builds them
 * first): every cloud function at most 300 KB, the spreadsheet function (imports and exports, with
 * exceljs) at most 1 MB. Sizes are counts, not times: the same on every machine. The bench prints
 * them too; this stops a stop from landing over budget unnoticed (the duplicate lexicon once grew
 * the console function to 312.8 KiB).
 */
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..', 'cloudfunctions');
const BUDGET: Record<string, number> = { sheets: 1_000_000 };
const DEFAULT_BUDGET = 300_000;

const functions = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'main.ts')));

test('every function has a built bundle (npm run build:functions)', () => {
  expect(functions.length).toBeGreaterThanOrEqual(7);
  for (const name of functions) expect({ name, built: existsSync(join(ROOT, name, 'index.js')) }).toEqual({ name, built: true });
});

test.each(functions)('the %s bundle is within its budget', (name) => {
  const file = join(ROOT, name, 'index.js');
  if (!existsSync(file)) throw new Error(`cloudfunctions/${name}/index.js is missing: run npm run build:functions`);
  const bytes = statSync(file).size;
  expect({ name, bytes, withinBudget: bytes <= (BUDGET[name] ?? DEFAULT_BUDGET) }).toEqual({ name, bytes, withinBudget: true });
});

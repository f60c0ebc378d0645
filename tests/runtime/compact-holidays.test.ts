/**
 * The holiday schedule the cloud functions bundle (scripts/compact-holidays.cjs, applied by
 * scripts/build-functions.mjs) is chinese-days' schedule, date for date, with the Chinese names the
 * calendar reads (core/sla/calendar.ts chineseName takes the only field as it takes the second).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { transformSync } from 'esbuild';
import chineseDays from 'chinese-days/dist/chinese-days.json';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { compactHolidaysModule, chineseName } = require('../../scripts/compact-holidays.cjs') as {
  compactHolidaysModule(json: unknown): string;
  chineseName(entry: string): string;
};

type Schedule = { holidays: Record<string, string>; workdays: Record<string, string> };
const lib = chineseDays as unknown as Schedule;

/** what the bundled module exports, evaluated as the bundle would (minified, CommonJS) */
function loadCompact(): Schedule {
  const { code } = transformSync(compactHolidaysModule(lib), { format: 'cjs', minify: true, loader: 'js' });
  const module = { exports: {} as { default: Schedule } };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports.default;
}

const byName = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([d, v]) => [d, chineseName(v)]));

describe('the bundled holiday schedule', () => {
  const compact = loadCompact();

  it('holds every holiday and adjusted working day of chinese-days, and nothing else, with its Chinese name', () => {
    expect(Object.keys(lib.holidays).length).toBeGreaterThan(500);
    expect(compact.holidays).toEqual(byName(lib.holidays));
    expect(compact.workdays).toEqual(byName(lib.workdays));
    expect(compact.holidays['2026-10-01']).toBe('国庆节');
    expect(compact.workdays['2026-02-14']).toBe('春节');
  });

  it('is a fraction of the JSON it replaces', () => {
    const json = readFileSync(join(__dirname, '..', '..', 'node_modules', 'chinese-days', 'dist', 'chinese-days.json'), 'utf8');
    const { code } = transformSync(compactHolidaysModule(lib), { format: 'cjs', minify: true, loader: 'js' });
    expect(code.length).toBeLessThan(json.length / 4);
  });
});

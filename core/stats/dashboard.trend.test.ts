/**
 * The dashboard's daily 按期办结率 (issue 14): a day with nothing answered (nothing to measure) has
 * no rate, null, not 0% or 100%; and the page's chart draws no point there and does not join the
 * line across it (src/subpkg-leader/dashboard/charts.ts trendOption).
 */
import { seededDistrict } from '../../tests/support/seeded';
import { trendOption } from '../../src/subpkg-leader/dashboard/charts';

const w = seededDistrict();

type Point = { key: string; collected: number; closed: number; onTimeRate: number | null };

test('a day with nothing measured has no 按期办结率, and the line breaks there', async () => {
  for (const period of ['month', 'year'] as const) {
    const d = await w.as('u-majianguo', { action: 'stats.dashboard', period });
    const trend = d.trend as Point[];
    // nothing answered that day (or month): nothing to measure
    for (const p of trend) if (!p.closed) expect([p.key, p.onTimeRate]).toEqual([p.key, null]);
    const measured = trend.filter((p) => p.onTimeRate !== null);
    expect(measured.length).toBeGreaterThan(0);
    expect(measured.length).toBeLessThan(trend.length);

    const line = (trendOption(d).series as Array<{ type: string; connectNulls?: boolean; data: Array<number | null> }>).find((s) => s.type === 'line')!;
    expect(line.connectNulls).toBe(false);
    expect(line.data).toEqual(trend.map((p) => (p.onTimeRate === null ? null : Math.round(p.onTimeRate * 1000) / 10)));
  }
  // the seeded month: answered requests on a few days only, empty days between them
  const month = (await w.as('u-majianguo', { action: 'stats.dashboard', period: 'month' })).trend as Point[];
  const first = month.findIndex((p) => p.onTimeRate !== null);
  const last = month.length - 1 - [...month].reverse().findIndex((p) => p.onTimeRate !== null);
  expect(month.slice(first, last + 1).some((p) => p.onTimeRate === null)).toBe(true);
});

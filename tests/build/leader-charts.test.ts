/**
 * The chart library lives only in the leaders' sub-package of the weapp build: the main package
 * (which every user downloads first) and the other sub-packages carry none of ECharts, and the
 * leaders' sub-package stays within WeChat's 2 MB. WEAPP_DIR picks the build (default dist/weapp).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LIMITS, kib, walkFiles, weappSizes } from './sizes';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.resolve(ROOT, process.env.WEAPP_DIR ?? 'dist/weapp');
const built = fs.existsSync(path.join(DIST, 'app.json'));
/** a string every ECharts build carries (its instance key) */
const ECHARTS_MARK = '_echarts_instance_';

jest.setTimeout(300_000);
(built ? describe : describe.skip)('charts in the weapp build', () => {
  const app = built ? JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) : { subPackages: [] };
  const subs: { root: string; pages: string[] }[] = app.subPackages ?? app.subpackages ?? [];

  test('the leaders sub-package has the dashboard, 红黄榜 and 简报 pages', () => {
    const leader = subs.find((s) => s.root.replace(/\/$/, '') === 'subpkg-leader');
    expect(leader?.pages).toEqual(['dashboard/index', 'rankings/index', 'briefing/index']);
  });

  test('ECharts is in the leaders sub-package only', () => {
    const withCharts = walkFiles(DIST)
      .filter((f) => f.rel.endsWith('.js'))
      .filter((f) => fs.readFileSync(path.join(DIST, f.rel), 'utf8').includes(ECHARTS_MARK))
      .map((f) => f.rel);
    expect(withCharts.length).toBeGreaterThan(0);
    expect(withCharts.filter((rel) => !rel.startsWith('subpkg-leader/'))).toEqual([]);
  });

  test('the leaders sub-package is within 2 MB', () => {
    const sizes = weappSizes(DIST, subs);
    const leader = sizes.subpackages.find((s) => s.root === 'subpkg-leader/')!;
    console.log(`subpkg-leader ${kib(leader.size)} (${leader.files} files), main package ${kib(sizes.main.size)}`);
    expect(leader.size).toBeLessThanOrEqual(LIMITS.subpackage);
  });
});

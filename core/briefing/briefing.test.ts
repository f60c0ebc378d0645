/** 简报 on the seeded demo district: one action makes the .xlsx and the printable page, with the same figures as counted straight from the requests. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededDistrict } from '../../tests/support/seeded';

const w = seededDistrict();
const { as } = w;

test('简报: one action, an .xlsx and the printable page, with the same figures', async () => {
  const b = await as('u-majianguo', { action: 'briefing.generate', period: 'month' });
  expect(b.title).toBe('营商环境“红黄榜”简报');
  expect(b.issueLabel).toBe('2026年第1期');
  expect(b.publisher).toBe('云溪区营商环境优化中心');
  expect(b.url).toMatch(/^\/files\/exports\/briefing-M202611-.*\.xlsx$/);
  const e = await w.monthCounted();
  expect(b.figures.collected).toBe(e.collected);
  expect(b.cases.praised.length).toBeGreaterThan(0);
  expect(b.cases.praised.every((c: any) => c.score === 5)).toBe(true);
  expect(b.cases.warned.length).toBeGreaterThan(0);
  expect(b.ranking._id).toBe('M202611');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(w.filesDir, b.url.replace('/files/', ''))) as any);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['简报', '红黄榜', '综合排名', '分类统计', '典型案例']);
  const cover = wb.getWorksheet('简报')!;
  expect(cover.getCell('A1').value).toBe('营商环境“红黄榜”简报');
  const texts: string[] = [];
  cover.eachRow((r) => texts.push(String(r.getCell(1).value ?? '')));
  expect(texts).toContain(b.headline[0]);
  const values = new Map<string, unknown>();
  cover.eachRow((r) => { values.set(String(r.getCell(1).value), r.getCell(2).value); values.set(String(r.getCell(3).value), r.getCell(4).value); });
  expect(values.get('收集问题（项）')).toBe(e.collected);
  expect(values.get('办结（项）')).toBe(e.closed);
  const rank = wb.getWorksheet('综合排名')!;
  expect(rank.rowCount).toBe(1 + b.ranking.units.length);
  const cases = wb.getWorksheet('典型案例')!;
  expect(cases.rowCount).toBe(1 + b.cases.praised.length + b.cases.warned.length);

  // the same period keeps its issue number; the next period gets the next one
  expect((await as('u-sunli', { action: 'briefing.generate', period: 'month' })).issueLabel).toBe('2026年第1期');
  expect((await as('u-sunli', { action: 'briefing.generate', period: 'quarter' })).issueLabel).toBe('2026年第2期');
  const view = await as('u-majianguo', { action: 'briefing.view', period: 'month' });
  expect(view.issueLabel).toBe('2026年第1期');
  expect(view.url).toBeUndefined();
});

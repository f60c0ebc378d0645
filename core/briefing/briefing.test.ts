/** 简报 on the seeded demo district: one action makes the .xlsx and the printable page, with the same figures as counted straight from the requests. */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Filter } from '../ports';
import { seedDemoRequests } from '../seed/demo-requests';
import { localFiles } from '../../adapters/local-ports';
import { createFunctions, functionOf } from '../functions';
import { makeHarness, type Harness } from '../../tests/support/harness';

let h: Harness;
let filesDir: string;
let fns: ReturnType<typeof createFunctions>;
const as = async (who: string, event: Record<string, unknown>) => {
  const r = await fns[functionOf(event.action)](event, { openid: `dev-${who}` });
  if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
  return r.data as any;
};

beforeAll(async () => {
  h = await makeHarness();
  filesDir = mkdtempSync(join(tmpdir(), 'yszt-files-'));
  const ports = { ...h.ports, files: localFiles(filesDir) };
  fns = createFunctions(ports);
  await seedDemoRequests(ports, h.clock.now());
});
afterAll(() => {
  h?.cleanup();
  rmSync(filesDir, { recursive: true, force: true });
});

/** the month's figures counted straight from the requests, independently of the counters */
async function expectedFor(filter: Filter = {}) {
  const rows = (await h.requests().find(filter, { limit: 100 })).filter((r) => r.createdAt >= '2026-10-31T16:00:00.000Z' && r.createdAt < '2026-11-30T16:00:00.000Z');
  const done = rows.filter((r) => r.status === 'resolved' || r.status === 'closed');
  const scored = rows.filter((r) => r.score !== null);
  const timed = done.filter((r) => r.closedOnTime !== null);
  return {
    collected: rows.length,
    closed: done.length,
    inProgress: rows.filter((r) => ['queued', 'dispatch', 'assigned', 'accepted', 'paused', 'supervised'].includes(r.status)).length,
    rejected: rows.filter((r) => r.status === 'rejected').length,
    onTimeRate: timed.length ? timed.filter((r) => r.closedOnTime).length / timed.length : null,
    satisfactionRate: scored.length ? scored.filter((r) => r.score! >= 4).length / scored.length : null,
    meanScore: scored.length ? scored.reduce((s, r) => s + r.score!, 0) / scored.length : null,
    overdue: rows.filter((r) => r.colour === 'red').length,
    urges: rows.reduce((s, r) => s + r.urgeCount, 0),
    red: rows.filter((r) => r.colour === 'red' && r.status !== 'rejected').length,
  };
}

test('简报: one action, an .xlsx and the printable page, with the same figures', async () => {
  const b = await as('u-majianguo', { action: 'briefing.generate', period: 'month' });
  expect(b.title).toBe('营商环境“红黄榜”简报');
  expect(b.issueLabel).toBe('2026年第1期');
  expect(b.publisher).toBe('云溪区营商环境优化中心');
  expect(b.url).toMatch(/^\/files\/exports\/briefing-M202611-.*\.xlsx$/);
  const e = await expectedFor();
  expect(b.figures.collected).toBe(e.collected);
  expect(b.cases.praised.length).toBeGreaterThan(0);
  expect(b.cases.praised.every((c: any) => c.score === 5)).toBe(true);
  expect(b.cases.warned.length).toBeGreaterThan(0);
  expect(b.ranking._id).toBe('M202611');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(filesDir, b.url.replace('/files/', ''))) as any);
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

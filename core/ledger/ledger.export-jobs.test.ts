/**
 * A large ledger export on CloudBase's clock: every store call costs its milliseconds of the fake
 * clock, a call has a 2 s budget. A small export is one call, as before; 4,500 rows are gathered
 * over calls into an export job, then the file is made in a call with time left for it (writing
 * 4,500 rows takes ~1 s of CPU, which the fake clock does not see but the estimate does): the same
 * file as without latency, without the requests that came in meanwhile, and the same answer again
 * once finished.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C } from '../collections';
import { CALL_BUDGET_MS } from '../jobs';
import type { ServiceRequest } from '../model';
import { localFiles } from '../../adapters/local-ports';
import { tickingStore } from '../../tests/support/store-probes';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

jest.setTimeout(600_000);

const ROWS = 4500;

function slowStore(h: Harness, ms: number) {
  // every store call costs `ms` on the fake clock (tests/support/store-probes.ts)
  const store = tickingStore(h.store, h.clock, () => ms);
  h.ports.store = store;
  return { get calls() { return store.calls(); } };
}

/** `n` requests made from one real one; every third shares its instant with the next (the cursor's tie-break), every tenth has a card */
async function world(n = ROWS) {
  const h = await makeHarness('2026-11-16T01:30:00Z');
  const dir = mkdtempSync(join(tmpdir(), 'yszt-export-'));
  h.ports.files = localFiles(dir);
  const { request } = await h.ok('u-linxiao', submission());
  const model = (await h.requests().get(request._id))!;
  await h.requests().remove(model._id);
  const cards = h.store.collection(C.cards);
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const cardId = i % 10 === 0 ? `card-${i}` : null;
    if (cardId) await cards.add({ _id: cardId, requestId: `r-${i}`, parties: [{ deptId: 'dep-zjj', deptName: '区住房和城乡建设局', role: 'lead' }, { deptId: 'dep-zrzy', deptName: '区自然资源局', role: 'co' }] });
    await h.requests().add({
      ...model, _id: `r-${String(i).padStart(5, '0')}`, no: `SQ2026${String(i).padStart(8, '0')}`, clientKey: `k-${i}`, cardId,
      createdAt: new Date(start + Math.floor(i / 2) * 60_000).toISOString(), colour: (['white', 'green', 'yellow', 'red'] as const)[i % 4],
    } as ServiceRequest);
  }
  return { h, dir };
}

async function rowsOf(dir: string, res: { fileID: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, res.fileID.replace('local://', '')));
  const rows: unknown[][] = [];
  wb.getWorksheet('台账')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

test('a small export is one call and answers the file, as before', async () => {
  const { h, dir } = await world(300);
  const stats = slowStore(h, 10);
  const t0 = h.clock.now().getTime();
  const res = await h.ok('u-sunli', { action: 'ledger.export' });
  expect(res).toMatchObject({ finished: true, rows: 300, total: 300, message: '已导出 300 条', url: expect.any(String) });
  expect(h.clock.now().getTime() - t0).toBeLessThanOrEqual(CALL_BUDGET_MS / 2);
  // the caller, the count, 4 pages, and the cards of the 3 pages that have them (a get per row before);
  // the working calendar for the days overdue (2 settings reads); the complaints about the caller (1 find)
  expect(stats.calls).toBeLessThanOrEqual(13);
  const rows = await rowsOf(dir, res);
  expect(rows).toHaveLength(301);
  expect(rows.find((r) => r[0] === 'SQ202600000000')![4]).toBe('区住房和城乡建设局（牵头）、区自然资源局（协办）');
  h.cleanup();
});

test.each([[10], [40]])('%i ms a store call: 4,500 rows over calls within their budget, the same file as without latency', async (ms) => {
  // the reference: the same export where store calls cost nothing
  const big = await world();
  const once = await big.h.ok('u-sunli', { action: 'ledger.export' });
  expect(once).toMatchObject({ finished: true, rows: ROWS, total: ROWS });
  const expected = await rowsOf(big.dir, once);
  expect(new Set(expected.map((r) => r[0])).size).toBe(ROWS + 1);

  const { h, dir } = await world();
  slowStore(h, ms);
  const answers: any[] = [];
  const spent: number[] = [];
  let jobId: string | undefined;
  for (let i = 0; i < 50; i++) {
    const t0 = h.clock.now().getTime();
    const r = await h.ok('u-sunli', { action: 'ledger.export', ...(jobId ? { jobId } : {}) });
    spent.push(h.clock.now().getTime() - t0);
    answers.push(r);
    jobId = r.jobId;
    if (r.finished) break;
    // requests keep coming in meanwhile: newer than the export's cursor, they are not in it
    await h.requests().add({ ...(await h.requests().get('r-00000'))!, _id: `r-new-${i}`, no: `SQ2027${i}`, createdAt: h.clock.now().toISOString() });
  }
  // eslint-disable-next-line no-console
  console.info(`ledger export of ${ROWS} rows at ${ms} ms a store call: ${answers.length} calls of at most ${Math.max(...spent)} ms; ${answers.map((a) => a.message).join(' → ')}`);
  const last = answers.at(-1);
  expect(last).toMatchObject({ finished: true, rows: ROWS, total: ROWS, message: `已导出 ${ROWS} 条` });
  for (const t of spent) expect(t).toBeLessThanOrEqual(CALL_BUDGET_MS);
  expect(answers.length).toBeGreaterThan(ms === 40 ? 2 : 1);
  if (ms === 40) {
    expect(answers[0]).toMatchObject({ finished: false, total: ROWS, message: `已读取 ${answers[0].rows}/${ROWS} 条，正在导出…` });
  }
  expect(await rowsOf(dir, last)).toEqual(expected);

  // once finished: the same file again, nothing new written
  const files = await h.store.collection(C.jobParts).count({});
  expect(await h.ok('u-sunli', { action: 'ledger.export', jobId: last.jobId })).toEqual(last);
  expect(await h.store.collection(C.jobParts).count({})).toBe(files);
  // the job is its starter's only
  expect(await h.call('u-majianguo', { action: 'ledger.export', jobId: last.jobId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  big.h.cleanup();
  h.cleanup();
});

test('more than 5,000 rows is refused with a clear message', async () => {
  const { h } = await world(5001);
  expect(await h.call('u-sunli', { action: 'ledger.export' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '导出条数超过5000条，请缩小筛选范围' });
  h.cleanup();
});

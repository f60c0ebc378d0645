/** The requests repository's less obvious shapes answer what their names say, on SQLite and on the CloudBase test bed. */
import { requestRepo, type LedgerQuery } from './requests';
import type { ServiceRequest } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

describe('the requests repository', () => {
  let h: Harness;
  beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); });
  afterEach(() => h.cleanup());

  /** n requests of 林晓's enterprise, all at the harness's one instant (createdAt ties) */
  async function many(n: number): Promise<ServiceRequest[]> {
    const out: ServiceRequest[] = [];
    for (let i = 0; i < n; i++) out.push((await h.ok('u-linxiao', submission({ description: `第${i + 1}件：厂区道路破损影响货车通行，请协调修复。` }))).request);
    return out;
  }

  test('a ledger read after a cursor pages through exactly the ledger\'s order, ties on createdAt included', async () => {
    await many(7);
    const repo = requestRepo(h.store);
    const q: LedgerQuery = {};
    const total = await repo.ledgerCount(q);
    const pages: string[] = [];
    for (let n = 1; (n - 1) * 5 < total; n++) pages.push(...(await repo.ledgerPage(q, n, 5)).map((r) => r._id));
    const cursored: string[] = [];
    let cursor = null as null | { createdAt: string; id: string };
    for (;;) {
      const page = await repo.ledgerAfter(q, cursor, 3);
      cursored.push(...page.map((r) => r._id));
      if (page.length < 3) break;
      cursor = { createdAt: page[page.length - 1].createdAt, id: page[page.length - 1]._id };
    }
    expect(total).toBe(7);
    expect(new Set((await repo.ledgerPage(q, 1, 10)).map((r) => r.createdAt)).size).toBe(1);
    expect(new Set(cursored).size).toBe(total);
    expect(cursored).toEqual(pages);
  });

  test('a ledger query: an empty status list matches nothing, excluded ids and centers narrow, dates bound', async () => {
    const mine = await many(3);
    const repo = requestRepo(h.store);
    const all = await repo.ledgerCount({});
    expect(await repo.ledgerCount({ status: [] })).toBe(0);
    expect(await repo.ledgerCount({ excludeIds: mine.map((r) => r._id) })).toBe(all - 3);
    expect(await repo.ledgerCount({ tierOrgIds: [] })).toBe(0);
    expect(await repo.ledgerCount({ createdFrom: mine[0].createdAt, createdBefore: new Date(Date.parse(mine[0].createdAt) + 1).toISOString() })).toBe(3);
    // 回访: only closed ones are due or done, never both
    const due = await repo.ledgerCount({ status: 'closed', callback: 'due' });
    const done = await repo.ledgerCount({ status: 'closed', callback: 'done' });
    expect(due + done).toBe(await repo.ledgerCount({ status: 'closed' }));
  });

  test('a guarded write happens only on the version and status read', async () => {
    const [r] = await many(1);
    const repo = requestRepo(h.store);
    const cur = (await repo.get(r._id))!;
    expect(await repo.update(cur._id, { $set: { urgeCount: 1 } }, { seq: cur.seq + 1 })).toBe(false);
    expect(await repo.update(cur._id, { $set: { urgeCount: 1 } }, { seq: cur.seq, status: ['closed', 'rejected'] })).toBe(false);
    expect(await repo.update(cur._id, { $set: { urgeCount: 1 } }, { seq: cur.seq, status: [cur.status] })).toBe(true);
    expect((await repo.get(cur._id))!.urgeCount).toBe(1);
  });
});

/**
 * A district of a real size: 1,000 grids under 300 communities in 10 more streets, 150 more
 * officers. Every read that once took one page of 100 and stopped must see all of it: the
 * dispatchers' scope, desk.options, the registry import, staff lists and invites, visit options.
 * Store calls are counted where they matter and held to bounds that do not grow with the district.
 */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C } from '../../core/collections';
import type { Enterprise, Org, User } from '../../core/model';
import type { Collection, Doc, Store } from '../../core/ports';
import { devOpenid, makeCreditCode } from '../../core/seed/demo-district';
import { localFiles } from '../../adapters/local-ports';
import { makeHarness, submission, type Harness } from '../support/harness';

jest.setTimeout(180_000);

const STREETS = 10;
const COMMUNITIES = 300;
const GRIDS = 1000;
const OFFICERS = 150;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const streetId = (i: number) => `s-n${pad(i, 2)}`;
const communityId = (i: number) => `c-n${pad(i, 3)}`;
const gridId = (i: number) => `g-n${pad(i, 4)}`;
const gridName = (i: number) => `南山${i}号网格`;
/** grid i lies in community ((i - 1) mod 300) + 1, community j in street ((j - 1) mod 10) + 1 */
const communityOf = (grid: number) => ((grid - 1) % COMMUNITIES) + 1;
const streetOf = (community: number) => ((community - 1) % STREETS) + 1;

let h: Harness;
let calls = 0;
const counts: Record<string, number> = {};

/** the store as the functions see it, counting every call */
function counting(inner: Store): Store {
  return {
    collection<T extends Doc>(name: string): Collection<T> {
      const c = inner.collection<T>(name);
      return new Proxy(c, {
        get(t, k, r) {
          const v = Reflect.get(t, k, r);
          return typeof v === 'function' ? (...args: unknown[]) => (calls++, v.apply(t, args)) : v;
        },
      });
    },
  };
}

/** store calls one service call makes */
async function measured<T>(label: string, run: () => Promise<T>): Promise<T> {
  const before = calls;
  const out = await run();
  counts[label] = calls - before;
  return out;
}

let dir: string;
async function uploaded(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话']);
  rows.forEach((r) => ws.addRow(r));
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const name = `${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(dir, name), bytes);
  await h.store.collection(C.uploads).add({ _id: name, ownerId: 'u-admin', type: 'xlsx', size: bytes.length, createdAt: '2026-01-01T00:00:00Z' });
  return `local://uploads/${name}`;
}

beforeAll(async () => {
  h = await makeHarness();
  dir = mkdtempSync(join(tmpdir(), 'yszt-scale-'));
  h.ports.files = localFiles(dir);
  const orgs = h.store.collection<Org>(C.orgs);
  const at = h.clock.now().toISOString();
  for (let s = 1; s <= STREETS; s++) await orgs.add({ _id: streetId(s), kind: 'street', name: `南山${s}街道`, parentId: 'd-yunxi', active: true } as Org);
  for (let c = 1; c <= COMMUNITIES; c++) await orgs.add({ _id: communityId(c), kind: 'community', name: `南山${c}社区`, parentId: streetId(streetOf(c)), active: true } as Org);
  for (let g = 1; g <= GRIDS; g++) await orgs.add({ _id: gridId(g), kind: 'grid', name: gridName(g), parentId: communityId(communityOf(g)), active: true } as Org);
  // two grids of one name in different communities
  await orgs.add({ _id: 'g-fx1', kind: 'grid', name: '幸福网格', parentId: communityId(1), active: true } as Org);
  await orgs.add({ _id: 'g-fx2', kind: 'grid', name: '幸福网格', parentId: communityId(2), active: true } as Org);
  const users = h.store.collection<User>(C.users);
  // officers of the last 150 grids
  for (let i = GRIDS - OFFICERS + 1; i <= GRIDS; i++) {
    await users.add({
      _id: `u-off-${pad(i, 4)}`, openid: devOpenid(`u-off-${pad(i, 4)}`), name: `网格员${i}`, roles: ['officer'], gridIds: [gridId(i)], active: true,
      enterpriseId: null, createdAt: at, onDuty: true, capacity: 10, openCount: 0, lastAssignedAt: null,
    } as User);
  }
  // a dispatcher of the street that holds grid #1000, and one of another street
  for (const s of [streetOf(communityOf(GRIDS)), 1]) {
    await users.add({ _id: `u-disp-n${pad(s, 2)}`, openid: devOpenid(`u-disp-n${pad(s, 2)}`), name: `调度${s}`, roles: ['dispatcher'], orgId: streetId(s), active: true, enterpriseId: null, createdAt: at } as User);
  }
  // an enterprise of grid #1000 with its contact
  await h.store.collection<Enterprise>(C.enterprises).add({
    _id: 'e-n1000', name: '南山千号科技有限公司', creditCode: makeCreditCode(80_000_001), address: '南山路1000号', gridId: gridId(GRIDS), industry: '软件信息', scale: '小型',
    liaisonId: null, contactIds: ['u-ent-n1000'], contactCount: 1, createdAt: at,
  } as Enterprise);
  await users.add({ _id: 'u-ent-n1000', openid: devOpenid('u-ent-n1000'), name: '千号联系人', roles: ['enterprise'], phone: '13612349999', active: true, enterpriseId: 'e-n1000', createdAt: at } as User);
  h.ports.store = counting(h.store);
});
afterAll(() => {
  // eslint-disable-next-line no-console
  console.info(`store calls at 1,000 grids: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join('; ')}`);
  h.cleanup();
});

let requestId = '';
test('a request of grid #1000 reaches its officer; the district and its street see it, another street does not', async () => {
  const { request } = await h.ok('u-ent-n1000', submission());
  requestId = request._id;
  const req = (await h.requests().get(requestId))!;
  expect(req).toMatchObject({ gridId: gridId(GRIDS), tierOrgId: communityId(communityOf(GRIDS)), assigneeId: `u-off-${GRIDS}` });

  const street = `u-disp-n${pad(streetOf(communityOf(GRIDS)), 2)}`;
  for (const who of ['u-sunli', street]) {
    const list = await measured(`ledger.list(${who === 'u-sunli' ? 'district' : 'street'} dispatcher)`, () => h.ok(who, { action: 'ledger.list' }));
    expect(list.items.map((r: { _id: string }) => r._id)).toContain(requestId);
    const got = await measured(`request.get(${who === 'u-sunli' ? 'district' : 'street'} dispatcher)`, () => h.ok(who, { action: 'request.get', id: requestId }));
    expect(got.request._id ?? got.request.id).toBe(requestId);
  }
  const other = 'u-disp-n01';
  expect((await h.ok(other, { action: 'ledger.list' })).items.map((r: { _id: string }) => r._id)).not.toContain(requestId);
  expect(await h.call(other, { action: 'request.get', id: requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  // the district's dispatcher acts on it (canSupervise walks the chain up)
  await measured('desk.verify(district dispatcher)', () => h.ok('u-sunli', { action: 'desk.verify', id: requestId, level: 'complex', category: 'dianli' }));
  expect(await h.call(other, { action: 'desk.verify', id: requestId, level: 'complex', category: 'dianli' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

  // bounds that do not grow with the district (the counts are printed at the end)
  expect(counts['ledger.list(district dispatcher)']).toBeLessThanOrEqual(12);
  expect(counts['request.get(district dispatcher)']).toBeLessThanOrEqual(12);
});

test('desk.options lists every center, department and officer, with the names of grids past the first 100', async () => {
  const o = await measured('desk.options', () => h.ok('u-sunli', { action: 'desk.options' }));
  expect(o.centers).toHaveLength(1 + 2 + STREETS + 4 + COMMUNITIES);
  expect(o.officers).toHaveLength(8 + 3 + OFFICERS);
  expect(o.officers.find((x: { id: string }) => x.id === `u-off-${GRIDS}`)).toMatchObject({ grids: gridName(GRIDS) });
  expect(o.departments.map((d: { id: string }) => d.id).sort()).toEqual(['dep-zjj', 'dep-zrzy']);
  // ~1,330 orgs (14 pages), ~160 officers (2), liaisons (1), routing (1), the caller (1)
  expect(counts['desk.options']).toBeLessThanOrEqual(25);
});

test('the registry import accepts rows for grid #1000 and names a grid that exists twice', async () => {
  const code = makeCreditCode(80_000_002);
  const fileID = await uploaded([
    ['南山千号二厂有限公司', code, '南山路1001号', gridName(GRIDS), '软件信息', '小型', '', ''],
    ['南山五百号有限公司', makeCreditCode(80_000_003), '南山路500号', gridName(500), '', '', '', ''],
    ['幸福甲有限公司', makeCreditCode(80_000_004), '幸福路1号', '幸福网格', '', '', '', ''],
    ['幸福乙有限公司', makeCreditCode(80_000_005), '幸福路2号', `南山2社区 / 幸福网格`, '', '', '', ''],
  ]);
  const dry = await measured('enterprises.import(dry run, 4 rows)', () => h.ok('u-admin', { action: 'admin.enterprises.import', fileID }));
  expect(dry).toMatchObject({ dryRun: true, total: 4, create: 3, errorCount: 1 });
  const twice = '有2个名为“幸福网格”的网格，请写成“社区名称/网格名称”';
  expect(dry.errors).toEqual([{ row: 4, name: '幸福甲有限公司', reason: twice, reasons: [twice] }]);
  const done = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true });
  expect(done).toMatchObject({ finished: true, create: 3, errorCount: 1 });
  const ents = h.store.collection<Enterprise>(C.enterprises);
  expect((await ents.find({ creditCode: code }))[0]).toMatchObject({ gridId: gridId(GRIDS) });
  expect((await ents.find({ creditCode: makeCreditCode(80_000_005) }))[0]).toMatchObject({ gridId: 'g-fx2' });
});

test('the template lists every grid with its community', async () => {
  const tpl = await h.ok('u-admin', { action: 'admin.enterprises.template' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, tpl.fileID.replace(/^local:\/\//, '')));
  const list = wb.getWorksheet('网格列表')!;
  expect(list.rowCount).toBe(1 + 6 + GRIDS + 2);
  const rows: string[][] = [];
  list.eachRow((r) => rows.push([String(r.getCell(1).text), String(r.getCell(2).text)]));
  expect(rows).toContainEqual([gridName(GRIDS), `南山${communityOf(GRIDS)}社区`]);
});

test('staff: an invite for grids past the first 100, and lists that count and page every officer', async () => {
  const { user } = await measured('admin.staff.invite', () => h.ok('u-admin', { action: 'admin.staff.invite', name: '千号网格员', phone: '13711110000', roles: ['officer'], gridIds: [gridId(500), gridId(GRIDS)] }));
  expect(user).toMatchObject({ gridIds: [gridId(500), gridId(GRIDS)], gridNames: `${gridName(500)}、${gridName(GRIDS)}`, bound: false });
  expect(user.invite.code).toMatch(/^[A-Z2-9]{8}$/);
  const officers = 8 + OFFICERS + 1;
  const first = await measured('admin.staff.list(officers, page 1)', () => h.ok('u-admin', { action: 'admin.staff.list', role: 'officer' }));
  expect(first).toMatchObject({ total: officers, pageSize: 30 });
  expect(first.items).toHaveLength(30);
  const last = await h.ok('u-admin', { action: 'admin.staff.list', role: 'officer', page: Math.ceil(officers / 30) });
  expect(last.items).toHaveLength(officers % 30 || 30);
  const found = await h.ok('u-admin', { action: 'admin.staff.list', q: '千号网格员' });
  expect(found.items).toEqual([expect.objectContaining({ id: user.id, gridNames: `${gridName(500)}、${gridName(GRIDS)}`, invite: user.invite })]);
  const all = await measured('admin.staff.list(all roles, page 1)', () => h.ok('u-admin', { action: 'admin.staff.list' }));
  expect(all.total).toBeGreaterThan(officers);
  // the page's views: its org names and invites in ~2 reads, not a get per grid and a find per person
  expect(counts['admin.staff.list(officers, page 1)']).toBeLessThanOrEqual(8);
  const enterprises = await measured('admin.enterprises.list(page 1)', () => h.ok('u-admin', { action: 'admin.enterprises.list', gridId: gridId(GRIDS) }));
  expect(enterprises.items.map((e: { id: string; gridName: string }) => [e.id, e.gridName])).toContainEqual(['e-n1000', gridName(GRIDS)]);
  expect(counts['admin.enterprises.list(page 1)']).toBeLessThanOrEqual(6);
});

test('visits: the street dispatcher of grid #1000 supervises it; visit.options narrows to its grids', async () => {
  const street = `u-disp-n${pad(streetOf(communityOf(GRIDS)), 2)}`;
  const mine = await measured('visit.options(street dispatcher)', () => h.ok(street, { action: 'visit.options' }));
  expect(mine.enterprises.map((e: { id: string }) => e.id)).toContain('e-n1000');
  expect(mine.enterprises.find((e: { id: string }) => e.id === 'e-n1000').gridName).toBe(gridName(GRIDS));
  expect(mine.enterprises.map((e: { id: string }) => e.id)).not.toContain('e-001');
  const district = await h.ok('u-sunli', { action: 'visit.options' });
  expect(district.enterprises.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(['e-n1000', 'e-001']));
  expect(await h.ok('u-disp-n01', { action: 'visit.options' })).toMatchObject({ enterprises: [] });
  // the check-in of grid #1000's officer at its enterprise is seen by that street's dispatcher only
  const code = await h.ok('u-ent-n1000', { action: 'visit.code' });
  await h.ok(`u-off-${GRIDS}`, { action: 'visit.checkin', scene: code.code.scene, purpose: 'help' });
  expect((await h.ok(street, { action: 'visit.list' })).total).toBe(1);
  expect((await h.ok('u-sunli', { action: 'visit.list' })).total).toBeGreaterThanOrEqual(1);
  expect((await h.ok('u-disp-n01', { action: 'visit.list' })).total).toBe(0);
});

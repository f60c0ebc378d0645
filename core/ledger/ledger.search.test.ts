/**
 * The ledger searched (core/ledger/search.ts): by number, enterprise name, credit code and words,
 * with the other filters, within the caller's scope, the window said when it was cut, the export
 * of what was found, and the store calls a search costs.
 */
import ExcelJS from 'exceljs';
import { C } from '../collections';
import { createFunctions, functionOf, type Envelope } from '../functions';
import type { Enterprise, ServiceRequest } from '../model';
import { devOpenid } from '../seed/demo-district';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';
import { countingStore } from '../../tests/support/store-probes';
import { SEARCH_LIMITS } from './search';
import { enterpriseRepo, nameGrams } from '../repos/enterprises';

const DESK = 'u-sunli';
const phones: Record<string, string> = { 'u-linxiao': '13612340001', 'u-gaopeng': '13612340002', 'u-hejun': '13612340003' };
const DEFAULTS = { ...SEARCH_LIMITS };

let h: Harness;
/** the requests by name: light, power and tax of 东城新材料 (林晓), power2 of 云溪精密 (高鹏), card of 柳岸 (何军) under a card of 自然资源局 */
let r: Record<'light' | 'power' | 'tax' | 'power2' | 'card', ServiceRequest>;

beforeEach(async () => {
  h = await makeHarness('2026-11-23T01:30:00Z', { files: true });
  const submit = async (who: string, description: string, category = 'dianli') => {
    h.clock.advance(60_000); // distinct instants: the ledger's order is total
    return (await h.ok(who, submission({ description, category, phone: phones[who] }))).request as ServiceRequest;
  };
  const light = await submit('u-linxiao', '厂区东门外路灯损坏，夜间货车进出不便。', 'huanjing');
  const power = await submit('u-linxiao', '新建二号车间需增容至800千伏安，报装两周无人联系。');
  const tax = await submit('u-linxiao', '新招员工社保增员系统报错。', 'nashui');
  const power2 = await submit('u-gaopeng', '仓库扩建需要增容，供电所尚未答复。');
  const card = await submit('u-hejun', '厂房用地手续办理缓慢，增容审批也未启动。', 'yongdi');
  await h.ok(DESK, { action: 'card.issue', id: card._id, leadDeptId: 'dep-zrzy', coDeptIds: [], deadline: '2026-12-04', instructions: '请牵头办理' });
  await h.ok(DESK, { action: 'desk.reject', id: tax._id, kind: 'invalid', reason: '不属于受理范围' });
  r = { light, power, tax, power2, card };
});
afterEach(() => { Object.assign(SEARCH_LIMITS, DEFAULTS); h.cleanup(); });

const list = (who: string, q: string, extra: Record<string, unknown> = {}) => h.ok(who, { action: 'ledger.list', q, pageSize: 100, ...extra });
const ids = (res: { items: Array<{ _id: string }> }) => res.items.map((x) => x._id);
const enterprise = async (id: string) => (await h.store.collection<Enterprise>(C.enterprises).get(id))!;

test('a request number is found directly, in any case, and nothing else with it', async () => {
  const res = await list(DESK, r.power.no);
  expect(ids(res)).toEqual([r.power._id]);
  expect(res.search).toMatchObject({ by: 'number', cut: false, note: '按工单号查找' });
  expect(ids(await list(DESK, r.power.no.toLowerCase()))).toEqual([r.power._id]);
  // with a word that is not in it: nothing
  expect((await list(DESK, `${r.power.no} 路灯`)).total).toBe(0);
  // a number nobody has
  expect((await list(DESK, 'SQ209901010001')).total).toBe(0);
  // a part of a number is a word: found among the newest
  expect(ids(await list(DESK, r.power.no.slice(0, 10)))).toEqual(expect.arrayContaining([r.power._id, r.light._id]));
});

test("an enterprise by the start of its name or by its credit code: all of its requests, newest first", async () => {
  const res = await list(DESK, '东城新材料');
  expect(ids(res)).toEqual([r.tax._id, r.power._id, r.light._id]);
  expect(res.search).toMatchObject({ by: 'enterprise', enterprises: ['东城新材料科技有限公司'], enterpriseCount: 1, cut: false });
  expect(res.search.note).toBe('企业：东城新材料科技有限公司');
  expect(res.items[0]).toMatchObject({ enterpriseName: '东城新材料科技有限公司', statusLabel: '不予受理' });

  const code = (await enterprise(r.power.enterpriseId)).creditCode;
  expect(ids(await list(DESK, code))).toEqual(ids(res));
  expect(ids(await list(DESK, code.toLowerCase()))).toEqual(ids(res));
  // a credit code nobody registered
  const none = await list(DESK, '91130000000000000X');
  expect(none).toMatchObject({ total: 0, search: { by: 'enterprise', enterpriseCount: 0, note: '未找到该企业' } });
  // the enterprise with words: every word in the request
  expect(ids(await list(DESK, '东城新材料 车间 增容'))).toEqual([r.power._id]);
  // a name's start shared by several enterprises (云溪…): their requests, the names said
  const yunxi = await list(DESK, '云溪精密');
  expect(ids(yunxi)).toEqual([r.power2._id]);
});

test('an enterprise by a word from the middle of its name: all of its requests, however old', async () => {
  // the words' window holds the newest four: 东城新材料's first request (the street light) is not in it
  SEARCH_LIMITS.window = 4;
  expect(ids(await list(DESK, '路灯'))).toEqual([]);
  const res = await list(DESK, '新材料');
  expect(ids(res)).toEqual([r.tax._id, r.power._id, r.light._id]);
  expect(res.search).toMatchObject({ by: 'enterprise', enterprises: ['东城新材料科技有限公司'], enterpriseCount: 1, cut: false, note: '企业：东城新材料科技有限公司' });
  // with words, in any case; two characters are enough
  expect(ids(await list(DESK, '路灯 新材料'))).toEqual([r.light._id]);
  expect(ids(await list(DESK, '材料'))).toEqual(ids(res));
  // the pairs of a name hold, but not in its order: not this enterprise (新材 and 材料 are there, 料新 is not)
  expect((await list(DESK, '材料新')).search).toMatchObject({ by: 'words', enterpriseCount: 0 });
  // inside the name of several: their requests (精密 is 云溪精密机械's alone; 有限 is everyone's: a word, in the window)
  expect(ids(await list(DESK, '精密机械'))).toEqual([r.power2._id]);
  // a renamed enterprise is found by its new name, not its old one
  await enterpriseRepo(h.store).update(r.power.enterpriseId, { $set: { name: '东城锂电材料股份有限公司' } });
  expect(((await enterprise(r.power.enterpriseId)) as Enterprise & { nameGrams?: string[] }).nameGrams).toEqual(nameGrams('东城锂电材料股份有限公司'));
  expect((await list(DESK, '新材料')).search).toMatchObject({ by: 'words', enterpriseCount: 0 });
  expect((await list(DESK, '锂电材料')).search).toMatchObject({ by: 'enterprise', enterprises: ['东城锂电材料股份有限公司'], cut: false });
  expect((await list(DESK, '锂电材料')).total).toBe(3);
});

test('the pairs of characters a name is kept with', () => {
  expect(nameGrams('东城新材料')).toEqual(['东城', '城新', '新材', '材料']);
  expect(nameGrams('ABC 科技')).toEqual(['ab', 'bc', 'c科', '科技']);
  expect(nameGrams('云')).toEqual([]);
  expect(nameGrams('哈哈哈')).toEqual(['哈哈']);
});

test('words: every one in the number, enterprise, description, category, handler or result', async () => {
  expect(ids(await list(DESK, '增容'))).toEqual([r.card._id, r.power2._id, r.power._id]);
  expect(ids(await list(DESK, '增容 车间'))).toEqual([r.power._id]);
  expect(ids(await list(DESK, '纳税'))).toEqual([r.tax._id]);
  const words = await list(DESK, '路灯');
  expect(ids(words)).toEqual([r.light._id]);
  expect(words.search).toMatchObject({ by: 'words', cut: false, note: '' });
  // the handler's name
  expect(ids(await list(DESK, `${r.power.assigneeName} 车间`))).toEqual([r.power._id]);
  // a word from inside an enterprise's name finds the enterprise, then the other words its requests
  expect(ids(await list(DESK, '新材料 路灯'))).toEqual([r.light._id]);
});

test('the search works inside the other filters; the colour counts are of what was found', async () => {
  const rejected = await list(DESK, '东城新材料', { status: 'rejected' });
  expect(ids(rejected)).toEqual([r.tax._id]);
  const open = await list(DESK, '增容', { category: 'dianli' });
  expect(ids(open)).toEqual([r.power2._id, r.power._id]);
  expect(open.counts).toMatchObject({ all: 2, green: 2 });
  // the tax request was rejected: white; picking a colour narrows the rows, not the counts
  const all = await list(DESK, '东城新材料');
  expect(all.counts).toMatchObject({ all: 3, white: 1, green: 2 });
  const white = await list(DESK, '东城新材料', { colour: 'white' });
  expect(ids(white)).toEqual([r.tax._id]);
  expect(white.counts).toEqual(all.counts);
  // pages of what was found
  const p1 = await h.ok(DESK, { action: 'ledger.list', q: '增容', page: 1, pageSize: 2 });
  const p2 = await h.ok(DESK, { action: 'ledger.list', q: '增容', page: 2, pageSize: 2 });
  expect(p1.total).toBe(3);
  expect([...ids(p1), ...ids(p2)]).toEqual([r.card._id, r.power2._id, r.power._id]);
});

test("scope: a department finds its own requests only; another department's request is not found", async () => {
  // 自然资源局 leads the card on 柳岸's request
  expect(ids(await list('u-qianjun', '增容'))).toEqual([r.card._id]);
  expect(ids(await list('u-qianjun', '柳岸'))).toEqual([r.card._id]);
  expect((await list('u-qianjun', r.power.no)).total).toBe(0);
  expect((await list('u-qianjun', '东城新材料')).total).toBe(0);
  // 住建局 is no party to it: not by number, name or words
  expect((await list('u-fengyu', r.card.no)).total).toBe(0);
  expect((await list('u-fengyu', '增容')).total).toBe(0);
  expect((await list('u-fengyu', '柳岸')).total).toBe(0);
  // a street center's dispatcher sees its communities only: 西湖 holds 柳岸's request, not 东城's
  await h.store.collection(C.users).add({
    _id: 'u-disp-xihu', openid: devOpenid('u-disp-xihu'), name: '西湖街道调度员', roles: ['dispatcher'], orgId: 's-xihu', active: true, createdAt: h.clock.now().toISOString(),
  });
  expect(ids(await list('u-disp-xihu', '增容'))).toEqual([r.card._id]);
  expect((await list('u-disp-xihu', r.power.no)).total).toBe(0);
  expect((await list('u-disp-xihu', '东城新材料')).total).toBe(0);
  expect(ids(await list('u-disp-xihu', r.card.no))).toEqual([r.card._id]);
  // enterprises and officers have no ledger
  expect(await h.call('u-linxiao', { action: 'ledger.list', q: '增容' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('the words are checked: at most 50 characters, text only', async () => {
  expect(await h.call(DESK, { action: 'ledger.list', q: '字'.repeat(51) })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '搜索内容不能超过50字' });
  expect(await h.call(DESK, { action: 'ledger.list', q: 12 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '搜索内容应为文字' });
  expect(await h.call(DESK, { action: 'ledger.export', q: '字'.repeat(51) })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '搜索内容不能超过50字' });
  // blank: no search, the plain ledger
  const blank = await list(DESK, '   ');
  expect(blank).toMatchObject({ total: 5, search: null });
});

test('when the window is full the answer says so, for words and for an enterprise', async () => {
  SEARCH_LIMITS.window = 2;
  const words = await list(DESK, '增容');
  // the newest two looked at: the card's request and 云溪精密's
  expect(ids(words)).toEqual([r.card._id, r.power2._id]);
  expect(words.search).toMatchObject({ by: 'words', scanned: 2, cut: true, window: 2 });
  expect(words.search.note).toBe('仅搜索最近 2 件，更早的诉求请加筛选条件（如受理日期）缩小范围');
  const ent = await list(DESK, '东城新材料');
  expect(ent.total).toBe(2);
  expect(ent.search.note).toBe('企业：东城新材料科技有限公司；仅搜索最近 2 件，更早的诉求请加筛选条件（如受理日期）缩小范围');
  // a number is always found
  expect(ids(await list(DESK, r.light.no))).toEqual([r.light._id]);
  // a filter brings the older ones into the window
  expect(ids(await list(DESK, '增容', { assigneeId: r.power.assigneeId }))).toContain(r.power._id);
});

test('the export holds what the search found, and says when the window was cut', async () => {
  const read = async (res: { fileID: string }) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await h.ports.files!.read!(res.fileID))!) as any);
    const rows: unknown[][] = [];
    wb.getWorksheet('台账')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  const res = await h.ok(DESK, { action: 'ledger.export', q: '东城新材料 增容' });
  expect(res).toMatchObject({ finished: true, rows: 1, message: '已导出 1 条' });
  const rows = await read(res);
  expect(rows.slice(1).map((x) => x[0])).toEqual([r.power.no]);
  expect(rows[1][1]).toBe('东城新材料科技有限公司');
  const byNo = await read(await h.ok(DESK, { action: 'ledger.export', q: r.card.no }));
  expect(byNo.slice(1).map((x) => x[0])).toEqual([r.card.no]);
  expect(byNo[1][4]).toBe('区自然资源局（牵头）');
  SEARCH_LIMITS.window = 2;
  expect(await h.ok(DESK, { action: 'ledger.export', q: '增容' })).toMatchObject({ rows: 2, message: '已导出 2 条（仅搜索最近 2 件）' });
  // scope holds in the export too
  expect(await h.ok('u-fengyu', { action: 'ledger.export', q: r.card.no })).toMatchObject({ rows: 0 });
});

describe('store calls per search', () => {
  /** the service function over a counting store: the calls one ledger.list costs */
  async function calls(who: string, event: Record<string, unknown>) {
    let on = false;
    const store = countingStore(h.store, () => on);
    const fns = createFunctions({ ...h.ports, store });
    // a warm instance: the caller's lookup and the cached rules are read once before
    await fns[functionOf('ledger.list')]({ action: 'ledger.list' }, { openid: devOpenid(who) });
    on = true;
    const res: Envelope<any> = await fns[functionOf(event.action as string)](event, { openid: devOpenid(who) });
    on = false;
    if (!res.ok) throw new Error(`${res.code} ${res.message}`);
    return { calls: store.calls(), log: store.log(), data: res.data };
  }

  test('a number, an enterprise and words stay within their bounds', async () => {
    const plain = await calls(DESK, { action: 'ledger.list' });
    const number = await calls(DESK, { action: 'ledger.list', q: r.power.no });
    const name = await calls(DESK, { action: 'ledger.list', q: '东城新材料 增容' });
    const code = await calls(DESK, { action: 'ledger.list', q: (await enterprise(r.power.enterpriseId)).creditCode });
    const words = await calls(DESK, { action: 'ledger.list', q: '增容 车间' });
    const middle = await calls(DESK, { action: 'ledger.list', q: '新材料 增容' });
    // measured: plain 10 (a page, its count and five colour counts), number 4, name 5, code 5, middle 6, words 8
    // the caller, the recusals and one find (and the page's cards): fewer than the plain page's five counts
    expect(number.calls).toBeLessThanOrEqual(5);
    expect(number.log.filter((x) => x === 'requests.find')).toHaveLength(2); // the recusals, the number
    // + one find for the name (or the code), one page of the enterprise's requests
    expect(name.calls).toBeLessThanOrEqual(6);
    expect(name.log.filter((x) => x === 'enterprises.find')).toHaveLength(1);
    expect(code.calls).toBeLessThanOrEqual(6);
    // a word inside a name: the start of a name (none), then its pairs (one enterprise); one page of its requests
    expect(middle.data.search).toMatchObject({ by: 'enterprise', enterprises: ['东城新材料科技有限公司'] });
    expect(middle.log.filter((x) => x === 'enterprises.find')).toHaveLength(2);
    expect(middle.log.filter((x) => x === 'requests.find')).toHaveLength(2); // the recusals, the enterprise's page
    expect(middle.calls).toBeLessThanOrEqual(7);
    // words: two words tried as a name, each as a start and as pairs (four finds that found none), one page
    expect(words.log.filter((x) => x === 'enterprises.find')).toHaveLength(4);
    expect(words.calls).toBeLessThanOrEqual(9);
    expect(words.calls).toBeLessThanOrEqual(plain.calls + 2);
  });

  test('a full window costs one find per hundred looked through, no more', async () => {
    // 250 more requests of another enterprise, written straight to the store (copies of one)
    const model = (await h.requests().get(r.power2._id))!;
    for (let i = 0; i < 250; i++) {
      h.clock.advance(1000);
      await h.requests().add({ ...model, _id: `bulk-${i}`, no: `SQ20261123${String(5000 + i)}`, clientKey: `bulk-${i}`, createdAt: h.clock.now().toISOString() });
    }
    SEARCH_LIMITS.window = 200;
    const words = await calls(DESK, { action: 'ledger.list', q: '路灯' });
    // the newest 200 are the copies: the street light of before is out of the window, and the answer says so
    expect(words.data).toMatchObject({ total: 0, search: { scanned: 200, cut: true } });
    const finds = words.log.filter((x) => x === 'requests.find').length;
    expect(finds).toBe(1 + 2); // the recusals, two pages of 100
    expect(words.calls).toBeLessThanOrEqual(4 + 2 + Math.ceil(SEARCH_LIMITS.window / 100));
    // at the default window of 1,000: at most 10 pages
    SEARCH_LIMITS.window = DEFAULTS.window;
    const all = await calls(DESK, { action: 'ledger.list', q: '路灯' });
    expect(ids(all.data)).toEqual([r.light._id]);
    expect(all.data.search).toMatchObject({ scanned: 255, cut: false });
    expect(all.log.filter((x) => x === 'requests.find').length).toBe(1 + 3);
  });
});

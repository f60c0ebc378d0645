/**
 * The knowledge base (issue 15): staff publish entries, the enterprise's typing meets the best of them,
 * an answer that settles the question is counted once, and a request says which answers it was shown.
 */
import { C } from '../collections';
import { countingStore } from '../../tests/support/store-probes';
import { createFunctions, functionOf } from '../functions';
import { devOpenid } from '../seed/demo-district';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const ADMIN = 'u-admin';
const ENT = 'u-linxiao';

const ENTRIES = [
  { question: '企业用电增容怎么申请', answer: '可通过网上国网App或供电营业厅提交增容申请，附用电设备清单和营业执照，供电公司10个工作日内现场勘查并答复方案。', category: 'dianli', departmentId: 'dep-zjj', phrasings: ['变压器容量不够怎么办', '新厂房需要加大用电容量'] },
  { question: '营业执照地址变更需要哪些材料', answer: '携带变更登记申请书、新住所使用证明和原营业执照正副本，到政务服务中心市场监管窗口或在一网通办平台办理，材料齐全当场办结。', category: 'kaiban' },
  { question: '社会保险费如何申请缓缴', answer: '受疫情或经营困难影响的企业可向区社保中心提交缓缴申请，缓缴期最长6个月，期间免收滞纳金。详见[社保缓缴政策](https://www.gov.cn/zhengce/shebao)。', category: 'nashui' },
];

async function publish() {
  const ids: string[] = [];
  for (const e of ENTRIES) ids.push((await h.ok(ADMIN, { action: 'kb.save', ...e })).entry.id);
  return ids;
}

test('the enterprise\'s words meet the entry that answers them, abbreviations and a typo included; nothing for too little or for an unrelated problem', async () => {
  const [power, licence, social] = await publish();
  const best = async (text: string) => (await h.ok(ENT, { action: 'kb.suggest', text })).answers as Array<{ id: string; question: string; department: string | null }>;
  expect((await best('我们厂新建了二号车间变压器不够用了想加容量怎么弄'))[0]).toMatchObject({ id: power, department: '区住房和城乡建设局' });
  // 执照 for 营业执照, 社保 for 社会保险: the abbreviations meet their long forms
  expect((await best('公司搬家了执照地址要改'))[0].id).toBe(licence);
  expect((await best('最近资金紧张，社保费能不能缓缴几个月'))[0].id).toBe(social);
  // 增溶 for 增容: a homophone slip still finds it by the rest
  expect((await best('车间用电增溶申请流程'))[0].id).toBe(power);
  expect(await best('用电')).toEqual([]);
  expect(await best('门口道路坑洼积水，大货车进不来')).toEqual([]);
});

test('a suggestion costs three store calls while the base is unchanged; an edit, a removal and validity dates are seen on the next one', async () => {
  const [power] = await publish();
  const text = '新厂房要加大用电容量';
  await h.ok(ENT, { action: 'kb.suggest', text });
  let on = false;
  const store = countingStore(h.store, () => on);
  const fns = createFunctions({ ...h.ports, store });
  const suggest = async (t: string) => {
    on = true;
    const before = store.calls();
    const r: any = await fns[functionOf('kb.suggest')]({ action: 'kb.suggest', text: t }, { openid: devOpenid(ENT) });
    on = false;
    return { answers: r.data.answers as Array<{ id: string; question: string }>, calls: store.calls() - before };
  };
  // a new instance reads the base once (a page of 100) and the department's name once; the
  // enterprise's latest requests are read for the open ones that look alike (one page)
  const cold = await suggest(text);
  expect(store.log().slice(-cold.calls).sort()).toEqual(['kb.find', 'orgs.get', 'requests.find', 'settings.get', 'users.find']);
  // warm: the caller's lookup, the base's version and that page, nothing else
  const warm = await suggest(text);
  expect(warm.answers[0].id).toBe(power);
  expect(store.log().slice(-warm.calls).sort()).toEqual(['requests.find', 'settings.get', 'users.find']);

  await h.ok(ADMIN, { action: 'kb.save', ...ENTRIES[0], id: power, question: '新建厂房用电增容的办理流程' });
  expect((await suggest(text)).answers[0].question).toBe('新建厂房用电增容的办理流程');
  await h.ok(ADMIN, { action: 'kb.remove', id: power });
  expect((await suggest(text)).answers.map((a) => a.id)).not.toContain(power);
  await h.ok(ADMIN, { action: 'kb.remove', id: power, restore: true });
  // valid from tomorrow (Beijing): not yet
  await h.ok(ADMIN, { action: 'kb.save', ...ENTRIES[0], id: power, validFrom: '2026-11-24' });
  expect((await suggest(text)).answers.map((a) => a.id)).not.toContain(power);
  h.clock.advance(24 * 3600_000);
  expect((await suggest(text)).answers[0].id).toBe(power);
  // the console's list and its audit trail
  const list = await h.ok(ADMIN, { action: 'kb.list', page: 1 });
  expect(list.total).toBe(3);
  expect((await h.ok(ADMIN, { action: 'kb.list', q: '增容' })).items[0].id).toBe(power);
  const log = await h.ok(ADMIN, { action: 'admin.audit.list', entity: 'kb' });
  expect(log.items.map((a: any) => a.action)).toEqual(expect.arrayContaining(['kb.create', 'kb.update', 'kb.remove', 'kb.restore']));
});

test('"已解决，不用提交" counts once per page key and only for a live entry; bad input is refused in Chinese', async () => {
  const [power] = await publish();
  const helped = { action: 'kb.helped', entryId: power, clientKey: 'helped-key-0001', text: '车间增容' };
  expect(await h.ok(ENT, helped)).toEqual({ counted: true });
  expect(await h.ok(ENT, helped)).toEqual({ counted: false });
  expect(await h.ok(ENT, { ...helped, clientKey: 'helped-key-0002' })).toEqual({ counted: true });
  expect(await h.store.collection(C.instantAnswers).count({ entryId: power, at: { $gte: '2026-11-01T00:00:00Z' } })).toBe(2);
  // the leaders' dashboard counts them beside the requests collected, district-wide; a department's view has no such figure
  expect((await h.ok('u-majianguo', { action: 'stats.dashboard', period: 'month' })).instantAnswers).toBe(2);
  expect((await h.ok('u-majianguo', { action: 'stats.dashboard', period: 'month', key: '2026-10' })).instantAnswers).toBe(0);
  expect((await h.ok('u-majianguo', { action: 'stats.dashboard', period: 'month', departmentId: 'dep-zjj' })).instantAnswers).toBeNull();
  await h.ok(ADMIN, { action: 'kb.remove', id: power });
  expect(await h.call(ENT, { ...helped, clientKey: 'helped-key-0003' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('已下线') });
  expect(await h.call(ENT, { ...helped, clientKey: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('提交编号') });
  expect(await h.call(ADMIN, { action: 'kb.save', question: '问', answer: '太短', category: 'nope' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  expect(await h.call(ADMIN, { action: 'kb.save', ...ENTRIES[1], validFrom: '2026-12-01', validTo: '2026-11-01' })).toMatchObject({ ok: false, message: expect.stringContaining('结束日期') });
  expect(await h.call(ADMIN, { action: 'kb.save', ...ENTRIES[1], departmentId: 'g-dc1' })).toMatchObject({ ok: false, message: expect.stringContaining('部门') });
});

test('a request records the answers its enterprise was shown before choosing to submit', async () => {
  const [power, licence] = await publish();
  const { request } = await h.ok(ENT, submission({ shownAnswers: [power, licence] }));
  expect((await h.requests().get(request._id))!.shownAnswers).toEqual([power, licence]);
  const plain = await h.ok(ENT, submission());
  expect((await h.requests().get(plain.request._id))!.shownAnswers).toBeUndefined();
  expect(await h.call(ENT, submission({ shownAnswers: ['a', 'b', 'c', 'd', 'e', 'f'] }))).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
});

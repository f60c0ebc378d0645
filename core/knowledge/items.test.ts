/**
 * The responsibility list (事项清单, issue 15): seeded for the demo district, offered while the
 * enterprise types, carried by the request it chose, explained to the dispatcher, kept by the admin.
 */
import { countingStore } from '../../tests/support/store-probes';
import { createFunctions, functionOf } from '../functions';
import { devOpenid } from '../seed/demo-district';
import { RESPONSIBILITY_ITEMS } from '../seed/responsibility-list';
import { ownerDepartment } from '../seed/responsibility-seed';
import { matchedWords } from './text-match';
import { itemFigures } from './evaluate';
import { ITEM_QUESTIONS } from './fixtures/item-questions';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const ADMIN = 'u-admin';
const ENT = 'u-linxiao';
const DISPATCHER = 'u-sunli';
type Item = { id: string; name: string; department: string | null; departmentId: string | null; owner: string; tierName: string; words: string[] };
const suggest = async (text: string, who = ENT) => (await h.ok(who, { action: 'items.suggest', text })).items as Item[];

test('the demo district holds the whole list; an item keeps a department only where that department owns it', async () => {
  expect((await h.ok(ADMIN, { action: 'items.list', page: 1 })).total).toBe(RESPONSIBILITY_ITEMS.length);
  expect(ownerDepartment({ owner: '区自然资源局（不动产登记中心）' })).toBe('dep-zrzy');
  expect(ownerDepartment({ owner: '区住房和城乡建设局' })).toBe('dep-zjj');
  // a utility the construction bureau supervises is not the bureau: the dispatcher routes it
  expect(ownerDepartment({ owner: '云溪供水公司（区住房和城乡建设局监管）' })).toBeNull();
  expect(ownerDepartment({ owner: '区税务局' })).toBeNull();
});

test('what the enterprise types meets the item that owns it, with the words it matched on and who is responsible', async () => {
  const power = await suggest('车间变压器不够用了，要增容到800千伏安');
  expect(power[0]).toMatchObject({ id: 'ri-018', departmentId: null, department: null, owner: '国网云溪供电中心', tierName: '区' });
  // the reason, in the enterprise's own words
  expect(power[0].words.some((w) => w.includes('增容'))).toBe(true);
  expect(power[0].words.some((w) => w.includes('变压器'))).toBe(true);
  const deed = await suggest('新盖的厂房要办不动产证');
  expect(deed[0]).toMatchObject({ id: 'ri-029', departmentId: 'dep-zrzy', department: '区自然资源局' });
  // a search box's two characters are enough; one is not, nor words no item speaks to
  expect((await suggest('环评'))[0].id).toBe('ri-083');
  expect(await suggest('电')).toEqual([]);
  expect(await suggest('今天天气不错')).toEqual([]);
  expect(await h.call(ENT, { action: 'items.suggest', text: 'x'.repeat(2001) })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
});

test('matched words join overlapping pairs and leave single characters out', () => {
  expect(matchedWords('车间变压器不够用要增容', ['变压', '压器', '增容', '车'])).toEqual(['变压器', '增容']);
  expect(matchedWords('原来400KVA要加', ['千伏', '伏安'])).toEqual(['千伏安']);
});

test('a suggestion costs the caller\'s lookup and the list\'s version while the list is unchanged; an edit or a removal is seen on the next one', async () => {
  const text = '车间变压器不够用了要增容';
  let on = false;
  const store = countingStore(h.store, () => on);
  const fns = createFunctions({ ...h.ports, store });
  const call = async (t: string) => {
    on = true;
    const before = store.calls();
    const r: any = await fns[functionOf('items.suggest')]({ action: 'items.suggest', text: t }, { openid: devOpenid(ENT) });
    on = false;
    return { items: r.data.items as Item[], calls: store.log().slice(-(store.calls() - before)).sort() };
  };
  // a new instance reads the list once: 102 items, two pages of 100 (no department is read: 供电 has none)
  expect((await call(text)).calls).toEqual(['items.find', 'items.find', 'settings.get', 'users.find']);
  const warm = await call(text);
  expect(warm.items[0].id).toBe('ri-018');
  expect(warm.calls).toEqual(['settings.get', 'users.find']);

  await h.ok(ADMIN, { action: 'items.save', id: 'ri-018', name: '专用变压器增容报装', category: 'dianli', tier: 'district', deadlineClass: 'normal', departmentId: 'dep-zjj', keywords: ['增容'] });
  expect((await call(text)).items[0]).toMatchObject({ id: 'ri-018', name: '专用变压器增容报装', department: '区住房和城乡建设局' });
  await h.ok(ADMIN, { action: 'items.remove', id: 'ri-018' });
  expect((await call(text)).items.map((i) => i.id)).not.toContain('ri-018');
  await h.ok(ADMIN, { action: 'items.remove', id: 'ri-018', restore: true });
  expect((await call(text)).items[0].id).toBe('ri-018');
  const log = await h.ok(ADMIN, { action: 'admin.audit.list', entity: 'item' });
  expect(log.items.map((a: any) => a.action)).toEqual(expect.arrayContaining(['item.update', 'item.remove', 'item.restore']));
  expect(await h.call(ADMIN, { action: 'items.save', name: '某事项', category: 'dianli', tier: 'district', deadlineClass: 'normal' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('责任') });
  expect(await h.call(ADMIN, { action: 'items.save', name: '某事项', category: 'dianli', tier: 'district', deadlineClass: 'normal', departmentId: 'g-dc1' })).toMatchObject({ ok: false, message: expect.stringContaining('部门') });
});

test('a request carries the item chosen (id and name), none for 不确定; a removed item is refused; the dispatcher reads the choice, the suggestion and their reasons', async () => {
  const chosen = await h.ok(ENT, submission({ itemId: 'ri-018', description: '新建二号车间变压器容量不够，需增容至800千伏安' }));
  expect((await h.requests().get(chosen.request._id))!.item).toEqual({ id: 'ri-018', name: RESPONSIBILITY_ITEMS.find((i) => i._id === 'ri-018')!.name });
  expect((await h.ok(ENT, { action: 'request.get', id: chosen.request._id })).request.item).toMatchObject({ id: 'ri-018' });
  const unsure = await h.ok(ENT, submission({ itemId: null, category: 'other', description: '厂区门口的路一下雨就积水，大车进出很困难' }));
  expect((await h.requests().get(unsure.request._id))!.item).toBeUndefined();

  const t = await h.ok(DISPATCHER, { action: 'items.triage', id: chosen.request._id });
  expect(t.chosen).toMatchObject({ id: 'ri-018', owner: '国网云溪供电中心', removed: false });
  expect(t.chosen.words.some((w: string) => w.includes('增容'))).toBe(true);
  expect(t.chosen.words.some((w: string) => w.includes('变压器'))).toBe(true);
  expect(t.suggested[0]).toMatchObject({ id: 'ri-018' });
  expect(t.agrees).toBe(true);
  // the admin's rule (按清单分派): proposing a 督办卡 by default, or not at all
  expect(t.routing).toBe('suggest');
  const { version, rules } = await h.ok(ADMIN, { action: 'admin.rules.get' });
  expect(rules.itemRouting).toEqual({ mode: 'suggest' });
  await h.ok(ADMIN, { action: 'admin.rules.save', version, rules: { ...rules, itemRouting: { mode: 'off' } } });
  expect((await h.ok(DISPATCHER, { action: 'items.triage', id: chosen.request._id })).routing).toBe('off');
  expect(await h.call(ADMIN, { action: 'admin.rules.save', version: version + 1, rules: { ...rules, itemRouting: { mode: 'always' } } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  // 不确定 (and every request from before the list): no choice, the description's own suggestion
  const u = await h.ok(DISPATCHER, { action: 'items.triage', id: unsure.request._id });
  expect(u.chosen).toBeNull();
  expect(u.suggested[0].id).toBe('ri-094');
  expect(u.suggested[0].words.length).toBeGreaterThan(0);
  for (const w of u.suggested[0].words) expect('厂区门口的路一下雨就积水，大车进出很困难').toContain(w);
  expect(await h.call('u-zhangwei', { action: 'items.triage', id: chosen.request._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

  await h.ok(ADMIN, { action: 'items.remove', id: 'ri-018' });
  expect(await h.call(ENT, submission({ itemId: 'ri-018' }))).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('停用') });
  // a removed item still reads on the requests that carry it
  expect((await h.ok(DISPATCHER, { action: 'items.triage', id: chosen.request._id })).chosen).toMatchObject({ id: 'ri-018', removed: true });
});

test('on the labelled phrasings (written before any score was seen): the right item first for 9 in 10, among three for 19 in 20', () => {
  const ids = new Set(RESPONSIBILITY_ITEMS.map((i) => i._id));
  expect(ITEM_QUESTIONS.length).toBeGreaterThanOrEqual(60);
  for (const q of ITEM_QUESTIONS) expect(ids).toContain(q.item);
  const f = itemFigures(RESPONSIBILITY_ITEMS, ITEM_QUESTIONS);
  expect(f.top1).toBeGreaterThanOrEqual(0.9);
  expect(f.top3).toBeGreaterThanOrEqual(0.95);
});

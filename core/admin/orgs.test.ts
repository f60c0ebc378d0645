/** The district's tree: admins create, rename, move, retire and restore orgs; nothing is ever deleted, every change is audited. */
import { C } from '../collections';
import type { AuditEntry, Org } from '../model';
import { makeHarness, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const org = async (id: string) => (await h.store.collection<Org>(C.orgs).get(id))!;
const orgAudit = () => h.store.collection<AuditEntry>(C.audit).find({ entity: 'org' }, { orderBy: [['at', 'asc'], ['_id', 'asc']], limit: 100 });
/** the whole org table and its audit trail, to show a refusal wrote nothing */
const snapshot = async () => JSON.stringify([await h.store.collection(C.orgs).find({}, { orderBy: [['_id', 'asc']], limit: 500 }), await orgAudit()]);

describe('admin.orgs.list', () => {
  test('the admin sees the whole tree, retired orgs included, in the view shape', async () => {
    await h.ok('u-admin', { action: 'admin.orgs.retire', id: 'g-la1', reason: '网格合并' });
    const { orgs } = await h.ok('u-admin', { action: 'admin.orgs.list' });
    expect(orgs).toHaveLength(15);
    expect(orgs.find((o: { id: string }) => o.id === 'c-dongcheng')).toEqual({ id: 'c-dongcheng', kind: 'community', name: '东城社区', parentId: 's-dongcheng', communityIds: undefined, active: true, retiredReason: null });
    expect(orgs.find((o: { id: string }) => o.id === 'g-la1')).toMatchObject({ active: false, retiredReason: '网格合并' });
  });

  test('nobody but the admin may read or change the tree', async () => {
    for (const who of ['u-sunli', 'u-majianguo', 'u-zhangwei', 'u-linxiao']) {
      expect(await h.call(who, { action: 'admin.orgs.list' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const before = await snapshot();
    expect(await h.call('u-sunli', { action: 'admin.orgs.create', kind: 'street', name: '新城街道', parentId: 'd-yunxi' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('u-sunli', { action: 'admin.orgs.retire', id: 'g-la1', reason: '网格合并' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await snapshot()).toBe(before);
  });
});

describe('admin.orgs.create', () => {
  test('a street under the district is stored active, with a kind-prefixed id, and audited', async () => {
    const { org: made } = await h.ok('u-admin', { action: 'admin.orgs.create', kind: 'street', name: ' 新城街道 ', parentId: 'd-yunxi' });
    expect(made).toMatchObject({ kind: 'street', name: '新城街道', parentId: 'd-yunxi', active: true, retiredReason: null });
    expect(made.id).toMatch(/^s-/);
    expect(await org(made.id)).toMatchObject({ kind: 'street', name: '新城街道', parentId: 'd-yunxi', active: true });
    expect(await orgAudit()).toEqual([expect.objectContaining({ action: 'org.create', entityId: made.id, actorId: 'u-admin', summary: '新建街道（乡镇）“新城街道”', before: null })]);
  });

  test('a grid covers its parent community first, plus the others named, once each', async () => {
    const { org: made } = await h.ok('u-admin', { action: 'admin.orgs.create', kind: 'grid', name: '东城三网格', parentId: 'c-dongcheng', communityIds: ['c-chaoyang', 'c-dongcheng', 'c-chaoyang'] });
    expect(made.communityIds).toEqual(['c-dongcheng', 'c-chaoyang']);
    expect((await org(made.id)).communityIds).toEqual(['c-dongcheng', 'c-chaoyang']);
  });

  test.each([
    ['a second district', { kind: 'district', name: '云山区' }, 'INVALID_STATE', '本系统已有区（县）组织，一个部署只服务一个区（县）'],
    ['a community straight under the district', { kind: 'community', name: '新村社区', parentId: 'd-yunxi' }, 'VALIDATION_FAILED', '社区（村）的上级应为在用的街道（乡镇）'],
    ['a grid without a parent', { kind: 'grid', name: '无主网格' }, 'VALIDATION_FAILED', '网格的上级应为在用的社区（村）'],
    ['a department under a street', { kind: 'department', name: '区文旅局', parentId: 's-xihu' }, 'VALIDATION_FAILED', '部门的上级应为在用的区（县）'],
    ['a parent that does not exist', { kind: 'street', name: '新城街道', parentId: 'd-nowhere' }, 'VALIDATION_FAILED', '街道（乡镇）的上级应为在用的区（县）'],
    ['a name a sibling already has', { kind: 'community', name: '东城社区', parentId: 's-dongcheng' }, 'VALIDATION_FAILED', '同一上级下已有名为“东城社区”的社区（村）'],
    ['a grid covering a street', { kind: 'grid', name: '东城三网格', parentId: 'c-dongcheng', communityIds: ['s-xihu'] }, 'VALIDATION_FAILED', '网格覆盖的社区不存在或已撤销'],
    ['a one-character name', { kind: 'street', name: '城', parentId: 'd-yunxi' }, 'VALIDATION_FAILED', '名称至少2个字'],
    ['an unknown kind', { kind: 'village', name: '新村', parentId: 's-xihu' }, 'VALIDATION_FAILED', '请选择组织类型'],
  ])('refuses %s with a clear message and writes nothing', async (_what, input, code, message) => {
    const before = await snapshot();
    const r = await h.call('u-admin', { action: 'admin.orgs.create', ...input });
    expect(r).toMatchObject({ ok: false, code });
    expect(r.ok ? '' : r.message).toContain(message);
    expect(await snapshot()).toBe(before);
  });

  test('nothing can be hung under a retired parent', async () => {
    await h.ok('u-admin', { action: 'admin.orgs.retire', id: 'g-la1', reason: '网格合并' });
    await h.ok('u-admin', { action: 'admin.orgs.retire', id: 'c-liuan', reason: '社区合并' });
    expect(await h.call('u-admin', { action: 'admin.orgs.create', kind: 'grid', name: '柳岸二网格', parentId: 'c-liuan' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'parentId', message: '请选择上级社区（村）' }] });
    expect(await h.call('u-admin', { action: 'admin.orgs.create', kind: 'grid', name: '西湖三网格', parentId: 'c-xihu', communityIds: ['c-liuan'] })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '网格覆盖的社区不存在或已撤销' });
  });
});

describe('admin.orgs.update', () => {
  test('renaming keeps the id and records before and after', async () => {
    const { org: after } = await h.ok('u-admin', { action: 'admin.orgs.update', id: 'c-chaoyang', name: '朝阳新村社区' });
    expect(after).toMatchObject({ id: 'c-chaoyang', name: '朝阳新村社区', parentId: 's-dongcheng' });
    expect((await org('c-chaoyang')).name).toBe('朝阳新村社区');
    const [entry] = await orgAudit();
    expect(entry).toMatchObject({ action: 'org.update', entityId: 'c-chaoyang', summary: '社区（村）“朝阳社区”更名为“朝阳新村社区”', before: { name: '朝阳社区' }, after: { name: '朝阳新村社区' } });
  });

  test('moving a community to another street changes its parent', async () => {
    await h.ok('u-admin', { action: 'admin.orgs.update', id: 'c-chaoyang', parentId: 's-xihu' });
    expect((await org('c-chaoyang')).parentId).toBe('s-xihu');
    expect((await orgAudit()).map((a) => a.summary)).toEqual(['社区（村）“朝阳社区”调整上级']);
  });

  test('moving a grid re-derives the communities it covers from its new parent', async () => {
    await h.ok('u-admin', { action: 'admin.orgs.update', id: 'g-cy1', parentId: 'c-xihu' });
    expect(await org('g-cy1')).toMatchObject({ parentId: 'c-xihu', communityIds: ['c-xihu'] });
    expect((await orgAudit())[0].summary).toBe('网格“朝阳一网格”调整上级，调整覆盖社区');
  });

  test('a grid moved to another community stops covering the one it left, unless it is listed', async () => {
    const { org: made } = await h.ok('u-admin', { action: 'admin.orgs.create', kind: 'grid', name: '东城三网格', parentId: 'c-dongcheng' });
    await h.ok('u-admin', { action: 'admin.orgs.update', id: made.id, parentId: 'c-xihu' });
    expect(await org(made.id)).toMatchObject({ parentId: 'c-xihu', communityIds: ['c-xihu'] });
    await h.ok('u-admin', { action: 'admin.orgs.update', id: made.id, parentId: 'c-liuan', communityIds: ['c-xihu'] });
    expect(await org(made.id)).toMatchObject({ parentId: 'c-liuan', communityIds: ['c-liuan', 'c-xihu'] });
  });

  test('a rename or a move that would give two siblings one name is refused, as creating one is', async () => {
    await h.ok('u-admin', { action: 'admin.orgs.create', kind: 'community', name: '西湖社区', parentId: 's-dongcheng' });
    const before = await snapshot();
    // 朝阳社区 renamed to its sibling's name; 西湖社区 of 西湖街道 moved beside the new 西湖社区 of 东城街道
    for (const input of [{ id: 'c-chaoyang', name: '东城社区' }, { id: 'c-xihu', parentId: 's-dongcheng' }]) {
      const r = await h.call('u-admin', { action: 'admin.orgs.update', ...input });
      expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect(r.ok ? '' : r.message).toMatch(/^同一上级下已有名为“(东城社区|西湖社区)”的社区（村）$/);
    }
    expect(await snapshot()).toBe(before);
    // its own name, or another name, is fine
    await h.ok('u-admin', { action: 'admin.orgs.update', id: 'c-chaoyang', name: '朝阳新社区' });
  });

  test('sending what is already stored changes nothing and audits nothing', async () => {
    const before = await snapshot();
    const { org: same } = await h.ok('u-admin', { action: 'admin.orgs.update', id: 'c-chaoyang', name: '朝阳社区', parentId: 's-dongcheng' });
    expect(same).toMatchObject({ id: 'c-chaoyang', name: '朝阳社区' });
    expect(await snapshot()).toBe(before);
  });

  test.each([
    ['nothing to change', { id: 'c-chaoyang' }, 'VALIDATION_FAILED', '没有要修改的内容：请修改名称、上级或覆盖社区中的一项'],
    ['an org that does not exist', { id: 'c-nowhere', name: '无名社区' }, 'NOT_FOUND', '未找到该组织'],
    ['a parent of the wrong kind', { id: 'c-chaoyang', parentId: 'd-yunxi' }, 'VALIDATION_FAILED', '社区（村）的上级应为在用的街道（乡镇）'],
    ['a grid covering a missing community', { id: 'g-dc1', communityIds: ['c-nowhere'] }, 'VALIDATION_FAILED', '网格覆盖的社区不存在或已撤销'],
  ])('refuses %s and writes nothing', async (_what, input, code, message) => {
    const before = await snapshot();
    expect(await h.call('u-admin', { action: 'admin.orgs.update', ...input })).toMatchObject({ ok: false, code, message });
    expect(await snapshot()).toBe(before);
  });
});

describe('admin.orgs.retire and restore', () => {
  test('an org with active children cannot be retired; once they are gone it can, with its reason kept', async () => {
    const before = await snapshot();
    expect(await h.call('u-admin', { action: 'admin.orgs.retire', id: 'c-liuan', reason: '社区合并' })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '请先撤销或调整其下级组织' });
    expect(await snapshot()).toBe(before);
    await h.ok('u-admin', { action: 'admin.orgs.retire', id: 'g-la1', reason: '网格合并' });
    const { org: retired } = await h.ok('u-admin', { action: 'admin.orgs.retire', id: 'c-liuan', reason: '社区合并' });
    expect(retired).toMatchObject({ id: 'c-liuan', active: false, retiredReason: '社区合并' });
    expect(await org('c-liuan')).toMatchObject({ active: false, retiredReason: '社区合并' });
    expect((await orgAudit()).map((a) => [a.action, a.summary])).toEqual([
      ['org.retire', '撤销网格“柳岸一网格”：网格合并'],
      ['org.retire', '撤销社区（村）“柳岸社区”：社区合并'],
    ]);
  });

  test('retiring twice, an unknown org, or without a reason is refused and writes nothing', async () => {
    await h.ok('u-admin', { action: 'admin.orgs.retire', id: 'g-la1', reason: '网格合并' });
    const before = await snapshot();
    expect(await h.call('u-admin', { action: 'admin.orgs.retire', id: 'g-la1', reason: '再次撤销' })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '该组织已撤销' });
    expect(await h.call('u-admin', { action: 'admin.orgs.retire', id: 'g-nowhere', reason: '网格合并' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该组织' });
    expect(await h.call('u-admin', { action: 'admin.orgs.retire', id: 'g-xh2', reason: ' ' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('请填写撤销原因') });
    expect(await h.call('u-admin', { action: 'admin.orgs.retire', id: 'g-xh2' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('请填写撤销原因') });
    expect(await snapshot()).toBe(before);
    expect((await org('g-xh2')).active).toBe(true);
  });

  test('restoring brings the org back and clears the reason; restoring an active org is a no-op', async () => {
    await h.ok('u-admin', { action: 'admin.orgs.retire', id: 'g-la1', reason: '网格合并' });
    const { org: back } = await h.ok('u-admin', { action: 'admin.orgs.restore', id: 'g-la1' });
    expect(back).toMatchObject({ id: 'g-la1', active: true, retiredReason: null });
    expect(await org('g-la1')).toMatchObject({ active: true, retiredReason: null });
    expect((await orgAudit()).at(-1)).toMatchObject({ action: 'org.restore', summary: '恢复网格“柳岸一网格”', before: { active: false }, after: { active: true } });
    const before = await snapshot();
    expect((await h.ok('u-admin', { action: 'admin.orgs.restore', id: 'g-la1' })).org).toMatchObject({ id: 'g-la1', active: true });
    expect(await snapshot()).toBe(before);
  });

  test('an org cannot be restored under a retired parent, nor an unknown one', async () => {
    await h.ok('u-admin', { action: 'admin.orgs.retire', id: 'g-la1', reason: '网格合并' });
    await h.ok('u-admin', { action: 'admin.orgs.retire', id: 'c-liuan', reason: '社区合并' });
    const before = await snapshot();
    expect(await h.call('u-admin', { action: 'admin.orgs.restore', id: 'g-la1' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '网格的上级应为在用的社区（村）' });
    expect(await h.call('u-admin', { action: 'admin.orgs.restore', id: 'g-nowhere' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该组织' });
    expect(await snapshot()).toBe(before);
  });
});

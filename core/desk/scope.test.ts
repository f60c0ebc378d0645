/**
 * A dispatcher's scope: their center and the centers below it (never above, never a sibling);
 * leaders and inactive users supervise nothing here; supervisorsOf finds the dispatchers on a
 * request's chain.
 */
import { C } from '../collections';
import { forgetOrgs } from '../org-cache';
import type { Org, ServiceRequest, User } from '../model';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { canSupervise, centerScope, chainUp, orgScope, supervisorsOf } from './scope';

let h: Harness;
let sunli: User;
beforeEach(async () => {
  h = await makeHarness();
  sunli = (await h.store.collection<User>(C.users).get('u-sunli'))!;
});
afterEach(() => h.cleanup());

/** 孙丽 as a dispatcher of another center (or of none) */
const at = (orgId: string | undefined, over: Partial<User> = {}): User => ({ ...sunli, orgId, ...over });
const req = (tierOrgId: string | null) => ({ _id: 'r-1', tierOrgId }) as unknown as ServiceRequest;
const sorted = (s: Set<string> | null) => (s ? [...s].sort() : s);

const ALL_CENTERS = ['c-chaoyang', 'c-dongcheng', 'c-liuan', 'c-xihu', 'd-yunxi', 's-dongcheng', 's-xihu'];

describe('centerScope and orgScope', () => {
  test('the district center needs no filter; as a set it is every center, and no grid or department', async () => {
    expect(await centerScope(h.ports, sunli)).toBeNull();
    expect(await centerScope(h.ports, at(undefined))).toBeNull();
    expect(sorted(await orgScope(h.ports, sunli))).toEqual(ALL_CENTERS);
    expect(sorted(await orgScope(h.ports, at(undefined)))).toEqual(ALL_CENTERS);
  });

  test('a street center covers itself and its communities, not its sibling street nor the district', async () => {
    const scope = ['c-chaoyang', 'c-dongcheng', 's-dongcheng'];
    expect(sorted(await centerScope(h.ports, at('s-dongcheng')))).toEqual(scope);
    expect(sorted(await orgScope(h.ports, at('s-dongcheng')))).toEqual(scope);
  });

  test('a community center covers only itself; an org that no longer exists covers only its own id', async () => {
    expect(sorted(await centerScope(h.ports, at('c-liuan')))).toEqual(['c-liuan']);
    expect(sorted(await centerScope(h.ports, at('c-gone')))).toEqual(['c-gone']);
  });

  test('a community added under a street joins that street’s scope', async () => {
    await h.ok('u-admin', { action: 'admin.orgs.create', kind: 'community', name: '新湖社区', parentId: 's-xihu' });
    const scope = sorted(await centerScope(h.ports, at('s-xihu')))!;
    expect(scope).toHaveLength(4);
    expect(scope).toEqual(expect.arrayContaining(['s-xihu', 'c-xihu', 'c-liuan']));
    expect(scope.some((id) => id.startsWith('c-id'))).toBe(true);
  });
});

describe('canSupervise', () => {
  test.each([
    ['the district center, a community request', 'd-yunxi', 'c-xihu', true],
    ['the district center, its own request', 'd-yunxi', 'd-yunxi', true],
    ['a street, a request of its community', 's-dongcheng', 'c-chaoyang', true],
    ['a street, its own request', 's-dongcheng', 's-dongcheng', true],
    ['a street, a request of the other street’s community', 's-dongcheng', 'c-xihu', false],
    ['a street, a request at the district above it', 's-dongcheng', 'd-yunxi', false],
    ['a community, a request at its street', 'c-dongcheng', 's-dongcheng', false],
    ['a community, a sibling community', 'c-dongcheng', 'c-chaoyang', false],
    ['a street, a request at no center', 's-dongcheng', null, false],
  ])('%s → %s', async (_what, orgId, tier, expected) => {
    expect(await canSupervise(h.ports, at(orgId), req(tier))).toBe(expected);
  });

  test('a dispatcher of no center supervises whatever sits under the district, and nothing else', async () => {
    expect(await canSupervise(h.ports, at(undefined), req('c-liuan'))).toBe(true);
    expect(await canSupervise(h.ports, at(undefined), req('c-gone'))).toBe(false);
    expect(await canSupervise(h.ports, at(undefined), req(null))).toBe(false);
  });

  test('only an active dispatcher supervises', async () => {
    expect(await canSupervise(h.ports, at('d-yunxi', { active: false }), req('c-xihu'))).toBe(false);
    const leader = (await h.store.collection<User>(C.users).get('u-majianguo'))!;
    expect(await canSupervise(h.ports, leader, req('c-xihu'))).toBe(false);
    const admin = (await h.store.collection<User>(C.users).get('u-admin'))!;
    expect(await canSupervise(h.ports, admin, req('d-yunxi'))).toBe(false);
  });

  test('a parent cycle made by hand ends the walk instead of looping', async () => {
    const orgs = h.store.collection<Org>(C.orgs);
    await orgs.add({ _id: 'c-loop1', kind: 'community', name: '环一社区', parentId: 'c-loop2', active: true });
    await orgs.add({ _id: 'c-loop2', kind: 'community', name: '环二社区', parentId: 'c-loop1', active: true });
    forgetOrgs(h.ports);
    expect((await chainUp(h.ports, 'c-loop1')).map((o) => o._id)).toEqual(['c-loop1', 'c-loop2']);
    expect(await canSupervise(h.ports, at(undefined), req('c-loop1'))).toBe(false);
    expect(await canSupervise(h.ports, at('s-xihu'), req('c-loop1'))).toBe(false);
  });
});

describe('supervisorsOf', () => {
  async function dispatcher(id: string, orgId: string, active = true) {
    await h.store.collection<User>(C.users).add({ ...sunli, _id: id, openid: `dev-${id}`, orgId, active });
  }

  test('the active dispatchers at the request’s center and above, not beside or below', async () => {
    await dispatcher('u-d-street', 's-xihu');
    await dispatcher('u-d-comm', 'c-xihu');
    await dispatcher('u-d-sib', 'c-liuan');
    await dispatcher('u-d-other', 's-dongcheng');
    await dispatcher('u-d-gone', 'c-xihu', false);
    expect((await supervisorsOf(h.ports, req('c-xihu'))).sort()).toEqual(['u-d-comm', 'u-d-street', 'u-sunli']);
    expect((await supervisorsOf(h.ports, req('s-xihu'))).sort()).toEqual(['u-d-street', 'u-sunli']);
    expect(await supervisorsOf(h.ports, req('d-yunxi'))).toEqual(['u-sunli']);
  });

  test('a request at an org no longer in the tree still reaches the dispatchers of that id; one at no center reaches nobody', async () => {
    await dispatcher('u-d-gone-org', 'c-gone');
    expect(await supervisorsOf(h.ports, req('c-gone'))).toEqual(['u-d-gone-org']);
    expect(await supervisorsOf(h.ports, req(null))).toEqual([]);
  });
});

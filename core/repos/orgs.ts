/**
 * The org tree (district, streets and parks, communities, grids, departments): every way the use
 * cases read it, beside the index of core/collections.ts (INDEXES.orgs) that serves it. Reading one
 * org by id on a hot path goes through core/org-cache.ts (10 s per store) instead. One store call
 * per method call (readAll ceil((n + 1) / 100)).
 */
import { C } from '../collections';
import type { Org } from '../model';
import type { Store, Update } from '../ports';
import { getMany, readAll } from '../read-all';

type Kind = Org['kind'];

export function orgRepo(store: Store) {
  const c = store.collection<Org>(C.orgs);
  return {
    get: (id: string) => c.get(id),
    /** by ids, one read per 100 */
    getMany: (ids: Array<string | null | undefined>) => getMany(c, ids),
    add: (org: Org) => c.add(org),
    update: (id: string, update: Update) => c.update(id, update),

    // --- by kind: 'kind,_id' and 'kind,name' ---
    /** every org of some kinds (active only if asked), `what` names them in the too-many error */
    ofKinds: (kinds: Kind[], o: { activeOnly?: boolean; what: string }) =>
      readAll(c, { kind: kinds.length === 1 ? kinds[0] : { $in: kinds }, ...(o.activeOnly ? { active: true } : {}) }, { what: o.what }),
    /** the district (one per deployment) */
    district: async () => (await c.find({ kind: 'district' }, { limit: 1 }))[0] ?? null,
    countActiveDistricts: () => c.count({ kind: 'district', active: true }),
    /** an org of this kind and name under the same parent (names are unique among siblings) */
    siblingNamed: async (kind: Kind, parentId: string | null, name: string) => (await c.find({ kind, parentId, name }, { limit: 1 }))[0] ?? null,
    /** one page of the whole tree in (kind, name) order (the admin's org list) */
    pageByKindName: (skip: number, limit: number) => c.find({}, { orderBy: [['kind', 'asc'], ['name', 'asc']], skip, limit }),

    // --- the tree: 'parentId' ---
    /** children of some orgs (at most 100 parents a call), of some kinds */
    childrenOf: (parentIds: string[], kinds: Kind[], what: string) =>
      readAll(c, { parentId: { $in: parentIds }, kind: kinds.length === 1 ? kinds[0] : { $in: kinds } }, { what }),
    countActiveChildren: (parentId: string) => c.count({ parentId, active: true }),

    // --- 'active,_id' ---
    allActive: () => readAll(c, { active: true }, { what: '组织' }),
    countActive: () => c.count({ active: true }),
  };
}

/**
 * The enterprise registry (企业名录): every way the use cases read it, beside the index of
 * core/collections.ts (INDEXES.enterprises) that serves it, and the guarded writes of its contact
 * list and its place. One store call per method call (pages: one per 100).
 */
import { C } from '../collections';
import type { Enterprise } from '../model';
import { MAX_PAGE, type Filter, type Store, type Update } from '../ports';
import { getMany, pagesOf, readAll } from '../read-all';

/**
 * The pairs of neighbouring characters of a name (any case, spaces dropped): kept on the enterprise
 * (`nameGrams`, a multikey index) so that a ledger search finds it by a word from the middle of its
 * name ("新材料" in 东城新材料科技有限公司: 新材 and 材料), where the 'name' index finds only its start.
 * A word of one character has none.
 */
export function nameGrams(name: string): string[] {
  const chars = [...name.toLowerCase().replace(/\s+/g, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/** the name's pairs go with every write of a name */
const withGrams = (update: Update): Update => {
  const name = (update.$set as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? { ...update, $set: { ...update.$set, nameGrams: nameGrams(name) } } : update;
};

export function enterpriseRepo(store: Store) {
  const c = store.collection<Enterprise>(C.enterprises);
  const inGrid = (gridId?: string): Filter => (gridId ? { gridId } : {});
  return {
    get: (id: string) => c.get(id),
    /** the next page after an id, in _id order (a pass over the whole registry, e.g. core/admin/name-grams.ts) */
    pageById: (after: string, limit: number) => c.find(after ? { _id: { $gt: after } } : {}, { orderBy: [['_id', 'asc']], limit: Math.min(limit, MAX_PAGE) }),
    /** up to 100 a call, by id ($in): whom a meeting's problems name */
    getMany: (ids: string[]) => getMany(c, ids),
    add: (ent: Enterprise) => c.add({ ...ent, nameGrams: nameGrams(ent.name) } as Enterprise),
    update: (id: string, update: Update) => c.update(id, withGrams(update)),
    countAll: () => c.count({}),

    // --- 'creditCode' (unique) ---
    byCreditCode: async (creditCode: string, gridId?: string) => (await c.find({ ...inGrid(gridId), creditCode }, { limit: 1 }))[0] ?? null,
    /** the registered ones among up to 100 credit codes (an import's lookup) */
    byCreditCodes: (codes: string[]) => readAll(c, { creditCode: { $in: codes } }),

    // --- by name, of one grid or all: 'gridId,name' and 'name' ---
    pageByName: (gridId: string | undefined, skip: number, limit: number) => c.find(inGrid(gridId), { orderBy: [['name', 'asc']], skip, limit }),
    /** up to `limit` a liaison is the 特派员 of, by name (whom it may file for): 'liaisonId,name' */
    ofLiaison: (userId: string, limit: number) => c.find({ liaisonId: userId }, { orderBy: [['name', 'asc']], limit: Math.min(limit, MAX_PAGE) }),
    count: (gridId?: string) => c.count(inGrid(gridId)),
    /** up to `limit` whose name starts with `prefix`, by name (a ledger search by enterprise): a range on 'name' */
    byNamePrefix: (prefix: string, limit: number) =>
      c.find({ name: { $gte: prefix, $lt: `${prefix}\u{10ffff}` } }, { orderBy: [['name', 'asc']], limit: Math.min(limit, MAX_PAGE) }),

    // --- 'nameGrams' (multikey) ---
    /**
     * up to `limit` whose name holds every pair of neighbouring characters of `word` (a word of two
     * characters or more): the candidates for a name holding the word, which the caller checks
     */
    byNameGrams: (word: string, limit: number) => {
      const grams = nameGrams(word);
      return grams.length ? c.find({ nameGrams: { $all: grams } }, { orderBy: [['_id', 'asc']], limit: Math.min(limit, MAX_PAGE) }) : Promise.resolve([] as Enterprise[]);
    },

    /** every enterprise of some grids (up to 100 a call) or of all, a page of 100 at a time: 'gridId,_id' */
    pagesInGrids: (gridIds: string[] | null) => pagesOf(c, gridIds === null ? {} : { gridId: { $in: gridIds } }),

    // --- guarded writes ---
    /** adds a contact while the enterprise has room for one: false when full */
    addContact: (id: string, userId: string, max: number) =>
      c.update(id, { $push: { contactIds: userId }, $inc: { contactCount: 1 } }, { contactCount: { $lt: max } }),
    /** removes a contact from the list as read (by its count): false when it changed meanwhile */
    removeContact: (ent: Pick<Enterprise, '_id' | 'contactIds' | 'contactCount'>, userId: string) =>
      c.update(ent._id, { $set: { contactIds: ent.contactIds.filter((id) => id !== userId), contactCount: ent.contactCount - 1 } }, { contactCount: ent.contactCount }),
    /** records the enterprise's place unless one is already recorded: false when it was */
    setLocationIfNone: (id: string, location: Enterprise['location']) =>
      c.update(id, { $set: { location } }, { $or: [{ location: { $exists: false } }, { location: null }] }),
  };
}

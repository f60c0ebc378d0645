/**
 * The responsibility list (事项清单, issue 15): the matters enterprises raise, each with the words they
 * use for it, the department and tier that own it, its legal basis and its deadline class. The submit
 * page offers the items that match what the enterprise types ("您要反映的是…"); the dispatcher's
 * triage shows the item the request carries and why it matched.
 *
 * Cached like the knowledge base (kb.ts): each function instance keeps the index it built, stamped
 * with the list's version (one settings document, bumped by every edit), so while nothing changed a
 * suggestion costs that one store call.
 */
import { C } from '../collections';
import type { Ports, Store } from '../ports';
import { readAll } from '../read-all';
import { matchedWords, textIndex, type Match } from './text-match';
import type { CategoryCode, Tier } from '../contract/catalog';
import type { DeadlineClass } from '../contract/items';

export type ItemEntry = {
  _id: string;
  name: string;
  category: CategoryCode;
  keywords: string[];
  /** ways enterprises describe it */
  phrasings: string[];
  /** a department of the district that owns it; null when the owner is none of them (then `owner` names it) */
  departmentId: string | null;
  /** the owning body in words: the department, a utility, a street office */
  owner: string;
  tier: Tier;
  legalBasis: string;
  deadlineClass: DeadlineClass;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy?: string;
};

/** the settings document whose `version` moves with every change of the list */
export const ITEMS_VERSION_DOC = 'items';

type Built = { version: number; index: ReturnType<typeof textIndex>; items: Map<string, ItemEntry> };
const built = new WeakMap<Store, Built>();

export function itemRepo(store: Store) {
  const c = store.collection<ItemEntry>(C.items);
  const settings = store.collection<{ _id: string; version?: number }>(C.settings);
  return {
    get: (id: string) => c.get(id),
    add: (e: ItemEntry) => c.add(e),
    update: (id: string, set: Partial<ItemEntry>) => c.update(id, { $set: set }),
    allActive: () => readAll(c, { active: true }, { what: '事项清单' }),
    version: async () => (await settings.get(ITEMS_VERSION_DOC))?.version ?? 0,
    bump: () => settings.increment(ITEMS_VERSION_DOC, 'version', 1),
  };
}

/**
 * The matcher over some items: the name as the title, keywords and phrasings beside it. The one way
 * it is built, for the suggestions, the triage and the labelled-set figures.
 */
export const itemTextIndex = (items: ReadonlyArray<Pick<ItemEntry, '_id' | 'name' | 'keywords' | 'phrasings'>>) =>
  textIndex(items.map((i) => ({ id: i._id, title: i.name, alias: [...i.keywords, ...i.phrasings].join('；') })));

/** the index of the active items, as of the list's current version (rebuilt when it moved) */
export async function itemIndex(ports: Ports): Promise<Built> {
  const repo = itemRepo(ports.store);
  const version = await repo.version();
  const have = built.get(ports.store);
  if (have && have.version === version) return have;
  const items = await repo.allActive();
  const next: Built = { version, items: new Map(items.map((i) => [i._id, i])), index: itemTextIndex(items) };
  built.set(ports.store, next);
  return next;
}

export type ItemMatch = { item: ItemEntry; match: Match; words: string[] };

/** the best items for a text, with the words of the text each matched on */
export function bestItems(b: Built, text: string, limit = 5): ItemMatch[] {
  return b.index.search(text, { limit })
    .map((match) => ({ item: b.items.get(match.id)!, match }))
    .filter((x) => x.item)
    .map(({ item, match }) => ({ item, match, words: matchedWords(text, match.terms) }));
}

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
import type { Store } from '../ports';
import { entriesBy, versionedIndex, versionedRepo, type Built } from './versioned';
import { matchedWords, textIndex, type Match } from './text-match';
import type { StoredCategory, Tier } from '../contract/catalog';
import type { DeadlineClass } from '../contract/items';

export type ItemEntry = {
  _id: string;
  name: string;
  /** a leaf (小类) the item hangs from; an item from before the taxonomy may carry an old code, read as its leaf */
  category: StoredCategory;
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

export function itemRepo(store: Store) {
  const repo = versionedRepo<ItemEntry>(store, C.items, ITEMS_VERSION_DOC, '事项清单');
  return {
    ...repo,
    /** the items with these exact names, active or not (an import's match): one call per 90 ('name') */
    byNames: (names: string[]) => entriesBy(repo, 'name', names),
  };
}

/**
 * The matcher over some items: the name as the title, keywords and phrasings beside it. The one way
 * it is built, for the suggestions, the triage and the labelled-set figures.
 */
export const itemTextIndex = (items: ReadonlyArray<Pick<ItemEntry, '_id' | 'name' | 'keywords' | 'phrasings'>>) =>
  textIndex(items.map((i) => ({ id: i._id, title: i.name, alias: [...i.keywords, ...i.phrasings].join('；') })));

/** the index of the active items, as of the list's current version (rebuilt when it moved) */
export const itemIndex = versionedIndex<ItemEntry>(itemRepo, itemTextIndex);

export type ItemMatch = { item: ItemEntry; match: Match; words: string[] };

/** the best items for a text, with the words of the text each matched on */
export function bestItems(b: Built<ItemEntry>, text: string, limit = 5): ItemMatch[] {
  return b.index.search(text, { limit })
    .map((match) => ({ item: b.byId.get(match.id)!, match }))
    .filter((x) => x.item)
    .map(({ item, match }) => ({ item, match, words: matchedWords(text, match.terms) }));
}

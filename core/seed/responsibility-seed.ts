/**
 * Stores the responsibility list (responsibility-list.ts) for the demo district. The list's
 * `departmentId` is a placeholder for departments the demo district lacks; here an item keeps a
 * department only when that department owns it (its `owner` starts with the department's name), so
 * routing never sends the tax office's matters to the construction bureau. The others keep their
 * owner in words (`owner`) and are routed by the dispatcher.
 */
import { C } from '../collections';
import type { ItemEntry } from '../knowledge/items';
import type { Store } from '../ports';
import { RESPONSIBILITY_ITEMS, type ResponsibilityItem } from './responsibility-list';

/** the demo district's departments by name (demo-district.ts) */
const DEPARTMENTS: Array<[name: string, id: string]> = [['区自然资源局', 'dep-zrzy'], ['区住房和城乡建设局', 'dep-zjj']];

/** the department of the district that owns an item, if any */
export const ownerDepartment = (i: Pick<ResponsibilityItem, 'owner'>): string | null =>
  DEPARTMENTS.find(([name]) => i.owner.startsWith(name))?.[1] ?? null;

export function itemEntries(at: string): ItemEntry[] {
  return RESPONSIBILITY_ITEMS.map((i) => ({
    _id: i._id, name: i.name, category: i.category, keywords: i.keywords, phrasings: i.phrasings,
    departmentId: ownerDepartment(i), owner: i.owner, tier: i.tier, legalBasis: i.legalBasis, deadlineClass: i.deadlineClass,
    active: true, createdAt: at, updatedAt: at,
  }));
}

/** the list, stored once (a district that has items keeps its own) */
export async function seedResponsibilityList(store: Store, now: Date): Promise<number> {
  const c = store.collection<ItemEntry>(C.items);
  if ((await c.find({ active: true }, { limit: 1 })).length) return 0;
  const items = itemEntries(now.toISOString());
  for (const i of items) await c.add(i);
  return items.length;
}

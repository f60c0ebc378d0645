/**
 * The responsibility list's actions (事项清单, issue 15): the submit page's "您要反映的是…" (items.suggest),
 * the dispatcher's triage of one request (items.triage), and the console's upkeep (items.list,
 * items.save, items.remove; admin only, audited). All in the console function, beside kb.suggest, so
 * the matcher stays out of the service function's bundle.
 */
import { C } from '../collections';
import { type Ctx, requireRole } from '../context';
import { categoryName, groupOf, leafOf, TIERS } from '../contract/catalog';
import { DEADLINE_CLASSES, DEFAULT_ITEM_ROUTING, ITEM_ROUTING_DOC, type ItemRoutingMode, ItemListInput, ItemRemoveInput, ItemSaveInput, ItemSuggestInput, ItemTriageInput } from '../contract/items';
import type { Sent } from '../contract/schema';
import { AppError } from '../errors';
import { orgById } from '../org-cache';
import { parseInput } from '../validation';
import { loadSupervised } from '../desk/triage';
import { bestItems, itemIndex, itemRepo, itemTextIndex, type ItemEntry } from './items';
import { adminList, requireDepartment, saveEntry, setActive } from './versioned';
import { matchedWords, terms } from './text-match';

/** items offered per text on the submit page, and suggested to the dispatcher */
export const ITEMS_SHOWN = 5;
export const ITEMS_TRIAGE = 3;

/** an item as the pages read it: its department by name (or the owner in words when no department of the district owns it) */
async function itemView(ctx: Ctx, i: ItemEntry) {
  const dept = i.departmentId ? await orgById(ctx.ports, i.departmentId) : null;
  return {
    // an item stored with an old code reads as its leaf, so the page picks the leaf
    id: i._id, name: i.name, category: leafOf(i.category) ?? 'other', group: groupOf(i.category) ?? 'fuwu', categoryName: categoryName(i.category),
    departmentId: dept ? i.departmentId : null, department: dept?.name ?? null, owner: i.owner,
    tier: i.tier, tierName: TIERS[i.tier], legalBasis: i.legalBasis, deadlineClass: i.deadlineClass, deadlineClassName: DEADLINE_CLASSES[i.deadlineClass],
  };
}

/**
 * items.suggest: the items that best match the words, for anyone signed in (the enterprise on its
 * submit page; staff filing for one). While the list is unchanged: its version, one store call.
 */
export async function suggestItems(ctx: Ctx, input: Sent<typeof ItemSuggestInput>) {
  const { text } = parseInput(ItemSuggestInput, input);
  // a pair of characters at least ("增容"): one character says nothing
  if (!terms(text).some((t) => t.length > 1)) return { items: [] };
  const found = bestItems(await itemIndex(ctx.ports), text, ITEMS_SHOWN);
  return { items: await Promise.all(found.map(async ({ item, words }) => ({ ...(await itemView(ctx, item)), words }))) };
}

/**
 * items.triage (dispatcher, on a request it supervises): the item the enterprise chose and the words
 * of its description that speak for it, and the items the description itself matches best, each with
 * its words: the suggestion and its reason. An item since removed still shows, marked so. `routing`
 * is the admin's rule for items that name a district department (按清单分派): 'suggest' lets the page
 * propose a 督办卡 to it, which the dispatcher confirms.
 */
export async function triageItems(ctx: Ctx, input: Sent<typeof ItemTriageInput>) {
  const { id } = parseInput(ItemTriageInput, input);
  const req = await loadSupervised(ctx, id);
  const [b, rule] = await Promise.all([
    itemIndex(ctx.ports),
    ctx.ports.store.collection<{ _id: string; value?: { mode?: ItemRoutingMode } }>(C.settings).get(ITEM_ROUTING_DOC),
  ]);
  const routing: ItemRoutingMode = rule?.value?.mode ?? DEFAULT_ITEM_ROUTING.mode;
  let chosen = null;
  if (req.item) {
    const item = b.byId.get(req.item.id) ?? (await itemRepo(ctx.ports.store).get(req.item.id));
    const words = item ? matchedWords(req.description, itemTextIndex([item]).search(req.description, { minCover: 0, limit: 1 })[0]?.terms ?? []) : [];
    chosen = item
      ? { ...(await itemView(ctx, item)), words, removed: !item.active }
      : { id: req.item.id, name: req.item.name, removed: true, words };
  }
  const suggested = await Promise.all(bestItems(b, req.description, ITEMS_TRIAGE).map(async ({ item, words }) => ({ ...(await itemView(ctx, item)), words })));
  return { chosen, suggested, agrees: !!chosen && suggested[0]?.id === chosen.id, routing };
}

const adminView = (i: ItemEntry) => ({
  id: i._id, name: i.name, category: leafOf(i.category) ?? 'other', categoryName: categoryName(i.category), keywords: i.keywords, phrasings: i.phrasings,
  departmentId: i.departmentId, owner: i.owner, tier: i.tier, legalBasis: i.legalBasis, deadlineClass: i.deadlineClass, active: i.active, updatedAt: i.updatedAt,
});

/** items.list (admin): the items, latest edit first, a page of 20; with `q`, what the matcher finds for the words */
export async function listItems(ctx: Ctx, input: Sent<typeof ItemListInput>) {
  requireRole(ctx.user, 'admin');
  const { page, q, inactive } = parseInput(ItemListInput, input);
  return adminList(itemRepo(ctx.ports.store), () => itemIndex(ctx.ports), adminView, { page, q, inactive });
}

/** items.save (admin): a new item or an edit; every instance sees it on its next suggestion */
export async function saveItem(ctx: Ctx, input: Sent<typeof ItemSaveInput>) {
  requireRole(ctx.user, 'admin');
  const data = parseInput(ItemSaveInput, input);
  await requireDepartment(ctx, data.departmentId);
  if (!data.departmentId && !data.owner) throw new AppError('VALIDATION_FAILED', '请选择责任部门，或填写责任单位', [{ field: 'owner', message: '请选择责任部门，或填写责任单位' }]);
  const item = await saveEntry(ctx, itemRepo(ctx.ports.store), data.id, {
    name: data.name, category: data.category, keywords: data.keywords, phrasings: data.phrasings, departmentId: data.departmentId ?? null,
    owner: data.owner || ((data.departmentId && (await orgById(ctx.ports, data.departmentId))?.name) || ''),
    tier: data.tier, legalBasis: data.legalBasis, deadlineClass: data.deadlineClass,
  }, { kind: 'item', what: '事项', missing: '该事项不存在或已被删除', label: data.name, idPrefix: 'ri' });
  return { item: adminView(item) };
}

/** items.remove (admin): out of the suggestions, kept on record (requests that carry it still read it); `restore` puts it back */
export async function removeItem(ctx: Ctx, input: Sent<typeof ItemRemoveInput>) {
  requireRole(ctx.user, 'admin');
  const { id, restore } = parseInput(ItemRemoveInput, input);
  return setActive(ctx, itemRepo(ctx.ports.store), id, restore, { kind: 'item', what: '事项', missing: '该事项不存在或已被删除', label: (e) => e.name });
}

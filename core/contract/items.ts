/**
 * The responsibility list's inputs (事项清单, core/knowledge/items.ts): what the submit page sends while
 * the enterprise types or searches, what the dispatcher's triage asks, and what the console sends to
 * keep the list. No imports beyond the contract: the mini-program bundles it.
 */
import { TIERS, type Tier } from './catalog';
import { zCategory } from './category-input';
import { MAX_DESCRIPTION } from './limits';
import { z, zId } from './schema';

export const MAX_ITEM_NAME = 100;
export const MAX_ITEM_WORDS = 20;
export const MAX_LEGAL_BASIS = 300;

/** 办理时限类别: how long an item's matters usually take */
export const DEADLINE_CLASSES = { simple: '即办/简易', normal: '一般', complex: '复杂' } as const;
export type DeadlineClass = keyof typeof DEADLINE_CLASSES;

/**
 * 按清单分派: what the responsibility list does for an item that names a district department. 'suggest'
 * (the default): the triage proposes a 督办卡 to that department and the dispatcher confirms it; 'auto':
 * the request the enterprise files with such an item goes to that department by 督办卡 at intake, the
 * dispatchers are told and may withdraw it (core/cards/auto-card.ts); 'off': the triage shows the item
 * and its reason only. Kept in the admin's rules (core/admin/rules.ts).
 */
export const ITEM_ROUTING_MODES = { suggest: '建议下发督办卡，调度员确认', auto: '自动下发督办卡，告知调度员（可撤回）', off: '仅显示事项，不建议下发' } as const;
export type ItemRoutingMode = keyof typeof ITEM_ROUTING_MODES;
export const DEFAULT_ITEM_ROUTING: { mode: ItemRoutingMode } = { mode: 'suggest' };
/** the settings document (and the rules' key) that holds it */
export const ITEM_ROUTING_DOC = 'itemRouting';

/** items.suggest: the words typed (the search box, or the description while no search is typed) */
export const ItemSuggestInput = z.object({
  text: z.string({ required_error: '缺少要匹配的内容' }).trim().max(MAX_DESCRIPTION, `内容不能超过${MAX_DESCRIPTION}字`),
});

/** items.triage: the request whose suggestion the dispatcher reads */
export const ItemTriageInput = z.object({ id: zId });

const words = (what: string) => z.array(z.string().trim().min(2, `${what}至少2个字`).max(MAX_ITEM_NAME, `${what}不能超过${MAX_ITEM_NAME}字`))
  .max(MAX_ITEM_WORDS, `最多${MAX_ITEM_WORDS}个${what}`).default([]);

/** items.save: a new item (no id) or an edit of one */
export const ItemSaveInput = z.object({
  id: zId.optional(),
  name: z.string({ required_error: '请填写事项名称' }).trim().min(2, '事项名称至少2个字').max(MAX_ITEM_NAME, `事项名称不能超过${MAX_ITEM_NAME}字`),
  category: zCategory('请选择类别（所选类别不存在）'),
  keywords: words('关键词'),
  phrasings: words('常见说法'),
  /** a department of the district; none when the owner is not one of its departments (then `owner` says who) */
  departmentId: z.union([zId, z.literal('').transform(() => null), z.null()]).optional(),
  owner: z.string().trim().max(MAX_ITEM_NAME, `责任单位不能超过${MAX_ITEM_NAME}字`).default(''),
  tier: z.enum(Object.keys(TIERS) as [Tier, ...Tier[]], { errorMap: () => ({ message: '请选择层级' }) }),
  legalBasis: z.string().trim().max(MAX_LEGAL_BASIS, `法律依据不能超过${MAX_LEGAL_BASIS}字`).default(''),
  deadlineClass: z.enum(Object.keys(DEADLINE_CLASSES) as [DeadlineClass, ...DeadlineClass[]], { errorMap: () => ({ message: '请选择办理时限类别' }) }),
});

/** items.list: the console's pages, or the best matches for some words */
export const ItemListInput = z.object({
  page: z.number().int().min(1).max(1000).default(1),
  q: z.string().trim().max(50, '搜索词不能超过50字').optional(),
  inactive: z.boolean().optional(),
});

/** items.remove: out of the suggestions (kept; `restore` puts it back) */
export const ItemRemoveInput = z.object({ id: zId, restore: z.boolean().optional() });

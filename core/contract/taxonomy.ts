/**
 * One two-level taxonomy of what enterprises raise (issue 15 item 2): eight groups (大类), each with
 * its categories (小类). Requests, responsibility-list items, knowledge entries, routing rules and
 * counters store a category (a leaf); the pages pick a group, then a leaf, and the figures add leaves
 * up to their group.
 *
 * Where it comes from (/work/shared/seeds, DOMAIN.md "Categories"): the product used to offer one
 * flat list made of two lists that overlap, Langfang's 13 core indicators (开办企业 … 12345便民热线)
 * and the problem kinds the articles name (用地, 融资, 交通, 环境, 用电/供水/管网, 前期手续, 用工招聘,
 * 政策兑现, 法律援助, 拖欠款, 其他). Every one of those codes that names a topic of its own is a leaf
 * here under the same code (requests and items store them). The three that overlap are legacy
 * aliases, read as the one leaf they map to, never written again:
 *   shuidian 用电/供水/管网 → shuiqi 获得用水用气供热 (the requests and items under it were water
 *            pressure, water quality and the sewer network; power goes to 获得电力)
 *   qianqi   前期手续      → jianzhu 办理建筑许可 (project filing, energy review, pre-construction
 *            paperwork are the construction-permit indicator's first steps)
 *   rexian   12345便民热线  → other 其他 (12345 is a channel, kept as the request's channel; an order
 *            whose topic is unknown is classified by staff like any 不确定)
 *
 * The groups:
 *   qiye    企业开办与登记  Langfang 开办企业, 登记财产
 *   jianshe 项目建设与用地  Langfang 办理建筑许可; articles 用地, 前期手续
 *   yaosu   水电气热        Langfang 获得电力, 获得用水用气供热; articles 用电/供水/管网
 *   caijin  财税金融与政策  Langfang 纳税及社保; articles 融资, 政策兑现
 *   rencai  用工与人才      Langfang 劳动力市场监管; articles 用工招聘
 *   fazhi   市场监管与法治  Langfang 市场监管, 招标投标, 知识产权创造保护运用, 包容普惠创新; articles 法律援助, 拖欠款
 *   peitao  园区配套与环境  articles 交通, 环境
 *   fuwu    政务服务与其他  Langfang 政务服务, 12345便民热线; articles 其他
 *
 * No imports: the mini-program bundles it (through ./catalog).
 */

export const CATEGORY_GROUPS = [
  { code: 'qiye', name: '企业开办与登记', leaves: [{ code: 'kaiban', name: '开办企业' }, { code: 'caichan', name: '登记财产' }] },
  { code: 'jianshe', name: '项目建设与用地', leaves: [{ code: 'jianzhu', name: '办理建筑许可' }, { code: 'yongdi', name: '用地' }] },
  { code: 'yaosu', name: '水电气热', leaves: [{ code: 'dianli', name: '获得电力' }, { code: 'shuiqi', name: '获得用水用气供热' }] },
  { code: 'caijin', name: '财税金融与政策', leaves: [{ code: 'nashui', name: '纳税及社保' }, { code: 'rongzi', name: '融资' }, { code: 'zhengce', name: '政策兑现' }] },
  { code: 'rencai', name: '用工与人才', leaves: [{ code: 'yonggong', name: '用工招聘' }, { code: 'laodong', name: '劳动力市场监管' }] },
  {
    code: 'fazhi', name: '市场监管与法治', leaves: [
      { code: 'shichang', name: '市场监管' }, { code: 'zhaobiao', name: '招标投标' }, { code: 'zhichan', name: '知识产权创造保护运用' },
      { code: 'baorong', name: '包容普惠创新' }, { code: 'falv', name: '法律援助' }, { code: 'tuoqian', name: '拖欠款' },
    ],
  },
  { code: 'peitao', name: '园区配套与环境', leaves: [{ code: 'jiaotong', name: '交通' }, { code: 'huanjing', name: '环境' }] },
  { code: 'fuwu', name: '政务服务与其他', leaves: [{ code: 'zhengwu', name: '政务服务' }, { code: 'other', name: '其他' }] },
] as const;

type Groups = (typeof CATEGORY_GROUPS)[number];
export type CategoryGroupCode = Groups['code'];
/** a leaf (小类): what new requests, items, entries and rules store */
export type CategoryCode = Groups['leaves'][number]['code'];

/** the codes of the old flat list that are not leaves, each read as exactly one leaf (never written again) */
export const LEGACY_CATEGORIES = {
  shuidian: { name: '用电/供水/管网', leaf: 'shuiqi' },
  qianqi: { name: '前期手续', leaf: 'jianzhu' },
  rexian: { name: '12345便民热线', leaf: 'other' },
} as const satisfies Record<string, { name: string; leaf: CategoryCode }>;
export type LegacyCategoryCode = keyof typeof LEGACY_CATEGORIES;
/** what a stored document may carry: a leaf, or an old code written before the taxonomy */
export type StoredCategory = CategoryCode | LegacyCategoryCode;

/** the leaves, flat, each with its group: the order the pages list them in */
export const CATEGORIES = CATEGORY_GROUPS.flatMap((g) => g.leaves.map((l) => ({ code: l.code as CategoryCode, name: l.name as string, group: g.code as CategoryGroupCode })));
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [CategoryCode, ...CategoryCode[]];
export const GROUP_CODES = CATEGORY_GROUPS.map((g) => g.code) as [CategoryGroupCode, ...CategoryGroupCode[]];

const LEAF = new Map<string, { code: CategoryCode; name: string; group: CategoryGroupCode }>(CATEGORIES.map((c) => [c.code, c]));
const GROUP = new Map<string, (typeof CATEGORY_GROUPS)[number]>(CATEGORY_GROUPS.map((g) => [g.code, g]));

/** the leaf a stored code reads as: itself, or the leaf an old code maps to; null for a code no one knows */
export function leafOf(code: string | null | undefined): CategoryCode | null {
  if (!code) return null;
  if (LEAF.has(code)) return code as CategoryCode;
  return (LEGACY_CATEGORIES as Record<string, { leaf: CategoryCode }>)[code]?.leaf ?? null;
}

/** the group a stored code (leaf or old code) counts under; null for a code no one knows */
export function groupOf(code: string | null | undefined): CategoryGroupCode | null {
  const leaf = leafOf(code);
  return leaf ? LEAF.get(leaf)!.group : null;
}

/** the name a stored code reads as (an old code reads as its leaf; a group code as its group); an unknown code as itself */
export function categoryName(code: string): string {
  const leaf = leafOf(code);
  if (leaf) return LEAF.get(leaf)!.name;
  return GROUP.get(code)?.name ?? code;
}

/** 大类/小类, for exports and the pages that show both */
export function categoryPath(code: string): string {
  const leaf = leafOf(code);
  return leaf ? `${GROUP.get(LEAF.get(leaf)!.group)!.name}/${LEAF.get(leaf)!.name}` : categoryName(code);
}

export const groupName = (code: string) => GROUP.get(code)?.name ?? code;

/** the stored codes that read as this leaf (itself and the old codes mapped to it): what a filter by it must find */
export function storedCodesOf(leaf: CategoryCode): StoredCategory[] {
  return [leaf, ...(Object.keys(LEGACY_CATEGORIES) as LegacyCategoryCode[]).filter((k) => LEGACY_CATEGORIES[k].leaf === leaf)];
}

/** the stored codes under a leaf or a group (a filter by 大类 finds every leaf of it, and their old codes) */
export function storedCodesUnder(code: string): StoredCategory[] {
  const g = GROUP.get(code);
  if (g) return g.leaves.flatMap((l) => storedCodesOf(l.code));
  const leaf = leafOf(code);
  return leaf ? storedCodesOf(leaf) : [];
}

/** the leaf a written name stands for: a leaf's name, 大类/小类, or an old category's name (imports by name) */
export function leafByName(name: string): CategoryCode | null {
  const n = name.trim();
  const leaf = CATEGORIES.find((c) => c.name === n || `${groupName(c.group)}/${c.name}` === n);
  if (leaf) return leaf.code;
  const old = (Object.keys(LEGACY_CATEGORIES) as LegacyCategoryCode[]).find((k) => LEGACY_CATEGORIES[k].name === n);
  return old ? LEGACY_CATEGORIES[old].leaf : null;
}

/** the leaves as a drop-down's options, under their groups (src/components/Select.tsx) */
export const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c.code as string, label: c.name, group: groupName(c.group) }));
/** a filter's options: each group (all its leaves), then its leaves under it */
export const CATEGORY_FILTER_OPTIONS = CATEGORY_GROUPS.flatMap((g) => [
  { value: g.code as string, label: `${g.name}（全部）`, group: g.name },
  ...g.leaves.map((l) => ({ value: l.code as string, label: l.name, group: g.name })),
]);

/** an input's category: a leaf, or an old code (a page or draft from before the taxonomy) written as its leaf */
export const toLeafInput = (v: unknown) => (typeof v === 'string' && v in LEGACY_CATEGORIES ? LEGACY_CATEGORIES[v as LegacyCategoryCode].leaf : v);

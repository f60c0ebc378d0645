/**
 * 事项清单 Excel 导入 (admin), as the knowledge base's (kb-import.ts): a workbook of items, checked by a
 * dry run (every bad row with all its reasons, and what would be created, changed or left), then
 * written. An item is matched by its name, exactly: a row whose name is already on the list updates
 * that item (it stays active or not, as it was), a new one creates it; an unchanged row writes
 * nothing. The rules are items.save's (the same input schema; a department or else the owner in
 * words). A confirmed import cut short by its call's time goes on when called again.
 */
import { createHash } from 'crypto';
import { excel } from '../excel';
import { templateRows } from '../uploaded-sheet';
import { CATEGORY_GROUPS, leafByName, TIERS, type Tier } from '../contract/catalog';
import { DEADLINE_CLASSES, ItemSaveInput, type DeadlineClass } from '../contract/items';
import { ItemImportInput, ITEM_IMPORT_COLUMNS, MAX_ITEM_IMPORT_ROWS } from '../contract/items-import';
import type { Sent } from '../contract/schema';
import { newId, requireRole, type Ctx } from '../context';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { requireOwnFiles } from '../files/own-files';
import { callBudget } from '../jobs';
import { orgRepo } from '../repos/orgs';
import { audit } from '../admin/audit';
import { importEntries } from './versioned';
import { itemRepo, type ItemEntry } from './items';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Fields = Pick<ItemEntry, 'name' | 'category' | 'departmentId' | 'owner' | 'tier' | 'deadlineClass' | 'keywords' | 'phrasings' | 'legalBasis'>;
type Checked = { row: number; f: Fields };
export type ItemRowError = { row: number; name: string; reasons: string[] };
const SAME_FIELDS = ['category', 'departmentId', 'owner', 'tier', 'deadlineClass', 'keywords', 'phrasings', 'legalBasis'] as const;

/** a new item's id, from its name: two imports that create the same item collide instead of doubling it */
export const itemIdFor = (name: string) => `ri-n${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 20)}`;

const byLabel = <K extends string>(labels: Record<K, string>, text: string): K | undefined =>
  (Object.keys(labels) as K[]).find((k) => labels[k] === text || k === text);
const list = (text: string) => (text ? text.split(/[；;、\n]/).map((p) => p.trim()).filter(Boolean) : []);

/** items.template (admin): the workbook to fill, with the categories, departments, tiers and deadline classes to use */
export async function itemTemplate(ctx: Ctx) {
  requireRole(ctx.user, 'admin');
  if (!ctx.ports.files) throw new AppError('INTERNAL', '文件存储未配置');
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet('事项清单');
  ws.columns = ITEM_IMPORT_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: [28, 16, 18, 18, 8, 12, 28, 36, 40][i] }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(['（示例，导入前请删除）企业用电增容报装', '获得电力', '', '区供电公司', '区', '一般', '增容；变压器；扩容', '车间要加变压器；用电容量不够', '《供电营业规则》第二十四条']);
  const help = wb.addWorksheet('填写说明');
  const depts = await orgRepo(ctx.ports.store).ofKinds(['department'], { activeOnly: true, what: '部门' });
  help.addRows([
    ['事项名称', '必填，2至100字；名称与已有事项相同的将更新该事项，不会重复新增'],
    ['类别', `填写小类名称（或“大类/小类”）之一：${CATEGORY_GROUPS.map((g) => `${g.name}：${g.leaves.map((l) => l.name).join('、')}`).join('；')}`],
    ['责任部门', depts.length ? `填写本区部门之一：${depts.map((d) => d.name).join('、')}；不属于本区部门的留空，填写责任单位` : '不属于本区部门的留空，填写责任单位'],
    ['责任单位', '责任部门留空时必填，如供电公司、街道办事处'],
    ['层级', `必填：${Object.values(TIERS).join('、')}`],
    ['办理时限类别', `必填：${Object.values(DEADLINE_CLASSES).join('、')}`],
    ['关键词、常见说法', '可空；多个用“；”分隔，每个至少2个字'],
    ['法律依据', '可空'],
  ]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return ctx.ports.files.save(`exports/items-template-${newId(ctx.ports)}.xlsx`, bytes, XLSX);
}

async function checkRows(ctx: Ctx, rows: Array<{ row: number; cells: string[] }>) {
  const depts = await orgRepo(ctx.ports.store).ofKinds(['department'], { activeOnly: true, what: '部门' });
  const deptByName = new Map(depts.map((d) => [d.name, d._id]));
  const seen = new Map<string, number>();
  const ok: Checked[] = [];
  const errors: ItemRowError[] = [];
  for (const { row, cells } of rows) {
    const [name, categoryName, deptName, owner, tierName, className, keywords, phrasings, legalBasis] = cells;
    const reasons: string[] = [];
    const category = leafByName(categoryName ?? '');
    if (!category) reasons.push(categoryName ? `类别“${categoryName}”不存在` : '未填写类别');
    const departmentId = deptName ? deptByName.get(deptName) : null;
    if (departmentId === undefined) reasons.push(`责任部门“${deptName}”不存在`);
    const tier = byLabel<Tier>(TIERS, tierName);
    if (!tier) reasons.push(tierName ? `层级“${tierName}”应为${Object.values(TIERS).join('、')}之一` : '未填写层级');
    const deadlineClass = byLabel<DeadlineClass>(DEADLINE_CLASSES, className);
    if (!deadlineClass) reasons.push(className ? `办理时限类别“${className}”应为${Object.values(DEADLINE_CLASSES).join('、')}之一` : '未填写办理时限类别');
    const parsed = ItemSaveInput.safeParse({
      name, category: category ?? 'other', departmentId: departmentId ?? null, owner, tier: tier ?? 'street', deadlineClass: deadlineClass ?? 'normal',
      keywords: list(keywords), phrasings: list(phrasings), legalBasis,
    });
    if (!parsed.success) for (const i of parsed.error.issues) if (!reasons.includes(i.message)) reasons.push(i.message);
    if (!departmentId && departmentId !== undefined && !owner) reasons.push('请填写责任部门，或填写责任单位');
    const n = name.trim();
    if (n && seen.has(n)) reasons.push(`与第${seen.get(n)}行的事项名称重复`);
    if (n && !seen.has(n)) seen.set(n, row);
    if (reasons.length || !parsed.success) { errors.push({ row, name: n, reasons }); continue; }
    const d = parsed.data;
    const departmentName = d.departmentId ? depts.find((x) => x._id === d.departmentId)?.name ?? '' : '';
    ok.push({
      row,
      f: {
        name: d.name, category: d.category, departmentId: d.departmentId ?? null, owner: d.owner || departmentName, tier: d.tier, deadlineClass: d.deadlineClass,
        keywords: d.keywords, phrasings: d.phrasings, legalBasis: d.legalBasis,
      },
    });
  }
  return { ok, errors };
}

const sameAs = (f: Fields, e: ItemEntry) => SAME_FIELDS.every((k) => JSON.stringify(f[k] ?? null) === JSON.stringify(e[k] ?? null));

/**
 * items.import (admin)
 * - `{ fileID }`: the dry run: `{ dryRun: true, total, create, update, unchanged, errors }`, nothing written;
 * - `{ fileID, confirm: true }`: writes until this call's time is spent: `{ finished, created, updated, remaining, … }`; call again until `finished`.
 */
export async function importItems(ctx: Ctx, input: Sent<typeof ItemImportInput>) {
  requireRole(ctx.user, 'admin');
  const { fileID, confirm } = parseInput(ItemImportInput, input);
  await requireOwnFiles(ctx, [fileID], '文件');
  const budget = callBudget(ctx);
  const rows = await templateRows(ctx.ports.files, fileID, ITEM_IMPORT_COLUMNS, MAX_ITEM_IMPORT_ROWS);
  const { ok, errors } = await checkRows(ctx, rows);
  const repo = itemRepo(ctx.ports.store);
  const found = await repo.byNames(ok.map((c) => c.f.name));
  return importEntries(ctx, repo, {
    total: rows.length, ok, errors, found, confirm, budget, keyOf: (f) => f.name, same: sameAs, idFor: (f) => itemIdFor(f.name),
    audit: (created, updated) => audit(ctx, 'items.import', 'item', fileID, `导入事项清单：新增${created}项，修改${updated}项${errors.length ? `，跳过错误行${errors.length}行` : ''}`, null, { create: created, update: updated, errors: errors.length }),
  });
}

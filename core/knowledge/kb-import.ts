/**
 * 知识库 Excel 导入 (admin): a workbook of questions and answers, checked by a dry run (every bad row
 * with all its reasons, and what would be created, changed or left), then written. An entry is
 * matched by its question, exactly: a row whose question is already in the base updates that entry
 * (it stays where it is, active or not), a new one creates it; an unchanged row writes nothing.
 * A confirmed import that runs out of its call's time goes on when called again (the page calls
 * until `finished`): what is written already reads as unchanged, so no job document is needed.
 * The spreadsheet code lives in the sheets function, with the registry's import.
 */
import { createHash } from 'crypto';
import { excel } from '../excel';
import { templateRows } from '../uploaded-sheet';
import { CATEGORY_GROUPS, leafByName } from '../contract/catalog';
import { KbImportInput, KbSaveInput, KB_IMPORT_COLUMNS, MAX_KB_IMPORT_ROWS } from '../contract/knowledge';
import type { Sent } from '../contract/schema';
import { newId, requireRole, type Ctx } from '../context';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { requireOwnFiles } from '../files/own-files';
import { callBudget } from '../jobs';
import { orgRepo } from '../repos/orgs';
import { audit } from '../admin/audit';
import { importEntries } from './versioned';
import { kbRepo, type KbEntry } from './kb';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Fields = Pick<KbEntry, 'question' | 'answer' | 'category' | 'departmentId' | 'phrasings' | 'validFrom' | 'validTo'>;
type Checked = { row: number; f: Fields };
export type KbRowError = { row: number; question: string; reasons: string[] };
const SAME_FIELDS = ['answer', 'category', 'departmentId', 'phrasings', 'validFrom', 'validTo'] as const;

/** a new entry's id, from its question: two imports that create the same entry collide instead of doubling it */
export const kbIdFor = (question: string) => `kb-q${createHash('sha256').update(question, 'utf8').digest('hex').slice(0, 20)}`;

/** kb.template (admin): the workbook to fill, with the categories and departments to choose from */
export async function kbTemplate(ctx: Ctx) {
  requireRole(ctx.user, 'admin');
  if (!ctx.ports.files) throw new AppError('INTERNAL', '文件存储未配置');
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet('知识库');
  ws.columns = KB_IMPORT_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: [30, 60, 16, 18, 30, 12, 12][i] }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(['（示例，导入前请删除）新办企业如何申领发票？', '新办纳税人可在电子税务局“我要办税—发票使用—发票票种核定”在线申领，一般1个工作日内办结。', '纳税及社保', '', '怎么领发票；发票申领', '', '']);
  const help = wb.addWorksheet('填写说明');
  const depts = await orgRepo(ctx.ports.store).ofKinds(['department'], { activeOnly: true, what: '部门' });
  help.addRows([
    ['问题、答复', '必填；问题4至120字，答复至少10字'],
    ['类别', `填写小类名称（或“大类/小类”）之一：${CATEGORY_GROUPS.map((g) => `${g.name}：${g.leaves.map((l) => l.name).join('、')}`).join('；')}`],
    ['责任部门', depts.length ? `可空；填写以下之一：${depts.map((d) => d.name).join('、')}` : '可空'],
    ['其他问法', '可空；多个问法用“；”分隔'],
    ['生效日期、失效日期', '可空；格式 2026-01-01'],
    ['重复导入', '问题相同的条目将被更新，不会重复新增'],
  ]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return ctx.ports.files.save(`exports/kb-template-${newId(ctx.ports)}.xlsx`, bytes, XLSX);
}

const readRows = (ctx: Ctx, fileID: string) => templateRows(ctx.ports.files, fileID, KB_IMPORT_COLUMNS, MAX_KB_IMPORT_ROWS);

async function checkRows(ctx: Ctx, rows: Array<{ row: number; cells: string[] }>) {
  const depts = await orgRepo(ctx.ports.store).ofKinds(['department'], { activeOnly: true, what: '部门' });
  const deptByName = new Map(depts.map((d) => [d.name, d._id]));
  const seen = new Map<string, number>();
  const ok: Checked[] = [];
  const errors: KbRowError[] = [];
  for (const { row, cells } of rows) {
    const [question, answer, categoryName, deptName, phrasings, validFrom, validTo] = cells;
    const reasons: string[] = [];
    // a leaf's name or 大类/小类; an old category's name (用电/供水/管网…) is read as its leaf
    const category = leafByName(categoryName ?? '');
    if (!category) reasons.push(categoryName ? `类别“${categoryName}”不存在` : '未填写类别');
    const departmentId = deptName ? deptByName.get(deptName) : null;
    if (departmentId === undefined) reasons.push(`责任部门“${deptName}”不存在`);
    const parsed = KbSaveInput.safeParse({
      question, answer, category: category ?? 'other', departmentId: departmentId ?? null,
      phrasings: phrasings ? phrasings.split(/[；;\n]/).map((p) => p.trim()).filter(Boolean) : [],
      validFrom: validFrom || null, validTo: validTo || null,
    });
    if (!parsed.success) for (const i of parsed.error.issues) if (!reasons.includes(i.message)) reasons.push(i.message);
    const q = question.trim();
    if (q && seen.has(q)) reasons.push(`与第${seen.get(q)}行的问题重复`);
    if (q && !seen.has(q)) seen.set(q, row);
    if (reasons.length || !parsed.success) { errors.push({ row, question: q, reasons }); continue; }
    const d = parsed.data;
    ok.push({ row, f: { question: d.question, answer: d.answer, category: d.category, departmentId: d.departmentId ?? null, phrasings: d.phrasings, validFrom: d.validFrom ?? null, validTo: d.validTo ?? null } });
  }
  return { ok, errors };
}

const sameAs = (f: Fields, e: KbEntry) => SAME_FIELDS.every((k) => JSON.stringify(f[k] ?? null) === JSON.stringify(e[k] ?? (k === 'phrasings' ? [] : null)));

/**
 * kb.import (admin)
 * - `{ fileID }`: the dry run: `{ dryRun: true, total, create, update, unchanged, errors }`, nothing written;
 * - `{ fileID, confirm: true }`: writes until this call's time is spent: `{ finished, created, updated, remaining, … }`; call again until `finished`.
 */
export async function importKb(ctx: Ctx, input: Sent<typeof KbImportInput>) {
  requireRole(ctx.user, 'admin');
  const { fileID, confirm } = parseInput(KbImportInput, input);
  await requireOwnFiles(ctx, [fileID], '文件');
  const budget = callBudget(ctx);
  const rows = await readRows(ctx, fileID);
  const { ok, errors } = await checkRows(ctx, rows);
  const repo = kbRepo(ctx.ports.store);
  const found = await repo.byQuestions(ok.map((c) => c.f.question));
  return importEntries(ctx, repo, {
    total: rows.length, ok, errors, found, confirm, budget, keyOf: (f) => f.question, same: sameAs, idFor: (f) => kbIdFor(f.question),
    audit: (created, updated) => audit(ctx, 'kb.import', 'kb', fileID, `导入知识库：新增${created}条，修改${updated}条${errors.length ? `，跳过错误行${errors.length}行` : ''}`, null, { create: created, update: updated, errors: errors.length }),
  });
}


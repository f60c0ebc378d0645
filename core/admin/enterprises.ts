/**
 * The enterprise registry: add and edit; bulk import from the .xlsx template with a dry run that
 * names every bad row, writing nothing until confirmed; a re-import updates by credit code instead
 * of duplicating. Stewardship (包联): leader + department + liaison per enterprise.
 */
import { z } from 'zod';
import { C } from '../collections';
import { Ctx, newId, requireRole } from '../context';
import { AppError } from '../errors';
import type { Enterprise, Org, User } from '../model';
import { isValidCreditCode, normalizeCreditCode } from '../intake/credit-code';
import { parseInput, zId } from '../validation';
import { requireOwnFiles } from '../files/own-files';
import { audit } from './audit';

export const TEMPLATE_COLUMNS = ['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话'] as const;
const SCALES = ['大型', '中型', '小型', '微型'];
const MAX_IMPORT_ROWS = 5000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EnterpriseFields = z.object({
  name: z.string({ required_error: '请填写企业名称' }).trim().min(2, '请填写企业全称').max(100, '企业名称过长'),
  creditCode: z.string({ required_error: '请填写统一社会信用代码' }).transform(normalizeCreditCode).refine(isValidCreditCode, '统一社会信用代码校验失败'),
  address: z.string().trim().max(200, '地址过长').optional().default(''),
  gridId: zId,
  industry: z.string().trim().max(40, '行业过长').optional().default(''),
  scale: z.string().trim().refine((v) => !v || SCALES.includes(v), `规模应为${SCALES.join('、')}之一`).optional().default(''),
  contactName: z.string().trim().max(20, '联系人姓名过长').optional().default(''),
  contactPhone: z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})?$/, '联系电话格式不正确').optional().default(''),
});
type Fields = z.infer<typeof EnterpriseFields>;

async function names(ctx: Ctx) {
  const orgs = await ctx.ports.store.collection<Org>(C.orgs).find({}, { limit: 100 });
  return new Map(orgs.map((o) => [o._id, o]));
}

async function view(ctx: Ctx, e: Enterprise, orgs?: Map<string, Org>) {
  const o = orgs ?? (await names(ctx));
  const users = ctx.ports.store.collection<User>(C.users);
  const person = async (id?: string | null) => (id ? (await users.get(id))?.name ?? '' : '');
  return {
    id: e._id, name: e.name, creditCode: e.creditCode, address: e.address, gridId: e.gridId, gridName: o.get(e.gridId)?.name ?? '',
    industry: e.industry, scale: e.scale, contactName: e.contactName ?? '', contactPhone: e.contactPhone ?? '',
    liaisonId: e.liaisonId, liaisonName: await person(e.liaisonId), leaderId: e.leaderId ?? null, leaderName: await person(e.leaderId),
    departmentId: e.departmentId ?? null, departmentName: e.departmentId ? o.get(e.departmentId)?.name ?? '' : '', contactCount: e.contactCount,
  };
}

export async function listEnterprises(ctx: Ctx, input: unknown) {
  requireRole(ctx.user, 'admin');
  const { q, gridId, page } = parseInput(z.object({ q: z.string().trim().max(40).optional(), gridId: zId.optional(), page: z.number().int().min(1).max(10_000).default(1) }), input);
  const ents = ctx.ports.store.collection<Enterprise>(C.enterprises);
  const pageSize = 30;
  const filter = gridId ? { gridId } : {};
  if (q) {
    // exact credit code lookups use the index; a name search pages through the registry
    const code = normalizeCreditCode(q);
    const hits = code.length === 18 ? await ents.find({ ...filter, creditCode: code }, { limit: 1 }) : [];
    const all: Enterprise[] = [...hits];
    if (!hits.length) for (let skip = 0; ; skip += 100) {
      const p = await ents.find(filter, { orderBy: [['name', 'asc']], skip, limit: 100 });
      all.push(...p.filter((e) => e.name.includes(q)));
      if (p.length < 100) break;
    }
    const o = await names(ctx);
    return { items: await Promise.all(all.slice((page - 1) * pageSize, page * pageSize).map((e) => view(ctx, e, o))), total: all.length, page, pageSize };
  }
  const [items, total] = await Promise.all([ents.find(filter, { orderBy: [['name', 'asc']], skip: (page - 1) * pageSize, limit: pageSize }), ents.count(filter)]);
  const o = await names(ctx);
  return { items: await Promise.all(items.map((e) => view(ctx, e, o))), total, page, pageSize };
}

async function checkGrid(ctx: Ctx, gridId: string) {
  const g = await ctx.ports.store.collection<Org>(C.orgs).get(gridId);
  if (!g || g.kind !== 'grid' || !g.active) throw new AppError('VALIDATION_FAILED', '所属网格不存在或已撤销', [{ field: 'gridId', message: '请选择在用的网格' }]);
}

function record(f: Fields, id: string, now: Date, prev?: Enterprise): Enterprise {
  return {
    _id: id, name: f.name, creditCode: f.creditCode, address: f.address, gridId: f.gridId, industry: f.industry, scale: f.scale,
    contactName: f.contactName, contactPhone: f.contactPhone,
    liaisonId: prev?.liaisonId ?? null, leaderId: prev?.leaderId ?? null, departmentId: prev?.departmentId ?? null,
    contactIds: prev?.contactIds ?? [], contactCount: prev?.contactCount ?? 0, createdAt: prev?.createdAt ?? now.toISOString(),
  };
}

const withoutId = ({ _id, ...rest }: Enterprise) => (void _id, rest);

export async function saveEnterprise(ctx: Ctx, input: unknown) {
  requireRole(ctx.user, 'admin');
  const { id, ...f } = parseInput(EnterpriseFields.extend({ id: zId.optional() }), input);
  await checkGrid(ctx, f.gridId);
  const ents = ctx.ports.store.collection<Enterprise>(C.enterprises);
  const [same] = await ents.find({ creditCode: f.creditCode }, { limit: 1 });
  if (same && same._id !== id) throw new AppError('VALIDATION_FAILED', `该信用代码已登记为“${same.name}”`, [{ field: 'creditCode', message: '信用代码重复' }]);
  const prev = id ? await ents.get(id) : null;
  if (id && !prev) throw new AppError('NOT_FOUND', '未找到该企业');
  const next = record(f, prev?._id ?? `e-${newId(ctx.ports)}`, ctx.now, prev ?? undefined);
  if (prev) await ents.update(prev._id, { $set: withoutId(next) });
  else await ents.add(next);
  await audit(ctx, prev ? 'enterprise.update' : 'enterprise.create', 'enterprise', next._id, `${prev ? '修改' : '新增'}企业“${next.name}”`, prev, next);
  return { enterprise: await view(ctx, (await ents.get(next._id))!) };
}

export async function setStewardship(ctx: Ctx, input: unknown) {
  requireRole(ctx.user, 'admin');
  const { enterpriseId, liaisonId, leaderId, departmentId } = parseInput(
    z.object({ enterpriseId: zId, liaisonId: zId.nullable(), leaderId: zId.nullable(), departmentId: zId.nullable() }),
    input,
  );
  const ents = ctx.ports.store.collection<Enterprise>(C.enterprises);
  const before = await ents.get(enterpriseId);
  if (!before) throw new AppError('NOT_FOUND', '未找到该企业');
  const users = ctx.ports.store.collection<User>(C.users);
  const must = async (id: string | null, role: 'liaison' | 'leader', field: string, label: string) => {
    if (!id) return;
    const u = await users.get(id);
    if (!u || !u.active || !u.roles.includes(role)) throw new AppError('VALIDATION_FAILED', `请选择在岗的${label}`, [{ field, message: `请选择${label}` }]);
  };
  await must(liaisonId, 'liaison', 'liaisonId', '特派员');
  await must(leaderId, 'leader', 'leaderId', '包联领导');
  if (departmentId) {
    const d = await ctx.ports.store.collection<Org>(C.orgs).get(departmentId);
    if (!d || d.kind !== 'department' || !d.active) throw new AppError('VALIDATION_FAILED', '请选择在用的部门', [{ field: 'departmentId', message: '请选择部门' }]);
  }
  await ents.update(enterpriseId, { $set: { liaisonId, leaderId, departmentId } });
  const after = (await ents.get(enterpriseId))!;
  await audit(ctx, 'enterprise.stewardship', 'enterprise', enterpriseId, `调整“${before.name}”的包联（领导+部门+特派员）`, before, after);
  return { enterprise: await view(ctx, after) };
}

export async function enterpriseTemplate(ctx: Ctx) {
  requireRole(ctx.user, 'admin');
  if (!ctx.ports.files) throw new AppError('INTERNAL', '文件存储未配置');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS: typeof import('exceljs') = require('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.columns = TEMPLATE_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: [32, 24, 32, 16, 14, 8, 10, 16][i] }));
  ws.getRow(1).font = { bold: true };
  const grids = (await ctx.ports.store.collection<Org>(C.orgs).find({ kind: 'grid', active: true }, { limit: 100 })).map((g) => g.name);
  ws.addRow(['（示例，导入前请删除）某某科技有限公司', '91350100M000100Y43', '某某路1号', grids[0] ?? '某网格', '软件信息', '小型', '张三', '13800000000']);
  const help = wb.addWorksheet('填写说明');
  help.addRows([
    ['统一社会信用代码', '18位，系统按国家标准校验'],
    ['所属网格', `填写网格名称，现有网格：${grids.join('、') || '（请先在组织架构中创建网格）'}`],
    ['规模', SCALES.join('、')],
    ['重复导入', '按统一社会信用代码更新已有企业，不会重复新增'],
  ]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return ctx.ports.files.save(`exports/enterprise-template-${newId(ctx.ports)}.xlsx`, bytes, XLSX);
}

type RowResult = { row: number; name: string; reason: string };

export async function importEnterprises(ctx: Ctx, input: unknown) {
  requireRole(ctx.user, 'admin');
  const { fileID, confirm } = parseInput(z.object({ fileID: z.string().min(1, '请先上传文件').max(300), confirm: z.boolean().optional().default(false) }), input);
  await requireOwnFiles(ctx, [fileID], '文件');
  const bytes = await ctx.ports.files?.read?.(fileID);
  if (!bytes) throw new AppError('NOT_FOUND', '未找到上传的文件，请重新上传');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS: typeof import('exceljs') = require('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', '文件不是有效的 .xlsx 表格，请使用下载的模板');
  }
  const ws = wb.worksheets[0];
  const header = TEMPLATE_COLUMNS.map((_, i) => String(ws?.getRow(1).getCell(i + 1).text ?? '').trim());
  if (!ws || header.join('|') !== TEMPLATE_COLUMNS.join('|')) {
    throw new AppError('VALIDATION_FAILED', `表头应为：${TEMPLATE_COLUMNS.join('、')}（请使用下载的模板）`);
  }
  if (ws.rowCount - 1 > MAX_IMPORT_ROWS) throw new AppError('VALIDATION_FAILED', `单次最多导入${MAX_IMPORT_ROWS}行`);

  const grids = await ctx.ports.store.collection<Org>(C.orgs).find({ kind: 'grid', active: true }, { limit: 100 });
  const gridByName = new Map(grids.map((g) => [g.name, g._id]));
  const ents = ctx.ports.store.collection<Enterprise>(C.enterprises);
  const errors: RowResult[] = [];
  const plan: Array<{ row: number; fields: Fields; prev: Enterprise | null }> = [];
  const seenCodes = new Map<string, number>();
  let unchanged = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = TEMPLATE_COLUMNS.map((_, i) => String(ws.getRow(r).getCell(i + 1).text ?? '').trim());
    if (cells.every((c) => !c)) continue;
    const [name, code, address, gridName, industry, scale, contactName, contactPhone] = cells;
    if (name.startsWith('（示例')) continue;
    const gridId = gridByName.get(gridName);
    if (!gridId) { errors.push({ row: r, name, reason: gridName ? `所属网格“${gridName}”不存在` : '未填写所属网格' }); continue; }
    const parsed = EnterpriseFields.safeParse({ name, creditCode: code, address, gridId, industry, scale, contactName, contactPhone });
    if (!parsed.success) { errors.push({ row: r, name, reason: parsed.error.issues.map((i) => (/[\u4e00-\u9fa5]/.test(i.message) ? i.message : `${i.path.join('.')}格式不正确`)).join('；') }); continue; }
    const f = parsed.data;
    const dup = seenCodes.get(f.creditCode);
    if (dup) { errors.push({ row: r, name, reason: `与第${dup}行的统一社会信用代码重复` }); continue; }
    seenCodes.set(f.creditCode, r);
    const [prev] = await ents.find({ creditCode: f.creditCode }, { limit: 1 });
    if (prev && (['name', 'address', 'gridId', 'industry', 'scale', 'contactName', 'contactPhone'] as const).every((k) => (prev[k] ?? '') === f[k])) { unchanged++; continue; }
    plan.push({ row: r, fields: f, prev: prev ?? null });
  }
  const create = plan.filter((p) => !p.prev).length;
  const update = plan.length - create;
  let written = 0;
  if (confirm) {
    for (const p of plan) {
      const next = record(p.fields, p.prev?._id ?? `e-${newId(ctx.ports)}`, ctx.now, p.prev ?? undefined);
      if (p.prev) await ents.update(p.prev._id, { $set: withoutId(next) });
      else await ents.add(next);
      written++;
    }
    await audit(ctx, 'enterprise.import', 'enterprise', fileID, `导入企业名录：新增${create}家，更新${update}家，跳过错误行${errors.length}行`, null, { create, update, unchanged, errors: errors.length });
  }
  return { dryRun: !confirm, total: plan.length + unchanged + errors.length, create, update, unchanged, errors, written };
}

/**
 * The ledger (台账): requests filterable by colour, tier, department, category, channel, status,
 * date range and assignee, with counts per colour, paged; and its export to .xlsx with the columns
 * an office prints. Dispatchers see their centers' requests, leaders all, department handlers
 * their department's.
 */
import { z } from 'zod';
import { CATEGORY_CODES, CHANNELS, COLOURS, LEVELS, ROLES, STATUSES, TIERS, categoryName, type Colour } from '../catalog';
import { C } from '../collections';
import { Ctx, hasRole, newId, requireRole } from '../context';
import { AppError } from '../errors';
import type { ServiceRequest, SupervisionCard } from '../model';
import type { Filter } from '../ports';
import { summary } from '../request-record';
import { formatBeijing } from '../time';
import { parseInput, zId, zDate as zCalendarDate } from '../validation';
import { orgScope } from '../desk/scope';

const zDate = zCalendarDate();
const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const LedgerFilter = z
  .object({
    colour: z.enum(keys(COLOURS), { errorMap: () => ({ message: '颜色不正确' }) }).optional(),
    tier: z.enum(keys(TIERS), { errorMap: () => ({ message: '层级不正确' }) }).optional(),
    departmentId: zId.optional(),
    category: z.enum(CATEGORY_CODES, { errorMap: () => ({ message: '类别不正确' }) }).optional(),
    channel: z.enum(keys(CHANNELS), { errorMap: () => ({ message: '渠道不正确' }) }).optional(),
    status: z.enum(keys(STATUSES), { errorMap: () => ({ message: '状态不正确' }) }).optional(),
    assigneeId: zId.optional(),
    from: zDate.optional(),
    to: zDate.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type LedgerFilterInput = z.infer<typeof LedgerFilter>;

const beijingMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const nextDay = (date: string) => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86400_000).toISOString();

/** the store filter for a ledger query, narrowed to what the caller may see */
export async function ledgerFilter(ctx: Ctx, f: LedgerFilterInput): Promise<Filter> {
  requireRole(ctx.user, 'dispatcher', 'leader', 'department');
  const q: Filter = {};
  if (f.tier) q.tier = f.tier;
  if (f.category) q.category = f.category;
  if (f.channel) q.channel = f.channel;
  if (f.status) q.status = f.status;
  if (f.assigneeId) q.assigneeId = f.assigneeId;
  if (f.from || f.to) q.createdAt = { ...(f.from ? { $gte: beijingMidnight(f.from) } : {}), ...(f.to ? { $lt: nextDay(f.to) } : {}) };
  const depts: string[] = [];
  if (f.departmentId) depts.push(f.departmentId);
  if (!hasRole(ctx.user, 'dispatcher', 'leader')) {
    // a department handler sees only the requests its department is a party to
    if (!ctx.user.departmentId) throw new AppError('FORBIDDEN', '当前账号未关联部门');
    if (f.departmentId && f.departmentId !== ctx.user.departmentId) throw new AppError('FORBIDDEN', '只能查看本部门的台账');
    if (!depts.length) depts.push(ctx.user.departmentId);
  }
  if (depts.length) q.deptIds = { $all: depts };
  if (hasRole(ctx.user, 'dispatcher') && !hasRole(ctx.user, 'leader')) {
    q.tierOrgId = { $in: [...(await orgScope(ctx.ports, ctx.user))] };
  }
  return q;
}

async function handlerLabels(ctx: Ctx, rows: ServiceRequest[]): Promise<Map<string, string>> {
  const cards = ctx.ports.store.collection<SupervisionCard>(C.cards);
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.cardId) {
      const card = await cards.get(r.cardId);
      if (card) { out.set(r._id, card.parties.map((p) => `${p.deptName}（${p.role === 'lead' ? '牵头' : '协办'}）`).join('、')); continue; }
    }
    out.set(r._id, r.assigneeName ? `${r.assigneeName}（${ROLES[r.assigneeRole ?? 'officer']}）` : r.tierOrgId ? '待分派' : '');
  }
  return out;
}

function row(r: ServiceRequest, handler: string) {
  return {
    ...summary(r),
    handler,
    statusLabel: STATUSES[r.status],
    categoryName: categoryName(r.category),
    levelLabel: LEVELS[r.level],
    colourLabel: COLOURS[r.colour],
    tierLabel: TIERS[r.tier],
  };
}

export async function listLedger(ctx: Ctx, input: unknown) {
  const parsed = parseInput(
    z.object({ page: z.number().int().min(1, '页码不正确').max(10_000, '页码不正确').default(1), pageSize: z.number().int().min(1).max(100, '每页最多100条').default(20) }).and(LedgerFilter),
    input,
  );
  const { page, pageSize, colour, ...rest } = parsed;
  const base = await ledgerFilter(ctx, rest);
  const requests = ctx.ports.store.collection<ServiceRequest>(C.requests);
  const filter = colour ? { ...base, colour } : base;
  const [items, total, ...perColour] = await Promise.all([
    requests.find(filter, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], skip: (page - 1) * pageSize, limit: pageSize }),
    requests.count(filter),
    ...(Object.keys(COLOURS) as Colour[]).map((c) => requests.count({ ...base, colour: c })),
  ]);
  const counts = Object.fromEntries((Object.keys(COLOURS) as Colour[]).map((c, i) => [c, perColour[i]])) as Record<Colour, number>;
  const labels = await handlerLabels(ctx, items);
  return {
    items: items.map((r) => row(r, labels.get(r._id) ?? '')),
    total, page, pageSize,
    counts: { ...counts, all: Object.values(counts).reduce((a, b) => a + b, 0) },
  };
}

export const EXPORT_COLUMNS = ['工单号', '企业', '类别', '等级', '承办人/部门', '受理时间', '期限', '状态', '颜色', '满意度'] as const;
export const MAX_EXPORT_ROWS = 5000;

export async function exportLedger(ctx: Ctx, input: unknown) {
  const { colour, ...rest } = parseInput(LedgerFilter, input);
  const base = await ledgerFilter(ctx, rest);
  const filter = colour ? { ...base, colour } : base;
  if (!ctx.ports.files) throw new AppError('INTERNAL', '文件存储未配置');
  const requests = ctx.ports.store.collection<ServiceRequest>(C.requests);
  const total = await requests.count(filter);
  if (total > MAX_EXPORT_ROWS) throw new AppError('VALIDATION_FAILED', `导出条数超过${MAX_EXPORT_ROWS}条，请缩小筛选范围`);

  // loaded on first export only: the timer functions that share this bundle never pay for it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS: typeof import('exceljs') = require('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '营商环境诉求直通';
  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: [18, 30, 14, 8, 30, 18, 18, 10, 8, 8][i] }));
  ws.getRow(1).font = { bold: true };
  const fills: Record<Colour, string> = { white: 'FFF2F2F2', green: 'FFD9F2E6', yellow: 'FFFFF1CC', red: 'FFFAD4D4' };
  let written = 0;
  for (let skip = 0; skip < total; skip += 100) {
    const page = await requests.find(filter, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], skip, limit: 100 });
    const labels = await handlerLabels(ctx, page);
    for (const r of page) {
      const added = ws.addRow([
        r.no, r.enterpriseName, categoryName(r.category), LEVELS[r.level], labels.get(r._id) ?? '',
        formatBeijing(r.createdAt), r.dueAt ? formatBeijing(r.dueAt) : '', STATUSES[r.status], COLOURS[r.colour], r.score ?? '',
      ]);
      added.getCell(9).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fills[r.colour] } };
      written++;
    }
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const stamp = formatBeijing(ctx.now).replace(/[-: ]/g, '');
  const saved = await ctx.ports.files.save(`exports/ledger-${stamp}-${newId(ctx.ports)}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return { ...saved, rows: written };
}

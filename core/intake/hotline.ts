/**
 * 12345 热线工单导入 (the hotline channel): a dispatcher uploads the hotline's .xlsx export of work
 * orders about enterprises. A dry run checks every row and says what would happen; the confirmed
 * import makes one request per new row (channel hotline), the enterprise's own (its first contact
 * is the submitter of record: told, follows, scores), assigned in the same write
 * (core/intake/create-request.ts), and linked to its hotline number.
 *
 * - Columns are found by their header, under the names hotline systems use (HOTLINE_COLUMNS).
 * - The enterprise: by credit code, else by its exact registered name; it must be in the
 *   dispatcher's scope. The category: ours by name, else by the words of the hotline's category and
 *   content, else 12345便民热线.
 * - Who imported each is on its first timeline entry.
 * - A re-import never duplicates: a request's id is derived from its hotline number, so a row
 *   already imported (by anyone) is reported as such and skipped, and a confirmed import that ran out
 *   of time goes on where it stopped when called again (the page calls until `finished`); no job
 *   document is needed, the requests are the progress.
 */
import { uploadedSheet } from '../uploaded-sheet';
import { HOTLINE_COLUMNS, HotlineImportInput, MAX_HOTLINE_ROWS, type HotlineColumn } from '../contract/hotline';
import { leafByName, type CategoryCode } from '../contract/catalog';
import { MAX_DESCRIPTION, MIN_DESCRIPTION, PHONE_PATTERN } from '../contract/limits';
import type { Sent } from '../contract/schema';
import { requireRole, type Ctx } from '../context';
import { AppError } from '../errors';
import type { Enterprise } from '../model';
import { orgById } from '../org-cache';
import { parseInput } from '../validation';
import { requireOwnFiles } from '../files/own-files';
import { callBudget } from '../jobs';
import { inDeskScope, orgScope } from '../desk/scope';
import { enterpriseRepo } from '../repos/enterprises';
import { requestRepo } from '../repos/requests';
import { isValidCreditCode, normalizeCreditCode } from './credit-code';
import { createRequest } from './create-request';
import { requestDocId } from './submit';
import { followRequest, later } from '../settle';

type Row = { row: number; cells: Record<HotlineColumn, string> };
type Checked = { row: number; no: string; id: string; ent: Enterprise; category: CategoryCode; content: string; phone: string; at: string };
export type HotlineRowError = { row: number; no: string; reasons: string[] };

/** our category (a leaf) for the hotline's words: by our name (a leaf's, 大类/小类, or an old one's), else by keywords, else 其他 for staff to classify */
const KEYWORDS: Array<[RegExp, CategoryCode]> = [
  [/用电|供电|电力|停电|电表|增容/, 'dianli'],
  [/供水|用水|停水|燃气|供热|供暖|天然气/, 'shuiqi'],
  [/纳税|税务|发票|社保|医保|公积金/, 'nashui'],
  [/招聘|用工|招工|人才/, 'yonggong'],
  [/欠薪|拖欠|欠款|账款/, 'tuoqian'],
  [/融资|贷款|担保|信贷/, 'rongzi'],
  [/道路|交通|停车|公交|路灯/, 'jiaotong'],
  [/噪音|污染|环境|垃圾|排污|异味/, 'huanjing'],
  [/用地|土地|厂房|规划/, 'yongdi'],
  [/补贴|奖励|兑现|扶持资金|政策/, 'zhengce'],
  [/执照|开办|注册|注销/, 'kaiban'],
  [/施工许可|建筑|竣工/, 'jianzhu'],
  [/招标|投标|采购/, 'zhaobiao'],
  [/专利|商标|知识产权|侵权/, 'zhichan'],
  [/审批|办事|窗口|政务/, 'zhengwu'],
];
export function hotlineCategory(category: string, content: string): CategoryCode {
  const named = leafByName(category);
  if (named) return named;
  for (const text of [category, content]) for (const [re, code] of KEYWORDS) if (re.test(text)) return code;
  return 'other';
}

async function readRows(ctx: Ctx, fileID: string): Promise<Row[]> {
  const ws = await uploadedSheet(ctx.ports.files, fileID, '文件不是有效的 .xlsx 表格，请上传12345热线系统导出的工单表');
  if (!ws) throw new AppError('VALIDATION_FAILED', '表格是空的');
  const header = ws.getRow(1);
  const at = new Map<string, number>();
  header.eachCell((cell, col) => at.set(String(cell.text ?? '').trim(), col));
  const colOf = {} as Record<HotlineColumn, number>;
  const missing: string[] = [];
  for (const [key, names] of Object.entries(HOTLINE_COLUMNS) as Array<[HotlineColumn, readonly string[]]>) {
    const col = names.map((n) => at.get(n)).find((c) => c !== undefined);
    if (col === undefined) { if (key !== 'creditCode' && key !== 'category' && key !== 'at') missing.push(names[0]); } else colOf[key] = col;
  }
  if (missing.length) throw new AppError('VALIDATION_FAILED', `表格缺少列：${missing.join('、')}（第一行应为列名）`);
  if (ws.rowCount - 1 > MAX_HOTLINE_ROWS) throw new AppError('VALIDATION_FAILED', `单次最多导入${MAX_HOTLINE_ROWS}行，请分批导出`);
  const rows: Row[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const line = ws.getRow(r);
    const cells = Object.fromEntries((Object.keys(HOTLINE_COLUMNS) as HotlineColumn[]).map((k) => [k, colOf[k] ? String(line.getCell(colOf[k]).text ?? '').trim() : ''])) as Record<HotlineColumn, string>;
    if (Object.values(cells).every((v) => !v)) continue;
    rows.push({ row: r, cells });
  }
  return rows;
}

/** every row checked against the registry and the dispatcher's scope; nothing written */
async function checkRows(ctx: Ctx, rows: Row[]) {
  const ents = enterpriseRepo(ctx.ports.store);
  const codes = [...new Set(rows.map((r) => normalizeCreditCode(r.cells.creditCode)).filter((c) => c && isValidCreditCode(c)))];
  const byCode = new Map<string, Enterprise>();
  for (let i = 0; i < codes.length; i += 90) for (const e of await ents.byCreditCodes(codes.slice(i, i + 90))) byCode.set(e.creditCode, e);
  const byName = new Map<string, Enterprise | null>();
  const scope = await orgScope(ctx.ports, ctx.user);
  const seen = new Map<string, number>();
  const ok: Checked[] = [];
  const errors: HotlineRowError[] = [];
  for (const { row, cells } of rows) {
    const reasons: string[] = [];
    const no = cells.no;
    if (!no) reasons.push('未填写工单编号');
    else if (!/^[A-Za-z0-9_-]{4,40}$/.test(no)) reasons.push('工单编号格式不正确');
    else if (seen.has(no)) reasons.push(`与第${seen.get(no)}行的工单编号重复`);
    let ent: Enterprise | null = null;
    const code = normalizeCreditCode(cells.creditCode);
    if (code && isValidCreditCode(code)) ent = byCode.get(code) ?? null;
    if (!ent && cells.name) {
      if (!byName.has(cells.name)) byName.set(cells.name, (await ents.byNamePrefix(cells.name, 5)).find((e) => e.name === cells.name) ?? null);
      ent = byName.get(cells.name) ?? null;
    }
    if (!ent) reasons.push(cells.creditCode || cells.name ? `未找到企业“${cells.name || cells.creditCode}”（请先在企业名录中登记）` : '未填写企业名称或统一社会信用代码');
    else if (!(await inDeskScope(ctx.ports, scope, ent))) reasons.push(`企业“${ent.name}”不在您的管辖范围内`);
    const content = cells.content.replace(/\s+/g, ' ').trim();
    if (content.length < MIN_DESCRIPTION) reasons.push(`诉求内容至少${MIN_DESCRIPTION}个字`);
    else if (content.length > MAX_DESCRIPTION) reasons.push(`诉求内容不能超过${MAX_DESCRIPTION}字`);
    const phone = cells.phone.replace(/\s+/g, '');
    if (!PHONE_PATTERN.test(phone)) reasons.push('联系电话格式不正确');
    if (no) seen.set(no, seen.get(no) ?? row);
    if (reasons.length || !ent) { errors.push({ row, no, reasons }); continue; }
    ok.push({ row, no, id: requestDocId('hotline', no), ent, category: hotlineCategory(cells.category, content), content, phone, at: cells.at });
  }
  return { ok, errors };
}

/**
 * hotline.import
 * - `{ fileID }`: the dry run: `{ dryRun: true, total, create, existing, errors }`, nothing written;
 * - `{ fileID, confirm: true }`: imports the new rows until this call's time is spent: `{ dryRun:
 *   false, finished, total, created, existing, remaining, errors }`; call again until `finished`.
 */
export async function importHotline(ctx: Ctx, input: Sent<typeof HotlineImportInput>) {
  requireRole(ctx.user, 'dispatcher');
  const { fileID, confirm } = parseInput(HotlineImportInput, input);
  await requireOwnFiles(ctx, [fileID], '文件');
  const budget = callBudget(ctx);
  const rows = await readRows(ctx, fileID);
  const { ok, errors } = await checkRows(ctx, rows);
  const requests = requestRepo(ctx.ports.store);
  const have = await requests.getMany(ok.map((c) => c.id));
  const fresh = ok.filter((c) => !have.has(c.id));
  const base = { total: rows.length, existing: ok.length - fresh.length, errors, errorCount: errors.length };
  if (!confirm) return { dryRun: true as const, ...base, create: fresh.length, created: 0, remaining: fresh.length, finished: false };

  let created = 0;
  for (const c of fresh) {
    if (budget.over()) break;
    const grid = await orgById(ctx.ports, c.ent.gridId);
    const r = await createRequest(ctx, c.ent, grid, {
      _id: c.id,
      clientKey: `hotline-${c.no}`,
      submitterId: c.ent.contactIds[0] ?? ctx.user._id,
      channel: 'hotline',
      category: c.category,
      description: c.content,
      photos: [],
      phone: c.phone,
      hotline: { no: c.no, at: c.at || null },
      first: { actorId: ctx.user._id, actorName: ctx.user.name, text: `12345热线工单 ${c.no}${c.at ? `（来电 ${c.at}）` : ''}转入，${ctx.user.name}导入`, enterpriseText: `您通过12345热线反映的问题（工单 ${c.no}）已转来办理` },
    });
    if (r.created) { created++; await later(ctx, (p) => followRequest(p, c.id)); }
  }
  const remaining = fresh.length - created;
  const finished = remaining === 0;
  return { dryRun: false as const, ...base, create: fresh.length, created, remaining, finished };
}

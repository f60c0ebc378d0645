/**
 * The enterprise registry: add and edit; bulk import from the .xlsx template with a dry run that
 * names every bad row, writing nothing until confirmed; a re-import updates by credit code instead
 * of duplicating. Stewardship (包联): leader + department + liaison per enterprise.
 */
import { excel } from '../excel';
import { templateRows } from '../uploaded-sheet';
import { createHash } from 'crypto';
import { z } from 'zod';
import { Ctx, newId, requireRole } from '../context';
import { AppError } from '../errors';
import type { Enterprise, EnterpriseLocation, Org } from '../model';
import { isValidCreditCode, normalizeCreditCode } from '../intake/credit-code';
import { callBudget, claimJob, jobs, LEASE_MS, loadJob, readPart, saveJob, writePart, type JobBase } from '../jobs';
import { StoreError } from '../ports';
import { parseInput, zId, zOptionalPhone } from '../validation';
import { EnterpriseImportErrorsInput, EnterpriseImportInput, EnterpriseListInput, StewardshipSetInput } from '../contract/admin';
import type { Sent } from '../contract/schema';
import { requireOwnFiles } from '../files/own-files';
import { audit } from './audit';
import { userRepo } from '../repos/users';
import { orgRepo } from '../repos/orgs';
import { enterpriseRepo } from '../repos/enterprises';

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
  contactPhone: zOptionalPhone('联系电话格式不正确'),
});
type Fields = z.infer<typeof EnterpriseFields>;

/**
 * The enterprise's registered location (GCJ-02, as WeChat's map and getLocation give it): visits'
 * check-ins are compared with it (core/visits/presence.ts). null clears it (the next visit's
 * check-in then sets it); absent leaves it as it is.
 */
const zCoordinate = (what: string, limit: number) =>
  z.number({ required_error: `请填写${what}`, invalid_type_error: `${what}应为数字` }).finite(`${what}应为数字`)
    .min(-limit, `${what}应在-${limit}到${limit}之间`).max(limit, `${what}应在-${limit}到${limit}之间`);
const LocationField = z.object({ latitude: zCoordinate('纬度', 90), longitude: zCoordinate('经度', 180) }, { invalid_type_error: '企业位置格式不正确' }).nullable().optional();

/**
 * The list view of enterprises: their grid and department names and their steward's names, read
 * in two batched calls (getMany) for a page of 30 instead of up to 3 gets per enterprise.
 */
async function views(ctx: Ctx, ents: Enterprise[]) {
  const [orgs, people] = await Promise.all([
    orgRepo(ctx.ports.store).getMany(ents.flatMap((e) => [e.gridId, e.departmentId])),
    userRepo(ctx.ports.store).getMany(ents.flatMap((e) => [e.liaisonId, e.leaderId])),
  ]);
  const person = (id?: string | null) => (id ? people.get(id)?.name ?? '' : '');
  return ents.map((e) => ({
    id: e._id, name: e.name, creditCode: e.creditCode, address: e.address, gridId: e.gridId, gridName: orgs.get(e.gridId)?.name ?? '',
    industry: e.industry, scale: e.scale, contactName: e.contactName ?? '', contactPhone: e.contactPhone ?? '',
    liaisonId: e.liaisonId, liaisonName: person(e.liaisonId), leaderId: e.leaderId ?? null, leaderName: person(e.leaderId),
    departmentId: e.departmentId ?? null, departmentName: e.departmentId ? orgs.get(e.departmentId)?.name ?? '' : '', contactCount: e.contactCount,
    location: e.location ?? null,
  }));
}

const view = async (ctx: Ctx, e: Enterprise) => (await views(ctx, [e]))[0];

export async function listEnterprises(ctx: Ctx, input: Sent<typeof EnterpriseListInput>) {
  requireRole(ctx.user, 'admin');
  const { q, gridId, page } = parseInput(EnterpriseListInput, input);
  const ents = enterpriseRepo(ctx.ports.store);
  const pageSize = 30;
  if (q) {
    // exact credit code lookups use the index; a name search pages through the registry
    const code = normalizeCreditCode(q);
    const hit = code.length === 18 ? await ents.byCreditCode(code, gridId) : null;
    const hits = hit ? [hit] : [];
    const all: Enterprise[] = [...hits];
    if (!hits.length) for (let skip = 0; ; skip += 100) {
      const p = await ents.pageByName(gridId, skip, 100);
      all.push(...p.filter((e) => e.name.includes(q)));
      if (p.length < 100) break;
    }
    return { items: await views(ctx, all.slice((page - 1) * pageSize, page * pageSize)), total: all.length, page, pageSize };
  }
  const [items, total] = await Promise.all([ents.pageByName(gridId, (page - 1) * pageSize, pageSize), ents.count(gridId)]);
  return { items: await views(ctx, items), total, page, pageSize };
}

async function checkGrid(ctx: Ctx, gridId: string) {
  const g = await orgRepo(ctx.ports.store).get(gridId);
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

/** admin.enterprises.save: here, not in the contract, since the credit code is checked by server code (core/intake/credit-code.ts) */
export const EnterpriseSaveInput = EnterpriseFields.extend({ id: zId.optional(), location: LocationField });

export async function saveEnterprise(ctx: Ctx, input: Sent<typeof EnterpriseSaveInput>) {
  requireRole(ctx.user, 'admin');
  const { id, location, ...f } = parseInput(EnterpriseSaveInput, input);
  await checkGrid(ctx, f.gridId);
  const ents = enterpriseRepo(ctx.ports.store);
  const same = await ents.byCreditCode(f.creditCode);
  if (same && same._id !== id) throw new AppError('VALIDATION_FAILED', `该信用代码已登记为“${same.name}”`, [{ field: 'creditCode', message: '信用代码重复' }]);
  const prev = id ? await ents.get(id) : null;
  if (id && !prev) throw new AppError('NOT_FOUND', '未找到该企业');
  // the same coordinates sent back keep their record (and its source); new ones are the admin's
  const samePlace = (a: { latitude: number; longitude: number } | null | undefined, b: { latitude: number; longitude: number } | null | undefined) =>
    !!a && !!b && a.latitude === b.latitude && a.longitude === b.longitude;
  const place: EnterpriseLocation | null | undefined = location === undefined ? undefined
    : location === null ? null
    : samePlace(location, prev?.location) ? prev!.location!
    : {
        latitude: location.latitude, longitude: location.longitude, source: 'admin', setAt: ctx.now.toISOString(),
        setById: ctx.user._id, setByName: ctx.user.name, visitId: null, visitNo: null,
      };
  const located = (e: Enterprise): Enterprise => (place === undefined ? e : { ...e, location: place });
  let next: Enterprise;
  if (prev) {
    next = located(record(f, prev._id, ctx.now, prev));
    await ents.update(prev._id, { $set: withoutId(next) });
  } else {
    const made = await addRegistered(ctx, f.creditCode, (id) => located(record(f, id, ctx.now)));
    // saved twice at once: the second finds the first
    if ('existing' in made) throw new AppError('VALIDATION_FAILED', `该信用代码已登记为“${made.existing.name}”`, [{ field: 'creditCode', message: '信用代码重复' }]);
    next = made.created;
  }
  await audit(ctx, prev ? 'enterprise.update' : 'enterprise.create', 'enterprise', next._id, `${prev ? '修改' : '新增'}企业“${next.name}”`, prev, next);
  return { enterprise: await view(ctx, (await ents.get(next._id))!) };
}

export async function setStewardship(ctx: Ctx, input: Sent<typeof StewardshipSetInput>) {
  requireRole(ctx.user, 'admin');
  const { enterpriseId, liaisonId, leaderId, departmentId } = parseInput(StewardshipSetInput, input);
  const ents = enterpriseRepo(ctx.ports.store);
  const before = await ents.get(enterpriseId);
  if (!before) throw new AppError('NOT_FOUND', '未找到该企业');
  const users = userRepo(ctx.ports.store);
  const must = async (id: string | null, role: 'liaison' | 'leader', field: string, label: string) => {
    if (!id) return;
    const u = await users.get(id);
    if (!u || !u.active || !u.roles.includes(role)) throw new AppError('VALIDATION_FAILED', `请选择在岗的${label}`, [{ field, message: `请选择${label}` }]);
  };
  await must(liaisonId, 'liaison', 'liaisonId', '特派员');
  await must(leaderId, 'leader', 'leaderId', '包联领导');
  if (departmentId) {
    const d = await orgRepo(ctx.ports.store).get(departmentId);
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
  const ExcelJS = excel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.columns = TEMPLATE_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: [32, 24, 32, 16, 14, 8, 10, 16][i] }));
  ws.getRow(1).font = { bold: true };
  // every grid (a district has ~1,000: one cell could not hold their names), each with its community
  const { grids, communities } = await gridsAndCommunities(ctx);
  ws.addRow(['（示例，导入前请删除）某某科技有限公司', '91350100M000100Y43', '某某路1号', grids[0]?.name ?? '某网格', '软件信息', '小型', '张三', '13800000000']);
  const help = wb.addWorksheet('填写说明');
  help.addRows([
    ['统一社会信用代码', '18位，系统按国家标准校验'],
    ['所属网格', grids.length ? '填写网格名称（见“网格列表”）；有重名网格时写成“社区名称/网格名称”' : '（请先在组织架构中创建网格）'],
    ['规模', SCALES.join('、')],
    ['重复导入', '按统一社会信用代码更新已有企业，不会重复新增'],
  ]);
  const list = wb.addWorksheet('网格列表');
  list.columns = [{ header: '网格', key: 'g', width: 20 }, { header: '所属社区', key: 'c', width: 20 }];
  list.getRow(1).font = { bold: true };
  for (const g of grids) list.addRow([g.name, communities.get(g.parentId ?? '')?.name ?? '']);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return ctx.ports.files.save(`exports/enterprise-template-${newId(ctx.ports)}.xlsx`, bytes, XLSX);
}

// ---------------------------------------------------------------------------------------------
// the import

type RowResult = { row: number; name: string; reason: string; reasons: string[] };
type PlanRow = { row: number; f: Fields };
type Verdict = 'create' | 'update' | 'unchanged';

/** the import's progress (core/jobs.ts): the valid rows are in parts of PART_ROWS, `cursor` of them are written */
type ImportJob = JobBase & {
  kind: 'enterprise.import';
  fileID: string;
  /** data rows in the file */
  total: number;
  /** valid rows, to be written */
  rows: number;
  cursor: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  /** the first MAX_JOB_ERRORS bad rows (the dry run lists them all) */
  errors: RowResult[];
};

const PART_ROWS = 250;
/**
 * Credit codes per lookup: one `$in` find answers them in one call even if a few codes were
 * registered twice (under a page of 100); 5,000 rows cost 56 lookups instead of 5,000 finds.
 */
const LOOKUP_BATCH = 90;
const LOOKUP_LANES = 4;
const MAX_JOB_ERRORS = 200;
const REGISTRY_FIELDS = ['name', 'address', 'gridId', 'industry', 'scale', 'contactName', 'contactPhone'] as const;

/**
 * A new enterprise's _id, derived from its credit code: two imports (or a double-tapped confirm)
 * that create the same enterprise collide on the id instead of registering it twice.
 */
export function enterpriseIdFor(creditCode: string, generation = 0): string {
  const h = createHash('sha256').update(creditCode, 'utf8').digest('hex').slice(0, 20);
  return generation ? `e-${h}-${generation}` : `e-${h}`;
}
const ID_GENERATIONS = 4;

async function gridsAndCommunities(ctx: Ctx) {
  const orgs = orgRepo(ctx.ports.store);
  // 1,000 grids and 300 communities: 11 + 4 calls
  const [grids, communities] = await Promise.all([
    orgs.ofKinds(['grid'], { activeOnly: true, what: '网格' }),
    orgs.ofKinds(['community'], { what: '社区' }),
  ]);
  return { grids, communities: new Map(communities.map((c) => [c._id, c])) };
}

/** a grid by the name the sheet gives: "网格名称", or "社区名称/网格名称" where grid names repeat */
async function gridResolver(ctx: Ctx) {
  const { grids, communities } = await gridsAndCommunities(ctx);
  const byName = new Map<string, Org[]>();
  const add = (key: string, g: Org) => byName.set(key, [...(byName.get(key) ?? []), g]);
  for (const g of grids) {
    add(g.name, g);
    const c = communities.get(g.parentId ?? '');
    if (c) add(`${c.name}/${g.name}`, g);
  }
  return (given: string): { gridId: string } | { reason: string } => {
    if (!given) return { reason: '未填写所属网格' };
    const key = given.replace(/\s*[/／]\s*/g, '/');
    const hits = byName.get(key) ?? [];
    if (hits.length === 1) return { gridId: hits[0]._id };
    if (!hits.length) return { reason: `所属网格“${given}”不存在` };
    return { reason: `有${hits.length}个名为“${given}”的网格，请写成“社区名称/网格名称”` };
  };
}

/** the uploaded sheet's data rows (cells as text), after the header and size checks */
const readSheet = (ctx: Ctx, fileID: string) => templateRows(ctx.ports.files, fileID, TEMPLATE_COLUMNS, MAX_IMPORT_ROWS);

/** the template's column of each field, to name a problem whose message does not */
const COLUMN_OF: Record<keyof Fields, number> = { name: 0, creditCode: 1, address: 2, gridId: 3, industry: 4, scale: 5, contactName: 6, contactPhone: 7 };
const RowFields = EnterpriseFields.omit({ gridId: true });

/**
 * One row's problems, every one of them in the order of the columns (the admin fixes the row once,
 * not once per re-upload): each field that fails its check, the grid that cannot be found, and a
 * credit code an earlier valid row already has.
 */
function rowProblems(cells: string[], gridOf: (given: string) => { gridId: string } | { reason: string }, seenCodes: Map<string, number>) {
  const [name, code, address, gridName, industry, scale, contactName, contactPhone] = cells;
  const problems: Array<{ column: number; reason: string }> = [];
  const grid = gridOf(gridName);
  if ('reason' in grid) problems.push({ column: COLUMN_OF.gridId, reason: grid.reason });
  const parsed = RowFields.safeParse({ name, creditCode: code, address, industry, scale, contactName, contactPhone });
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const i of parsed.error.issues) {
      const key = String(i.path[0] ?? '') as keyof Fields;
      const column = COLUMN_OF[key] ?? TEMPLATE_COLUMNS.length;
      const reason = key === 'creditCode' && !code ? '未填写统一社会信用代码'
        : /[\u4e00-\u9fa5]/.test(i.message) ? i.message : `${TEMPLATE_COLUMNS[column] ?? '本行'}格式不正确`;
      // one problem per field: the first is the one to fix
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ column, reason });
    }
  }
  const codeOk = parsed.success || !parsed.error.issues.some((i) => i.path[0] === 'creditCode');
  const normalized = codeOk ? normalizeCreditCode(code) : '';
  const dup = normalized ? seenCodes.get(normalized) : undefined;
  if (dup) problems.push({ column: TEMPLATE_COLUMNS.length, reason: `与第${dup}行的统一社会信用代码重复` });
  problems.sort((a, b) => a.column - b.column);
  const fields: Fields | null = !problems.length && parsed.success && 'gridId' in grid ? { ...parsed.data, gridId: grid.gridId } : null;
  return { reasons: problems.map((p) => p.reason), fields };
}

/** a bad row as the import reports it: every problem (`reasons`), and all of them in one line (`reason`) */
const rowResult = (row: number, name: string, reasons: string[]): RowResult => ({ row, name, reason: reasons.join('；'), reasons });

/** every row checked without touching the registry: the valid ones, and the others with all their problems and cells */
async function checkRows(ctx: Ctx, fileID: string) {
  const rows = await readSheet(ctx, fileID);
  const gridOf = await gridResolver(ctx);
  const errors: Array<RowResult & { cells: string[] }> = [];
  const plan: PlanRow[] = [];
  const seenCodes = new Map<string, number>();
  for (const { row: r, cells } of rows) {
    const { reasons, fields } = rowProblems(cells, gridOf, seenCodes);
    if (!fields) { errors.push({ ...rowResult(r, cells[0], reasons), cells }); continue; }
    seenCodes.set(fields.creditCode, r);
    plan.push({ row: r, f: fields });
  }
  return { total: rows.length, plan, errors };
}

/**
 * The registered enterprises with these credit codes: one call per LOOKUP_BATCH codes, up to
 * LOOKUP_LANES of them at once (the same number of calls, a quarter of the wall time on CloudBase).
 */
async function lookup(ctx: Ctx, codes: string[]): Promise<Map<string, Enterprise>> {
  const ents = enterpriseRepo(ctx.ports.store);
  const batches: string[][] = [];
  for (let i = 0; i < codes.length; i += LOOKUP_BATCH) batches.push(codes.slice(i, i + LOOKUP_BATCH));
  const found: Enterprise[][] = [];
  for (let i = 0; i < batches.length; i += LOOKUP_LANES) {
    found.push(...(await Promise.all(batches.slice(i, i + LOOKUP_LANES).map((batch) => ents.byCreditCodes(batch)))));
  }
  const out = new Map<string, Enterprise>();
  for (const e of found.flat()) if (!out.has(e.creditCode)) out.set(e.creditCode, e);
  return out;
}

const verdictOf = (f: Fields, prev: Enterprise | null): Verdict =>
  !prev ? 'create' : REGISTRY_FIELDS.every((k) => (prev[k] ?? '') === f[k]) ? 'unchanged' : 'update';

/**
 * Write one row: create with the derived id, or update the registry fields only (stewardship and
 * bound contacts stay as they are). Redoing it is harmless: the create collides on its id and
 * becomes an update, or nothing.
 */
async function writeRow(ctx: Ctx, f: Fields, prev: Enterprise | null): Promise<Verdict> {
  const ents = enterpriseRepo(ctx.ports.store);
  const v = verdictOf(f, prev);
  if (v === 'unchanged') return v;
  if (prev) {
    await ents.update(prev._id, { $set: Object.fromEntries(REGISTRY_FIELDS.map((k) => [k, f[k]])) });
    return v;
  }
  const made = await addRegistered(ctx, f.creditCode, (id) => record(f, id, ctx.now));
  return 'created' in made ? v : writeRow(ctx, f, made.existing);
}

/**
 * Register a new enterprise under the id derived from its credit code; should that id hold an
 * enterprise whose code was corrected since, the next generation (still derived, so still one
 * enterprise per code however many writers race), then a random one. If the code turns out to be
 * registered meanwhile (under that id, or another: creditCode is a unique index on CloudBase),
 * that enterprise is answered instead.
 */
async function addRegistered(ctx: Ctx, creditCode: string, make: (id: string) => Enterprise): Promise<{ created: Enterprise } | { existing: Enterprise }> {
  const ents = enterpriseRepo(ctx.ports.store);
  for (let generation = 0; generation <= ID_GENERATIONS; generation++) {
    const doc = make(generation < ID_GENERATIONS ? enterpriseIdFor(creditCode, generation) : `e-${newId(ctx.ports)}`);
    try {
      await ents.add(doc);
      return { created: doc };
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
    }
    const same = await ents.byCreditCode(creditCode);
    if (same) return { existing: same };
  }
  throw new AppError('INTERNAL', '系统繁忙，请稍后再试');
}

function jobView(job: ImportJob, busy = false) {
  const done = Math.min(job.total, job.errorCount + job.cursor);
  const message = job.finished
    ? `导入完成：新增${job.created}家，更新${job.updated}家，无变化${job.unchanged}家${job.errorCount ? `，跳过错误行${job.errorCount}行` : ''}`
    : `${busy ? '导入正在进行，' : ''}已导入 ${done}/${job.total} 行`;
  return {
    dryRun: false, jobId: job._id, finished: job.finished, total: job.total, done, progress: { done, total: job.total }, message,
    create: job.created, update: job.updated, unchanged: job.unchanged, written: job.created + job.updated,
    errors: job.errors, errorCount: job.errorCount,
  };
}

/**
 * Write the job's rows from its cursor until this call's budget is spent, then save the progress.
 * Per row: 1 write (none if unchanged); per LOOKUP_BATCH rows: 1 lookup; per PART_ROWS rows: 1 part
 * read and 1 progress save. At 10 ms a call that is ~150 rows per 2 s call, so 5,000 new
 * enterprises take ~35 calls; the admin page calls until `finished`.
 */
async function runImport(ctx: Ctx, job: ImportJob, token: string) {
  const budget = callBudget(ctx);
  const c = { cursor: job.cursor, created: job.created, updated: job.updated, unchanged: job.unchanged };
  const count = (v: Verdict) => { if (v === 'create') c.created++; else if (v === 'update') c.updated++; else c.unchanged++; };
  let part: PlanRow[] = [];
  let partIndex = -1;
  let saved = c.cursor;
  work: while (c.cursor < job.rows && !budget.over()) {
    const index = Math.floor(c.cursor / PART_ROWS);
    if (index !== partIndex) { part = await readPart<PlanRow>(ctx.ports, job._id, index); partIndex = index; }
    const from = c.cursor - index * PART_ROWS;
    const batch = part.slice(from, from + LOOKUP_BATCH);
    const found = await lookup(ctx, batch.map((p) => p.f.creditCode));
    for (const p of batch) {
      if (budget.over()) break work;
      count(await writeRow(ctx, p.f, found.get(p.f.creditCode) ?? null));
      c.cursor++;
    }
    // progress every part: a call that dies redoes at most one part (harmlessly)
    if (c.cursor - saved >= PART_ROWS && c.cursor < job.rows) {
      if (!(await saveJob(ctx.ports, job._id, token, c, false))) break;
      saved = c.cursor;
    }
  }
  const finished = c.cursor >= job.rows;
  if (!(await saveJob(ctx.ports, job._id, token, { ...c, finished }))) {
    // this call overran its lease and another took the job over: its progress stands
    return jobView(await loadJob<ImportJob>(ctx, job._id, 'enterprise.import'), true);
  }
  const next: ImportJob = { ...job, ...c, finished };
  if (finished) {
    const summary = { create: next.created, update: next.updated, unchanged: next.unchanged, errors: next.errorCount };
    await audit(ctx, 'enterprise.import', 'enterprise', job.fileID, `导入企业名录：新增${next.created}家，更新${next.updated}家，跳过错误行${next.errorCount}行`, null, summary);
  }
  return jobView(next);
}

/**
 * admin.enterprises.import
 * - `{ fileID }`: the dry run, every row checked, nothing written: `{ dryRun: true, total, create,
 *   update, unchanged, errors, written: 0 }`.
 * - `{ fileID, confirm: true }`: starts an import job and writes rows until this call's time budget
 *   is spent: `{ dryRun: false, jobId, finished, done, total, progress, message: '已导入 1200/5000 行',
 *   create, update, unchanged, written, errors, errorCount }`.
 * - `{ fileID, confirm: true, jobId }`: continues that job (the same answer); once finished, the
 *   same final answer again, changing nothing. Call until `finished`.
 */
export async function importEnterprises(ctx: Ctx, input: Sent<typeof EnterpriseImportInput>) {
  requireRole(ctx.user, 'admin');
  const { fileID, confirm, jobId } = parseInput(EnterpriseImportInput, input);
  if (jobId) {
    if (!confirm) throw new AppError('VALIDATION_FAILED', '继续导入须确认（confirm）', [{ field: 'confirm', message: '继续导入须确认' }]);
    const job = await loadJob<ImportJob>(ctx, jobId, 'enterprise.import');
    if (job.fileID !== fileID) throw new AppError('VALIDATION_FAILED', '导入任务与文件不符，请重新选择文件', [{ field: 'jobId', message: '导入任务与文件不符' }]);
    if (job.finished) return jobView(job);
    const token = `l-${newId(ctx.ports)}`;
    const claimed = await claimJob(ctx.ports, jobId, token);
    // read again: the progress may have moved between the first read and the claim
    const current = await loadJob<ImportJob>(ctx, jobId, 'enterprise.import');
    return claimed ? runImport(ctx, current, token) : jobView(current, !current.finished);
  }
  await requireOwnFiles(ctx, [fileID], '文件');
  const checked = await checkRows(ctx, fileID);
  const { total, plan } = checked;
  const errors: RowResult[] = checked.errors.map(({ cells, ...e }) => (void cells, e));

  if (!confirm) {
    const found = await lookup(ctx, plan.map((p) => p.f.creditCode));
    const n = { create: 0, update: 0, unchanged: 0 };
    for (const p of plan) n[verdictOf(p.f, found.get(p.f.creditCode) ?? null)]++;
    return { dryRun: true, total, ...n, errors, errorCount: errors.length, written: 0 };
  }

  // the job: its rows in parts, then the job document, held by this call
  const id = `imp-${newId(ctx.ports)}`;
  for (let i = 0; i * PART_ROWS < plan.length; i++) await writePart(ctx.ports, id, i, plan.slice(i * PART_ROWS, (i + 1) * PART_ROWS));
  const token = `l-${newId(ctx.ports)}`;
  const at = ctx.ports.clock.now();
  const job: ImportJob = {
    _id: id, kind: 'enterprise.import', userId: ctx.user._id, createdAt: at.toISOString(), updatedAt: at.toISOString(), finished: false,
    parts: Math.ceil(plan.length / PART_ROWS), lease: token, leaseUntil: new Date(at.getTime() + LEASE_MS).toISOString(),
    fileID, total, rows: plan.length, cursor: 0, created: 0, updated: 0, unchanged: 0, errorCount: errors.length, errors: errors.slice(0, MAX_JOB_ERRORS),
  };
  await jobs<ImportJob>(ctx.ports).add(job);
  return runImport(ctx, job, token);
}

/** the column the error-rows workbook adds after the template's */
export const ERROR_COLUMN = '错误原因';

/**
 * admin.enterprises.importErrors (下载错误行): the uploaded file's bad rows as a workbook of the
 * template's columns, the cells as the admin typed them, plus 错误原因 with every problem of the
 * row. The admin fixes the rows there and uploads that file again (its header is the template's; the
 * extra column is not read). Every bad row, not only the first MAX_JOB_ERRORS a job keeps: the file
 * is checked again as the dry run checks it (no registry lookups: the bad rows do not depend on
 * it), so the workbook is the same before and after the import is confirmed.
 */
export async function importErrorRows(ctx: Ctx, input: Sent<typeof EnterpriseImportErrorsInput>) {
  requireRole(ctx.user, 'admin');
  const { fileID } = parseInput(EnterpriseImportErrorsInput, input);
  if (!ctx.ports.files) throw new AppError('INTERNAL', '文件存储未配置');
  await requireOwnFiles(ctx, [fileID], '文件');
  const { errors } = await checkRows(ctx, fileID);
  const ExcelJS = excel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('错误行');
  ws.columns = [...TEMPLATE_COLUMNS, ERROR_COLUMN].map((header, i) => ({ header, key: `c${i}`, width: [32, 24, 32, 16, 14, 8, 10, 16, 48][i] }));
  ws.getRow(1).font = { bold: true };
  ws.getCell(1, TEMPLATE_COLUMNS.length + 1).font = { bold: true, color: { argb: 'FFD4380D' } };
  // codes and phones stay text (a leading 0, 18 digits): as typed, not as numbers
  for (const i of [2, 8]) ws.getColumn(i).numFmt = '@';
  for (const e of errors) {
    const row = ws.addRow([...e.cells, e.reasons.join('；')]);
    row.getCell(TEMPLATE_COLUMNS.length + 1).font = { color: { argb: 'FFD4380D' } };
    row.getCell(TEMPLATE_COLUMNS.length + 1).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const file = await ctx.ports.files.save(`exports/enterprise-import-errors-${newId(ctx.ports)}.xlsx`, bytes, XLSX);
  return { ...file, rows: errors.length };
}

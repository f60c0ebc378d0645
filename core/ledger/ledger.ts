/**
 * The ledger (台账): requests filterable by colour, tier, center, department, category, channel,
 * status, date range, assignee, 回访 (待回访 / 已回访) and a dashboard figure (办结 / 正在办理 / 超期,
 * so that a figure tapped on the leaders' dashboard lists exactly the requests it counts), with
 * counts per colour, paged; and its export to
 * .xlsx with the columns an office prints. Dispatchers see their centers' requests, leaders all,
 * department handlers their department's.
 *
 * Every row carries its history as it happened (issue 11, item 3): the rework count (重办次数:
 * reopenCount, by the enterprise's 退回重办 or an unsatisfied 回访), the urge count, and the days
 * overdue (超期天数, see daysOverdue). The export has the screen's columns, then the long texts.
 */
import { excel } from '../excel';
import { z } from 'zod';
import { COLOURS, LEVELS, OPEN_STATUSES, RESULT_KINDS, ROLES, STATUSES, TIERS, categoryName, categoryPath, resultKindOf, storedCodesUnder, type Colour, type RequestStatus } from '../contract/catalog';
import { Ctx, hasRole, newId, requireRole } from '../context';
import { AppError } from '../errors';
import type { ServiceRequest } from '../model';
import { summary } from '../request-record';
import { formatBeijing, beijingMidnight, beijingNextMidnight as nextDay } from '../time';
import { parseInput } from '../validation';
import { LedgerExportInput, LedgerFilter, LedgerListInput } from '../contract/figures';
import type { Sent } from '../contract/schema';
import { centerScope } from '../desk/scope';
import { requestsRecusing } from '../recusal';
import { callBudget, claimJob, jobs, loadJob, readPart, saveJob, writePart, type JobBase } from '../jobs';
import { loadSla, type SlaContext } from '../sla/policy';
import { firstAnswer } from '../sla/clock';
import { callbackLabel } from '../feedback/callback';
import { DONE_STATUSES, requestRepo, type LedgerCursor, type LedgerQuery } from '../repos/requests';
import { cardRepo } from '../repos/cards';
import { searchLedger, type LedgerSearchInfo } from './search';

/** the ledger's filters are the contract's (core/contract/figures.ts) */
export { LedgerFilter };
export type LedgerFilterInput = z.infer<typeof LedgerFilter>;


/** the ledger query the caller asked for, narrowed to what the caller may see */
export async function ledgerQuery(ctx: Ctx, f: LedgerFilterInput): Promise<LedgerQuery> {
  requireRole(ctx.user, 'dispatcher', 'leader', 'department');
  const q: LedgerQuery = {};
  if (f.tier) q.tier = f.tier;
  if (f.category) {
    // a group finds its leaves, a leaf the old codes read as it (core/contract/taxonomy.ts)
    const codes = storedCodesUnder(f.category);
    q.category = codes.length === 1 ? codes[0] : codes;
  }
  if (f.channel) q.channel = f.channel;
  if (f.status) q.status = f.status;
  if (f.assigneeId) q.assigneeId = f.assigneeId;
  if (f.callback) {
    // only closed requests are called back: with another status picked, nothing is both
    q.status = !f.status || f.status === 'closed' ? 'closed' : [];
    q.callback = f.callback;
  }
  if (f.figure) {
    // a dashboard figure (core/stats/figures.ts): its statuses, narrowed by a status picked too
    q.status = within(q.status, f.figure === 'done' ? DONE_STATUSES : f.figure === 'open' ? OPEN_STATUSES : [...OPEN_STATUSES, ...DONE_STATUSES]);
    if (f.figure === 'overdue') q.overdue = true;
  }
  if (f.from) q.createdFrom = beijingMidnight(f.from);
  if (f.to) q.createdBefore = nextDay(f.to);
  const depts: string[] = [];
  if (f.departmentId) depts.push(f.departmentId);
  if (!hasRole(ctx.user, 'dispatcher', 'leader')) {
    // a department handler sees only the requests its department is a party to
    if (!ctx.user.departmentId) throw new AppError('FORBIDDEN', '当前账号未关联部门');
    if (f.departmentId && f.departmentId !== ctx.user.departmentId) throw new AppError('FORBIDDEN', '只能查看本部门的台账');
    if (!depts.length) depts.push(ctx.user.departmentId);
  }
  if (depts.length) q.deptIds = depts;
  const [recused, scope] = await Promise.all([
    // complaints about the caller are not in their ledger (core/recusal.ts): few, read by one indexed find;
    // their dashboard takes the same ones out of its figures (core/stats/dashboard.ts), so a figure drills down to as many
    requestsRecusing(ctx.ports, ctx.user._id),
    // the district's dispatchers see every center: no filter (and no read of ~330 centers)
    hasRole(ctx.user, 'dispatcher') && !hasRole(ctx.user, 'leader') ? centerScope(ctx.ports, ctx.user) : null,
  ]);
  if (recused.length) q.excludeIds = recused;
  // a center picked (the dashboard's 各级优化中心 row): within the caller's scope, else nothing
  if (f.centerId) q.tierOrgIds = !scope || scope.has(f.centerId) ? [f.centerId] : [];
  else if (scope) q.tierOrgIds = [...scope];
  return q;
}

/** the statuses of `allowed` that `picked` leaves (all of them when nothing was picked) */
function within(picked: LedgerQuery['status'], allowed: readonly RequestStatus[]): RequestStatus[] {
  if (picked === undefined) return [...allowed];
  const list: readonly RequestStatus[] = typeof picked === 'string' ? [picked] : picked;
  return allowed.filter((s) => list.includes(s));
}

/** who handles each row: the card's departments (all cards of a page in one read), else the assignee */
async function handlerLabels(ctx: Ctx, rows: ServiceRequest[]): Promise<Map<string, string>> {
  const cards = await cardRepo(ctx.ports.store).getMany(rows.map((r) => r.cardId));
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.cardId) {
      const card = cards.get(r.cardId);
      if (card) { out.set(r._id, card.parties.map((p) => `${p.deptName}（${p.role === 'lead' ? '牵头' : '协办'}）`).join('、')); continue; }
    }
    out.set(r._id, r.assigneeName ? `${r.assigneeName}（${ROLES[r.assigneeRole ?? 'officer']}）` : r.tierOrgId ? '待分派' : '');
  }
  return out;
}

/**
 * 超期天数: working days from the first deadline to the first answer when that came late
 * (firstDueAt → firstResolvedAt, core/sla/clock.ts firstAnswer, which reads older documents from
 * their SLA history), or, while the request was never answered, from its deadline to now (to the
 * pause while it waits for the enterprise). Until the first answer the running deadline is the
 * first one (a pause for the enterprise's material moves it, rightly). A reopen never changes the
 * figure: the rework clock has its own deadline, and lateness on a rework does not add to it.
 * Counted on the working calendar (loadSla), in tenths of a working day rounded up, so that any
 * lateness shows (0.1 = up to 42 minutes of the default 7-hour day); 0 when not late.
 */
export function daysOverdue(r: ServiceRequest, sla: SlaContext, now: Date): number {
  if (r.status === 'rejected') return 0;
  const first = firstAnswer(r);
  let due: string | null;
  let end: Date;
  if (first) {
    due = first.firstDueAt;
    end = new Date(first.firstResolvedAt);
  } else {
    due = r.dueAt ?? r.firstDueAt ?? null;
    if (r.status === 'paused' && r.pausedAt) end = new Date(r.pausedAt);
    else if (OPEN_STATUSES.includes(r.status)) end = now;
    else return 0;
  }
  if (!due || end.getTime() <= new Date(due).getTime()) return 0;
  const { calendar } = sla;
  const minutes = calendar.workingMinutesBetween(new Date(due), end).minutes;
  if (minutes <= 0 || calendar.minutesPerDay <= 0) return 0;
  // the small epsilon keeps a whole number of days from rounding up through float error
  return Math.ceil((minutes * 10) / calendar.minutesPerDay - 1e-9) / 10;
}

/** the history columns of a row: on screen and in the export alike */
function history(r: ServiceRequest, sla: SlaContext, now: Date) {
  return { reworkCount: r.reopenCount ?? 0, daysOverdue: daysOverdue(r, sla, now), urgeCount: r.urgeCount ?? 0, callbackLabel: callbackLabel(r) };
}

function row(r: ServiceRequest, handler: string, sla: SlaContext, now: Date) {
  return {
    ...summary(r),
    ...history(r, sla, now),
    handler,
    statusLabel: STATUSES[r.status],
    // 办结's result type once answered (a request answered before the types existed: 已解决)
    resultKindLabel: r.result ? RESULT_KINDS[resultKindOf(r)] : '',
    categoryName: categoryName(r.category),
    levelLabel: LEVELS[r.level],
    colourLabel: COLOURS[r.colour],
    tierLabel: TIERS[r.tier],
  };
}

export async function listLedger(ctx: Ctx, input: Sent<typeof LedgerListInput>) {
  const parsed = parseInput(LedgerListInput, input);
  const { page, pageSize, colour, q, ...rest } = parsed;
  const base = await ledgerQuery(ctx, rest);
  if (q) return searchPage(ctx, base, q, colour, page, pageSize);
  const requests = requestRepo(ctx.ports.store);
  const query = colour ? { ...base, colour } : base;
  const [sla, items, total, ...perColour] = await Promise.all([
    loadSla(ctx.ports),
    requests.ledgerPage(query, page, pageSize),
    requests.ledgerCount(query),
    ...(Object.keys(COLOURS) as Colour[]).map((c) => requests.ledgerCount({ ...base, colour: c })),
  ]);
  const counts = Object.fromEntries((Object.keys(COLOURS) as Colour[]).map((c, i) => [c, perColour[i]])) as Record<Colour, number>;
  const labels = await handlerLabels(ctx, items);
  return {
    items: items.map((r) => row(r, labels.get(r._id) ?? '', sla, ctx.now)),
    total, page, pageSize,
    counts: { ...counts, all: Object.values(counts).reduce((a, b) => a + b, 0) },
    search: null as LedgerSearchInfo | null,
  };
}

/**
 * ledger.list with `q` (core/ledger/search.ts): the search reads what it found in one go (bounded),
 * so the colour counts and the page come from it, without the five counts a plain page costs
 */
async function searchPage(ctx: Ctx, base: LedgerQuery, q: string, colour: Colour | undefined, page: number, pageSize: number) {
  const [sla, { found, info }] = await Promise.all([loadSla(ctx.ports), searchLedger(ctx, base, q)]);
  const counts = Object.fromEntries((Object.keys(COLOURS) as Colour[]).map((c) => [c, found.filter((r) => r.colour === c).length])) as Record<Colour, number>;
  const rows = colour ? found.filter((r) => r.colour === colour) : found;
  const items = rows.slice((page - 1) * pageSize, page * pageSize);
  const labels = await handlerLabels(ctx, items);
  return {
    items: items.map((r) => row(r, labels.get(r._id) ?? '', sla, ctx.now)),
    total: rows.length, page, pageSize,
    counts: { ...counts, all: found.length },
    search: info as LedgerSearchInfo | null,
  };
}

/** the ledger screen's columns, in its order (src/subpkg-desk/ledger) */
export const SCREEN_COLUMNS = ['工单号', '企业', '类别', '等级', '承办人/部门', '受理时间', '期限', '状态', '颜色', '超期天数', '重办次数', '催办次数', '满意度评分', '回访结果'] as const;
/** the export: the screen's columns, then the long texts a printed ledger needs */
export const EXPORT_COLUMNS = [...SCREEN_COLUMNS, '诉求内容', '办理结果'] as const;
const COLUMN_WIDTHS = [18, 30, 14, 8, 30, 18, 18, 10, 8, 10, 10, 10, 12, 16, 60, 60];
/** 1-based: the 颜色 cell gets the colour's fill; the long texts wrap */
const COLOUR_COLUMN = EXPORT_COLUMNS.indexOf('颜色') + 1;
const LONG_COLUMNS = new Set(['诉求内容', '办理结果']);
export const MAX_EXPORT_ROWS = 5000;
/**
 * rows per part document of an export job: ~80 KB with descriptions and results of ~100
 * characters, at most ~1.6 MB with both at their 1,000-character limit
 */
const EXPORT_PART_ROWS = 250;

/** one row of the sheet: the columns, then the colour key for the fill */
type ExportRow = [...Array<string | number>, Colour];
type Cursor = LedgerCursor;

/** a large export across calls (core/jobs.ts): the rows gathered so far in parts, then the file */
type ExportJob = JobBase & {
  kind: 'ledger.export';
  /** the ledger query, already narrowed to what the caller may see (absent on a job from before queries: restarted) */
  query?: LedgerQuery;
  total: number;
  rows: number;
  /** the last row gathered, in the export's order (createdAt desc, _id desc) */
  cursor: Cursor | null;
  /** every row is gathered: the next step is the file */
  exhausted: boolean;
  /** characters of the long texts gathered so far: they weigh on the time to write the file */
  chars?: number;
  file: { fileID: string; url: string } | null;
};

/** rows after the cursor: keyset paging stays right while new requests come in, where skip would repeat rows */

/**
 * Rows from the cursor on, a page of 100 at a time (1 find, and 1 read of the page's cards if any),
 * until the budget is spent or the rows run out (`done` were gathered by earlier calls). Once the
 * file cannot be made in this call any more, full parts go to the job as they fill (`flush`), so
 * that the call ends with at most two part writes. `before` is what earlier calls gathered.
 * Rows whose long texts together could not be written into one file within a call are refused
 * as soon as that shows, not after every row was read.
 */
async function gather(ctx: Ctx, query: LedgerQuery, from: Cursor | null, before: { rows: number; chars: number }, budget: ReturnType<typeof callBudget>, flush: (rows: ExportRow[]) => Promise<void>) {
  const requests = requestRepo(ctx.ports.store);
  const sla = await loadSla(ctx.ports);
  const done = before.rows;
  let chars = before.chars;
  let rows: ExportRow[] = [];
  let count = 0;
  let cursor = from;
  let exhausted = false;
  while (!exhausted && !budget.over()) {
    const page = await requests.ledgerAfter(query, cursor, 100);
    const labels = await handlerLabels(ctx, page);
    for (const r of page) {
      rows.push(exportRow(r, labels.get(r._id) ?? '', sla, ctx.now));
      chars += (r.description ?? '').length + (r.result ?? '').length;
    }
    count += page.length;
    if (buildCost(done + count, chars) > BUILD_LIMIT_MS - FRESH_CALL_MS) {
      throw new AppError('VALIDATION_FAILED', '导出内容过多（诉求内容和办理结果较长），无法生成一个文件，请缩小筛选范围，如按受理日期分段导出');
    }
    if (page.length) cursor = { createdAt: page[page.length - 1].createdAt, id: page[page.length - 1]._id };
    exhausted = page.length < 100;
    if (!exhausted && !canBuild(budget, done + count, chars) && rows.length >= EXPORT_PART_ROWS) {
      const full = rows.length - (rows.length % EXPORT_PART_ROWS);
      await flush(rows.slice(0, full));
      rows = rows.slice(full);
    }
  }
  return { rows, count, cursor, exhausted, chars };
}

function exportRow(r: ServiceRequest, handler: string, sla: SlaContext, now: Date): ExportRow {
  const h = history(r, sla, now);
  return [
    r.no, r.enterpriseName, categoryPath(r.category), LEVELS[r.level], handler,
    formatBeijing(r.createdAt), r.dueAt ? formatBeijing(r.dueAt) : '', STATUSES[r.status], COLOURS[r.colour],
    h.daysOverdue, h.reworkCount, h.urgeCount, r.score ?? '', h.callbackLabel,
    r.description ?? '', r.result ?? '', r.colour,
  ];
}

/**
 * ledger.export with `q`: the rows the search finds (at most its window, core/ledger/search.ts),
 * made into the file in this call; the message says when the window was cut
 */
async function exportSearch(ctx: Ctx, base: LedgerQuery, q: string, colour: Colour | undefined) {
  const [sla, { found, info }] = await Promise.all([loadSla(ctx.ports), searchLedger(ctx, base, q)]);
  const rows = colour ? found.filter((r) => r.colour === colour) : found;
  const chars = rows.reduce((n, r) => n + (r.description ?? '').length + (r.result ?? '').length, 0);
  if (buildCost(rows.length, chars) > BUILD_LIMIT_MS - FRESH_CALL_MS) {
    throw new AppError('VALIDATION_FAILED', '导出内容过多（诉求内容和办理结果较长），无法生成一个文件，请缩小筛选范围，如按受理日期分段导出');
  }
  const labels = await handlerLabels(ctx, rows);
  const saved = await buildFile(ctx, rows.map((r) => exportRow(r, labels.get(r._id) ?? '', sla, ctx.now)));
  const cut = info.cut ? `（仅搜索最近 ${info.window} 件）` : '';
  return { finished: true as const, ...saved, rows: rows.length, total: rows.length, message: `已导出 ${rows.length} 条${cut}` };
}

async function buildFile(ctx: Ctx, rows: ExportRow[]) {
  const ExcelJS = excel();
  const wb = new ExcelJS.Workbook();
  wb.creator = '营商环境诉求直通';
  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((header, i) => ({
    header, key: `c${i}`, width: COLUMN_WIDTHS[i],
    ...(LONG_COLUMNS.has(header) ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  const fills: Record<Colour, string> = { white: 'FFF2F2F2', green: 'FFD9F2E6', yellow: 'FFFFF1CC', red: 'FFFAD4D4' };
  for (const r of rows) {
    const added = ws.addRow(r.slice(0, EXPORT_COLUMNS.length));
    added.getCell(COLOUR_COLUMN).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fills[r[r.length - 1] as Colour] } };
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const stamp = formatBeijing(ctx.now).replace(/[-: ]/g, '');
  return ctx.ports.files!.save(`exports/ledger-${stamp}-${newId(ctx.ports)}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

/**
 * Is there time left in this call to make the file of `rows` rows with `chars` characters of long
 * text? Measured on a busy 2-core machine: exceljs loads in ~330 ms and writes 5,000 rows of the
 * short columns in ~1.2–1.5 s (0.3 ms a row); the long texts add ~0.5 ms per 1,000 characters
 * (5,000 rows of 100-character texts: +0.5 s; of 1,000-character texts: +5 s, which no call
 * holds). Add a part read per EXPORT_PART_ROWS rows. The file is the call's last work, so it may
 * run to BUILD_LIMIT_MS, 0.5 s before the 3 s timeout, past the budget for store work.
 */
const BUILD_LIMIT_MS = 2500;
/** what a call has spent before it can start on the file at the earliest (the caller, the job, its claim) */
const FRESH_CALL_MS = 200;
const buildCost = (rows: number, chars: number) => 350 + rows * 0.3 + chars * 0.0005 + Math.ceil(rows / EXPORT_PART_ROWS) * 20;
const canBuild = (budget: ReturnType<typeof callBudget>, rows: number, chars: number) => budget.spent() + buildCost(rows, chars) <= BUILD_LIMIT_MS;

function exportView(job: ExportJob) {
  if (job.finished && job.file) return { finished: true as const, jobId: job._id, ...job.file, rows: job.rows, total: job.total, message: `已导出 ${job.rows} 条` };
  return {
    finished: false as const, jobId: job._id, rows: job.rows, total: job.total, progress: { done: job.rows, total: job.total },
    message: job.exhausted ? `已读取全部 ${job.rows} 条，正在生成文件…` : `已读取 ${Math.min(job.rows, job.total)}/${job.total} 条，正在导出…`,
  };
}

/**
 * ledger.export
 * A small export (the common case: up to ~3,000 rows at 10 ms a store call) is made in one call
 * and answered as before: `{ finished: true, fileID, url, rows, total }`. A larger one does not
 * fit a 3 s call: 5,000 rows are 50 finds plus the cards of their pages (up to ~100 calls, 1–2 s)
 * before the sheet is written and uploaded. Its rows are gathered over calls into an export job:
 * the answer is `{ finished: false, jobId, rows, total, progress, message }` and the page calls
 * again with `{ jobId }` until `finished`, which carries the file. Calling a finished job again
 * answers the same file.
 */
export async function exportLedger(ctx: Ctx, input: Sent<typeof LedgerExportInput>) {
  const { colour, jobId, q, ...rest } = parseInput(LedgerExportInput, input);
  if (!ctx.ports.files) throw new AppError('INTERNAL', '文件存储未配置');
  const budget = callBudget(ctx);
  if (jobId) return continueExport(ctx, jobId, budget);

  const base = await ledgerQuery(ctx, rest);
  if (q) return exportSearch(ctx, base, q, colour);
  const query = colour ? { ...base, colour } : base;
  const total = await requestRepo(ctx.ports.store).ledgerCount(query);
  if (total > MAX_EXPORT_ROWS) throw new AppError('VALIDATION_FAILED', `导出条数超过${MAX_EXPORT_ROWS}条，请缩小筛选范围`);
  // the job's id is chosen now; its parts are written only when the export turns out too large for this call
  const id = `exp-${newId(ctx.ports)}`;
  let parts = 0;
  const got = await gather(ctx, query, null, { rows: 0, chars: 0 }, budget, async (rows) => { parts = await writeRows(ctx, id, parts, rows); });
  if (got.exhausted && !parts && canBuild(budget, got.count, got.chars)) {
    const saved = await buildFile(ctx, got.rows);
    return { finished: true as const, ...saved, rows: got.rows.length, total, message: `已导出 ${got.rows.length} 条` };
  }
  // too large for one call: keep what was gathered in a job, and go on at the next call
  parts = await writeRows(ctx, id, parts, got.rows);
  const at = ctx.ports.clock.now().toISOString();
  const job: ExportJob = {
    _id: id, kind: 'ledger.export', userId: ctx.user._id, createdAt: at, updatedAt: at, finished: false, parts, lease: '', leaseUntil: '',
    query, total, rows: got.count, cursor: got.cursor, exhausted: got.exhausted, chars: got.chars, file: null,
  };
  await jobs<ExportJob>(ctx.ports).add(job);
  return exportView(job);
}

/** rows into parts from part `first` on; returns the number of parts after them */
async function writeRows(ctx: Ctx, jobId: string, first: number, rows: ExportRow[]): Promise<number> {
  let index = first;
  for (let i = 0; i < rows.length; i += EXPORT_PART_ROWS) await writePart(ctx.ports, jobId, index++, rows.slice(i, i + EXPORT_PART_ROWS));
  return index;
}

async function continueExport(ctx: Ctx, jobId: string, budget: ReturnType<typeof callBudget>) {
  requireRole(ctx.user, 'dispatcher', 'leader', 'department');
  const first = await loadJob<ExportJob>(ctx, jobId, 'ledger.export');
  if (first.finished) return exportView(first);
  const token = `l-${newId(ctx.ports)}`;
  const claimed = await claimJob(ctx.ports, jobId, token);
  // read again: the progress may have moved between the first read and the claim
  const job = await loadJob<ExportJob>(ctx, jobId, 'ledger.export');
  if (!claimed) return exportView(job);
  const next: ExportJob = { ...job };
  if (!job.exhausted) {
    // a job written before ledger queries (its filter as JSON) cannot go on: the user starts the export again
    if (!job.query) throw new AppError('INVALID_STATE', '该导出任务已失效，请重新导出');
    const got = await gather(ctx, job.query, job.cursor, { rows: job.rows, chars: job.chars ?? 0 }, budget, async (rows) => { next.parts = await writeRows(ctx, jobId, next.parts, rows); });
    next.parts = await writeRows(ctx, jobId, next.parts, got.rows);
    Object.assign(next, { rows: job.rows + got.count, cursor: got.cursor, exhausted: got.exhausted, chars: got.chars });
  }
  if (next.exhausted && canBuild(budget, next.rows, next.chars ?? 0)) {
    const rows: ExportRow[] = [];
    for (let i = 0; i < next.parts; i++) rows.push(...(await readPart<ExportRow>(ctx.ports, jobId, i)));
    next.file = await buildFile(ctx, rows);
    next.finished = true;
  }
  const { parts, rows, cursor, exhausted, file, finished, chars } = next;
  if (!(await saveJob(ctx.ports, jobId, token, { parts, rows, cursor, exhausted, file, finished, chars: chars ?? 0 }))) return exportView(await loadJob<ExportJob>(ctx, jobId, 'ledger.export'));
  return exportView(next);
}

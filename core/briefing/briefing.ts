/**
 * 简报 (营商环境“红黄榜”简报): one action produces a period's briefing, both as an .xlsx workbook
 * (ports.files, like the ledger export) and as the data of a printable H5 page. It carries the
 * period's figures and headline sentences (from the counters), the 红黄榜 (the stored list of the
 * period, computed first if there is none), the category and department tables, and notable cases
 * (read from the requests of the period: a few praised ones and a few overdue ones).
 * Issues are numbered per year in order of first generation (宜春: 8 issues in a year); a period
 * keeps its number when regenerated.
 */
import { excel } from '../excel';
import { CATEGORY_GROUPS, COLOURS, STATUSES, categoryName } from '../contract/catalog';
import { C } from '../collections';
import { Ctx, newId, requireRole } from '../context';
import { AppError } from '../errors';
import type { ServiceRequest } from '../model';
import { StoreError } from '../ports';
import { allOrgs } from '../desk/scope';
import { loadSla } from '../sla/policy';
import { formatBeijing, beijingParts, beijingMidnight, beijingNextMidnight as nextDay } from '../time';
import { parseInput } from '../validation';
import { dashboardScope, periodFigures, type PeriodFigures } from '../stats/dashboard';
import { PeriodInput, resolvePeriod } from '../stats/period';
import { BriefingInput } from '../contract/figures';
import type { Sent } from '../contract/schema';
import { percentText } from '../stats/figures';
import { rankingFor, type RankingList } from '../rankings/rankings';
import { methodText, type RankedUnit } from '../rankings/formula';
import { requestRepo } from '../repos/requests';

export type BriefingCase = {
  id: string; no: string; enterpriseName: string; categoryName: string; status: string; colour: string;
  description: string; result: string | null; score: number | null; urgeCount: number; reopenCount: number;
  handler: string; createdAt: string; note: string;
};

export type Briefing = {
  title: string;
  issue: number;
  issueLabel: string;
  publisher: string;
  date: string;
  period: PeriodFigures['period'];
  figures: PeriodFigures['figures'];
  headline: string[];
  trend: PeriodFigures['trend'];
  byCategory: NonNullable<PeriodFigures['byCategory']>;
  byDepartment: NonNullable<PeriodFigures['byDepartment']>;
  byCenter: NonNullable<PeriodFigures['byCenter']>;
  ranking: Pick<RankingList, '_id' | 'computedAt' | 'units' | 'red' | 'yellow' | 'settings'>;
  cases: { praised: BriefingCase[]; warned: BriefingCase[] };
};

type BriefingRecord = { _id: string; issue: number; year: number; firstAt: string; lastAt: string; lastFile: { fileID: string; url: string } | null };

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

function toCase(r: ServiceRequest, note: string): BriefingCase {
  return {
    id: r._id, no: r.no, enterpriseName: r.enterpriseName, categoryName: categoryName(r.category), status: STATUSES[r.status], colour: COLOURS[r.colour],
    description: truncate(r.description, 80), result: r.result ? truncate(r.result, 80) : null, score: r.score, urgeCount: r.urgeCount,
    reopenCount: r.reopenCount, handler: r.assigneeName ?? '', createdAt: r.createdAt, note,
  };
}

async function notableCases(ctx: Ctx, from: string, to: string, mpd: number): Promise<Briefing['cases']> {
  const requests = requestRepo(ctx.ports.store);
  const [start, end] = [beijingMidnight(from), nextDay(to)];
  const praisedRows = await requests.praisedIn(start, end, 20);
  const { calendar } = await loadSla(ctx.ports);
  const praised = praisedRows
    .filter((r) => !r.recusal)
    .map((r) => ({ r, days: r.resolvedAt ? calendar.workingMinutesBetween(new Date(r.createdAt), new Date(r.resolvedAt)).minutes / mpd : Infinity }))
    .sort((a, b) => a.days - b.days)
    .slice(0, 3)
    .map(({ r, days }) => toCase(r, `${Number.isFinite(days) ? `${days.toFixed(1)}个工作日办结，` : ''}企业评价5分${r.comment ? `：“${truncate(r.comment, 40)}”` : ''}`));
  // a complaint about officials (core/recusal.ts) is no case for a printed 简报: the people it is
  // about may read it, and it would point at the complainant
  const warnedRows = (await requests.mostUrgedRedIn(start, end, 10))
    .filter((r) => !r.recusal)
    .slice(0, 3);
  const warned = warnedRows.map((r) =>
    toCase(r, [r.status === 'resolved' || r.status === 'closed' ? '超期办结' : '已超期，仍在办理', r.urgeCount ? `催办${r.urgeCount}次` : '', r.reopenCount ? `重办${r.reopenCount}次` : ''].filter(Boolean).join('，')),
  );
  return { praised, warned };
}

const CN_DIGITS = '〇一二三四五六七八九';
const cnYear = (y: number) => [...String(y)].map((d) => CN_DIGITS[Number(d)]).join('');

/** the briefing's content (no file) */
export async function briefingData(ctx: Ctx, input: unknown, record?: BriefingRecord): Promise<Briefing> {
  requireRole(ctx.user, 'leader', 'dispatcher');
  const data = parseInput(BriefingInput, input);
  const period = resolvePeriod(parseInput(PeriodInput, data), ctx.now);
  const scope = await dashboardScope(ctx, {});
  if (!scope.whole) throw new AppError('FORBIDDEN', '简报需区级权限生成');
  const [fig, ranking, orgs] = await Promise.all([periodFigures(ctx.ports, ctx.now, period, scope), rankingFor(ctx, period), allOrgs(ctx.ports)]);
  const district = orgs.find((o) => o.kind === 'district');
  const p = beijingParts(ctx.now);
  const rec = record ?? (await ctx.ports.store.collection<BriefingRecord>(C.briefings).get(period.id));
  const year = Number(period.from.slice(0, 4));
  return {
    title: '营商环境“红黄榜”简报',
    issue: rec?.issue ?? 0,
    issueLabel: rec ? `${year}年第${rec.issue}期` : `${year}年（待编号）`,
    publisher: `${district?.name ?? ''}营商环境优化中心`,
    date: `${cnYear(p.year)}年${p.month}月${p.day}日`,
    period: fig.period,
    figures: fig.figures,
    headline: fig.headline,
    trend: fig.trend,
    byCategory: fig.byCategory ?? [],
    byDepartment: fig.byDepartment ?? [],
    byCenter: fig.byCenter ?? [],
    ranking: { _id: ranking._id, computedAt: ranking.computedAt, units: ranking.units, red: ranking.red, yellow: ranking.yellow, settings: ranking.settings },
    cases: await notableCases(ctx, period.from, period.to, fig.minutesPerDay),
  };
}

/** the issue number of a period: given at its first generation, kept afterwards */
async function issueFor(ctx: Ctx, periodId: string, year: number): Promise<BriefingRecord> {
  const records = ctx.ports.store.collection<BriefingRecord>(C.briefings);
  const existing = await records.get(periodId);
  if (existing) return existing;
  const n = await ctx.ports.store.collection(C.counters).increment(`briefing-${year}`, 'seq', 1);
  const at = ctx.now.toISOString();
  const rec: BriefingRecord = { _id: periodId, issue: n, year, firstAt: at, lastAt: at, lastFile: null };
  try {
    await records.add(rec);
    return rec;
  } catch (e) {
    if (e instanceof StoreError && e.code === 'DUPLICATE_ID') return (await records.get(periodId))!;
    throw e;
  }
}

/** briefing.view {period, key?}: the page's data only */
export async function viewBriefing(ctx: Ctx, input: Sent<typeof BriefingInput>): Promise<Briefing> {
  return briefingData(ctx, input);
}

/** briefing.generate {period, key?}: numbers the issue, writes the .xlsx, returns its address and the page's data */
export async function generateBriefing(ctx: Ctx, input: Sent<typeof BriefingInput>): Promise<Briefing & { url: string; fileID: string }> {
  requireRole(ctx.user, 'leader', 'dispatcher');
  if (!ctx.ports.files) throw new AppError('INTERNAL', '文件存储未配置');
  const data = parseInput(BriefingInput, input);
  const period = resolvePeriod(parseInput(PeriodInput, data), ctx.now);
  const record = await issueFor(ctx, period.id, Number(period.from.slice(0, 4)));
  const b = await briefingData(ctx, data, record);
  const bytes = await briefingWorkbook(b);
  const stamp = formatBeijing(ctx.now).replace(/[-: ]/g, '');
  const saved = await ctx.ports.files.save(`exports/briefing-${period.id}-${stamp}-${newId(ctx.ports)}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await ctx.ports.store.collection<BriefingRecord>(C.briefings).update(record._id, { $set: { lastAt: ctx.now.toISOString(), lastFile: saved } });
  return { ...b, ...saved };
}

// ---------- the workbook ----------

const pctCell = (r: number | null) => (r === null ? '—' : percentText(r));
const num1 = (v: number | null) => (v === null ? '—' : Number(v.toFixed(1)));

export const BRIEFING_SHEETS = ['简报', '红黄榜', '综合排名', '分类统计', '典型案例'] as const;

export async function briefingWorkbook(b: Briefing): Promise<Uint8Array> {
  const ExcelJS = excel();
  const wb = new ExcelJS.Workbook();
  wb.creator = '营商环境诉求直通';
  const bold = { bold: true };
  const fill = (argb: string) => ({ type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb } });

  // 1. cover: title, issue, headline, key figures
  const cover = wb.addWorksheet(BRIEFING_SHEETS[0]);
  cover.columns = [{ width: 22 }, { width: 18 }, { width: 22 }, { width: 18 }];
  cover.mergeCells('A1:D1');
  cover.getCell('A1').value = b.title;
  cover.getCell('A1').font = { bold: true, size: 18, color: { argb: 'FFC00000' } };
  cover.getCell('A1').alignment = { horizontal: 'center' };
  cover.mergeCells('A2:D2');
  cover.getCell('A2').value = `${b.issueLabel}    ${b.publisher}    ${b.date}`;
  cover.getCell('A2').alignment = { horizontal: 'center' };
  cover.addRow([]);
  cover.addRow([`统计周期：${b.period.label}（${b.period.from} 至 ${b.period.to}，按受理日期统计）`]);
  for (const s of b.headline) cover.addRow([s]);
  cover.addRow([]);
  const f = b.figures;
  const head = cover.addRow(['指标', '数值', '指标', '数值']);
  head.font = bold;
  const pairs: Array<[string, string | number]> = [
    ['收集问题（项）', f.collected], ['办结（项）', f.closed], ['正在办理（项）', f.inProgress], ['不予受理（项）', f.rejected],
    ['按期办结率', pctCell(f.onTimeRate)], ['满意度（4-5分占比）', pctCell(f.satisfactionRate)], ['平均评分', num1(f.meanScore)],
    ['重办率', pctCell(f.reopenRate)], ['平均办结用时（工作日）', num1(f.meanDaysToClose)], ['超期（项）', f.overdue], ['催办（次）', f.urges],
    ['走访次数', f.visits], ['走访企业（家）', f.enterprisesVisited], ['红/黄/绿/白', `${f.colours.red}/${f.colours.yellow}/${f.colours.green}/${f.colours.white}`],
  ];
  for (let i = 0; i < pairs.length; i += 2) cover.addRow([pairs[i][0], pairs[i][1], pairs[i + 1]?.[0] ?? '', pairs[i + 1]?.[1] ?? '']);

  // 2. the lists
  const lists = wb.addWorksheet(BRIEFING_SHEETS[1]);
  lists.columns = [{ width: 8 }, { width: 26 }, { width: 10 }, { width: 10 }, { width: 60 }];
  const listBlock = (title: string, units: RankedUnit[], argb: string) => {
    const t = lists.addRow([title]);
    t.font = { bold: true, size: 14, color: { argb } };
    const h = lists.addRow(['序号', '单位', '类型', '综合得分', '事由']);
    h.font = bold;
    if (!units.length) lists.addRow(['', '（本期无）']);
    units.forEach((u, i) => {
      const row = lists.addRow([i + 1, u.name, u.kind === 'department' ? '部门' : `${u.tierLabel ?? ''}中心`, u.score ?? '—', u.reasons.join('；')]);
      row.getCell(2).fill = fill(argb === 'FFC00000' ? 'FFFAD4D4' : 'FFFFF1CC');
    });
    lists.addRow([]);
  };
  listBlock('红榜（表扬）', b.ranking.red, 'FFC00000');
  listBlock('黄榜（警示）', b.ranking.yellow, 'FFB8860B');
  // the formula as the rankings page states it (one text, core/rankings/formula.ts)
  lists.addRow([methodText(b.ranking.settings)]);

  // 3. full ranking
  const rank = wb.addWorksheet(BRIEFING_SHEETS[2], { views: [{ state: 'frozen', ySplit: 1 }] });
  rank.columns = ['类型', '排名', '单位', '综合得分', '收集', '办结', '在办', '按期办结率', '满意度', '平均评分', '重办率', '超期', '催办', '榜单'].map((header, i) => ({
    header, key: `c${i}`, width: [10, 6, 24, 10, 8, 8, 8, 12, 10, 10, 10, 8, 8, 8][i],
  }));
  rank.getRow(1).font = bold;
  for (const u of b.ranking.units) {
    const row = rank.addRow([
      u.kind === 'department' ? '部门' : `${u.tierLabel ?? ''}中心`, u.rank ?? '—', u.name, u.score ?? '样本不足', u.figures.collected, u.figures.closed, u.figures.inProgress,
      pctCell(u.figures.onTimeRate), pctCell(u.figures.satisfactionRate), num1(u.figures.meanScore), pctCell(u.figures.reopenRate), u.figures.overdue, u.figures.urges,
      u.list === 'red' ? '红榜' : u.list === 'yellow' ? '黄榜' : '',
    ]);
    if (u.list) row.getCell(14).fill = fill(u.list === 'red' ? 'FFFAD4D4' : 'FFFFF1CC');
  }

  // 4. categories and departments
  const cats = wb.addWorksheet(BRIEFING_SHEETS[3], { views: [{ state: 'frozen', ySplit: 1 }] });
  cats.columns = ['分组', '名称', '收集', '办结', '在办', '按期办结率', '满意度', '超期'].map((header, i) => ({ header, key: `c${i}`, width: [10, 26, 8, 8, 8, 12, 10, 8][i] }));
  cats.getRow(1).font = bold;
  // by group (大类), each followed by its categories (小类), most collected first (core/stats/dashboard.ts)
  const order = new Map<string, number>(CATEGORY_GROUPS.map((g, i) => [g.code, i]));
  for (const r of [...b.byCategory].sort((x, y) => y.collected - x.collected || (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0))) {
    cats.addRow(['大类', r.name, r.collected, r.closed, r.inProgress, pctCell(r.onTimeRate), pctCell(r.satisfactionRate), r.overdue]);
    for (const c of r.children ?? []) cats.addRow(['小类', `${r.name}/${c.name}`, c.collected, c.closed, c.inProgress, pctCell(c.onTimeRate), pctCell(c.satisfactionRate), c.overdue]);
  }
  for (const r of b.byDepartment) cats.addRow(['部门', r.name, r.collected, r.closed, r.inProgress, pctCell(r.onTimeRate), pctCell(r.satisfactionRate), r.overdue]);
  for (const r of b.byCenter) cats.addRow([`${r.extra ?? ''}中心`, r.name, r.collected, r.closed, r.inProgress, pctCell(r.onTimeRate), pctCell(r.satisfactionRate), r.overdue]);

  // 5. notable cases
  const cases = wb.addWorksheet(BRIEFING_SHEETS[4]);
  cases.columns = ['类型', '工单号', '企业', '类别', '状态', '问题', '办理结果', '说明'].map((header, i) => ({ header, key: `c${i}`, width: [10, 18, 28, 14, 10, 40, 40, 36][i] }));
  cases.getRow(1).font = bold;
  for (const c of b.cases.praised) cases.addRow(['典型案例', c.no, c.enterpriseName, c.categoryName, c.status, c.description, c.result ?? '', c.note]);
  for (const c of b.cases.warned) cases.addRow(['警示案例', c.no, c.enterpriseName, c.categoryName, c.status, c.description, c.result ?? '', c.note]);
  if (!b.cases.praised.length && !b.cases.warned.length) cases.addRow(['', '（本期无）']);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

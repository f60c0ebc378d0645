/**
 * What the leaders' figures take: the dashboard, notification reach, 红黄榜, 简报 and the ledger
 * export (core/stats, core/notify/reach.ts, core/rankings, core/briefing, core/ledger). The server
 * parses with these, the pages may check with them before sending.
 */
import { CHANNELS, COLOURS, STATUSES, TIERS } from './catalog';
import { z, zDate as zCalendarDate, zId } from './schema';
import { zCategoryFilter } from './category-input';

const zDate = zCalendarDate();
const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

// ---------- periods ----------

/** 本月 / 本季度 / 本年 / 自定义 (core/stats/period.ts resolves it) */
export const PeriodInput = z
  .object({
    period: z.enum(['month', 'quarter', 'year', 'custom'], { errorMap: () => ({ message: '统计周期不正确' }) }).default('month'),
    /** which month/quarter/year: "2026-11", "2026-Q4", "2026"; default the current one */
    key: z.string().max(16).optional().transform((k) => k || undefined), // '' is "the current one", not a period
    from: zDate.optional(),
    to: zDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.period === 'custom') {
      if (!v.from || !v.to) ctx.addIssue({ code: 'custom', message: '自定义周期需要开始和结束日期', path: ['from'] });
      else if (v.from > v.to) ctx.addIssue({ code: 'custom', message: '开始日期不能晚于结束日期', path: ['to'] });
    }
    if (v.key) {
      const re = v.period === 'month' ? /^\d{4}-(0[1-9]|1[0-2])$/ : v.period === 'quarter' ? /^\d{4}-Q[1-4]$/ : v.period === 'year' ? /^\d{4}$/ : null;
      const year = Number(v.key.slice(0, 4));
      // the years dates may name (core/contract/schema.ts): year 0 made dates nothing can be turned into an instant
      if (!re || !re.test(v.key) || year < 2000 || year > 2100) ctx.addIssue({ code: 'custom', message: '统计周期不正确', path: ['key'] });
    }
  });

// ---------- stats ----------

export const StatsDashboardInput = z.intersection(
  PeriodInput,
  z.object({
    tier: z.enum(keys(TIERS), { errorMap: () => ({ message: '层级不正确' }) }).optional(),
    departmentId: zId.optional(),
  }),
);

/** stats.notify: a period */
export const StatsNotifyInput = PeriodInput;

// ---------- 红黄榜 ----------

const zShare = z.number().min(0, '比例应在0到1之间').max(1, '比例应在0到1之间');
const zCount = z.number().int('应为整数').min(0, '不能为负数').max(1000, '数值过大');

/** rankings.configure: the thresholds to change, each optional */
export const RankingsConfigureInput = z.object({
  weights: z.object({
    onTime: zCount, satisfaction: zCount, reopen: zCount, overdue: zCount, urges: zCount, callback: zCount, handBack: zCount, cardAccept: zCount,
  }).partial().optional(),
  minCases: zCount.optional(),
  red: z.object({
    minScore: z.number().min(0).max(100), maxOverdue: zCount, minClosed: zCount, maxSize: zCount.max(50), maxLateCards: zCount, maxUnsatisfied: zCount,
  }).partial().optional(),
  yellow: z.object({
    belowScore: z.number().min(0).max(100), onTimeBelow: zShare, overdueAtLeast: zCount, satisfactionBelow: zShare, maxSize: zCount.max(50), lateCardsAtLeast: zCount,
  }).partial().optional(),
});

export const RankingsComputeInput = z.object({
  period: z.enum(['month', 'quarter', 'year'], { errorMap: () => ({ message: '红黄榜按月、季度或年度统计' }) }).default('month'),
  key: z.string().max(16).optional(),
});

export const RankingsGetInput = z.object({ id: z.string({ required_error: '缺少榜单编号' }).regex(/^[A-Z][0-9-]{4,20}$/, '榜单编号不正确') });

// ---------- 简报 ----------

/** briefing.view and briefing.generate */
export const BriefingInput = z.object({
  period: z.enum(['month', 'quarter', 'year'], { errorMap: () => ({ message: '简报按月、季度或年度生成' }) }).default('month'),
  key: z.string().max(16).optional(),
});

// ---------- the ledger ----------

/** the longest ledger search, in characters */
export const LEDGER_SEARCH_MAX = 50;
/** how many of the newest requests (under the other filters) a search by words looks through */
export const LEDGER_SEARCH_WINDOW = 1000;

/** the ledger's filters (ledger.export here; the desk's ledger list takes them too) */
export const LedgerFilter = z
  .object({
    colour: z.enum(keys(COLOURS), { errorMap: () => ({ message: '颜色不正确' }) }).optional(),
    tier: z.enum(keys(TIERS), { errorMap: () => ({ message: '层级不正确' }) }).optional(),
    departmentId: zId.optional(),
    // a group (大类) or a leaf (小类): the ledger finds every stored code under it
    category: zCategoryFilter('类别不正确').optional(),
    channel: z.enum(keys(CHANNELS), { errorMap: () => ({ message: '渠道不正确' }) }).optional(),
    status: z.enum(keys(STATUSES), { errorMap: () => ({ message: '状态不正确' }) }).optional(),
    assigneeId: zId.optional(),
    from: zDate.optional(),
    to: zDate.optional(),
    /** 回访: closed requests not yet called back (due) or called back (done); see core/feedback/callback.ts */
    callback: z.enum(['due', 'done'], { errorMap: () => ({ message: '回访筛选不正确' }) }).optional(),
    /**
     * a dashboard figure's requests (core/stats/figures.ts): done 办结 (resolved or closed), open
     * 正在办理 (any open status), overdue 超期 (open and red or first answered late, or answered late)
     */
    figure: z.enum(['done', 'open', 'overdue'], { errorMap: () => ({ message: '统计口径不正确' }) }).optional(),
    /** the tier center that holds the request (the dashboard's 各级优化中心 row) */
    centerId: zId.optional(),
    /**
     * a search (core/ledger/search.ts): a request number (SQ…), a credit code, the start of an
     * enterprise's name, or words found in the number, enterprise, description, category, handler
     * or result; '' is no search
     */
    q: z
      .string({ invalid_type_error: '搜索内容应为文字' })
      .trim()
      .max(LEDGER_SEARCH_MAX, `搜索内容不能超过${LEDGER_SEARCH_MAX}字`)
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

/** ledger.export: the filters, or `{ jobId }` to continue an export */
export const LedgerExportInput = LedgerFilter.and(z.object({ jobId: zId.optional() }));

/** ledger.list: one page of the ledger under the filters */
export const LedgerListInput = z
  .object({ page: z.number().int().min(1, '页码不正确').max(10_000, '页码不正确').default(1), pageSize: z.number().int().min(1).max(100, '每页最多100条').default(20) })
  .and(LedgerFilter);

/** desk.reach: how notifications reached the handlers over the last days */
export const DeskReachInput = z.object({ days: z.union([z.literal(7), z.literal(30), z.literal(90)], { errorMap: () => ({ message: '统计天数应为7、30或90' }) }).default(30) });

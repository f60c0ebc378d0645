/**
 * The inputs of the actions around the loop: 绑定企业 and its approvals, reading requests and the
 * inbox, the message center, and the notification choices. The use cases parse with these
 * (`input: Sent<typeof X>`); the pages may check their forms with them before sending.
 */
import { PHONE_PATTERN } from './limits';
import { z, zId } from './schema';

// --- binding (core/intake/bind-enterprise.ts) ---

/** users type lower case and spaces; the stored form is upper case without spaces */
export const normalizeCreditCode = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

export const BindInput = z.object({
  name: z.string({ required_error: '请填写企业名称' }).trim().min(2, '请填写企业全称').max(100, '企业名称过长'),
  creditCode: z
    .string({ required_error: '请填写统一社会信用代码' })
    .transform(normalizeCreditCode)
    .refine((v) => v.length === 18, '统一社会信用代码应为18位'),
  /** who is asking, so the approver can tell */
  applicantName: z.string().trim().min(2, '请填写您的姓名').max(20, '姓名不能超过20字').optional(),
  phone: z.string().trim().regex(PHONE_PATTERN, '联系电话格式不正确').optional(),
});

export const BindingListInput = z.object({ tab: z.enum(['pending', 'done']).default('pending') });

export const BindingRejectInput = z.object({ id: zId, reason: z.string({ required_error: '请填写不通过的原因' }).trim().min(2, '请填写不通过的原因').max(200) });

export const UnbindInput = z.object({ userId: zId.optional() });

// --- reading (core/queries/read-requests.ts, messages.ts) ---

export const PAGE_SIZE = 20;

export const PageInput = z.object({
  page: z.number().int().min(1, '页码不正确').max(10_000, '页码不正确').optional().default(1),
  pageSize: z.number().int().min(1).max(50, '每页最多50条').optional().default(PAGE_SIZE),
});

/** 我的诉求's tabs: every request, or those waiting on someone (open), on the enterprise (supplement, rate), overdue, or finished */
export const MINE_TABS = ['all', 'open', 'supplement', 'rate', 'overdue', 'done'] as const;
/** how many of its latest requests a search of 我的诉求 looks through */
export const MINE_SEARCH_WINDOW = 500;

export const MineInput = PageInput.extend({
  tab: z.enum(MINE_TABS, { errorMap: () => ({ message: '诉求分类不正确' }) }).default('all'),
  /** words to find in the number, description, category, handler or result ('' is no search) */
  q: z.string({ invalid_type_error: '搜索内容应为文字' }).trim().max(50, '搜索内容不能超过50字').optional().default(''),
});

export const InboxInput = PageInput.extend({ tab: z.enum(['todo', 'doing', 'done'], { errorMap: () => ({ message: '工单分类不正确' }) }).default('todo') });

export const MessagePageInput = z.object({ page: z.number().int().min(1).max(10_000).optional().default(1) });

export const MessageReadInput = z.object({ id: zId.optional(), all: z.literal(true).optional() }).refine((v) => v.id || v.all, '请指定要标记已读的消息');

// --- notification choices (core/notify/consent.ts) ---

export const ConsentInput = z.object({
  /** requestSubscribeMessage's answer (template id → accept | reject | ban | filter), or getSetting's itemSettings */
  results: z
    .record(z.string().trim().min(1).max(128), z.enum(['accept', 'reject', 'ban', 'filter'], { errorMap: () => ({ message: '订阅结果不正确' }) }))
    .refine((r) => Object.keys(r).length <= 20, '订阅结果过多'),
  /** 'request': a requestSubscribeMessage answer; 'setting': getSetting (the 总是保持以上选择 choices and the main switch) */
  source: z.enum(['request', 'setting']),
  mainSwitch: z.boolean().optional(),
});

export const SmsOptInInput = z.object({ optIn: z.boolean({ invalid_type_error: '请选择是否接收短信' }) });

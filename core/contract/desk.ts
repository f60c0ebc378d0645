/**
 * The inputs of the desk's actions on a request (核实定级, 不予受理, 改派, 提级, 移交) and on its
 * supervision cards (督办卡: 下发, 签收, 协办意见, 进展, 最终答复, 退回, 催办, 调整期限, 撤回, 结束),
 * as both sides check them: the use cases parse with these (`input: Sent<typeof X>`), the pages
 * may check their forms with them before sending (`problemsOf`).
 */
import { LEVELS, REJECT_KINDS } from './catalog';
import { zCategory } from './category-input';
import { needsReason, resultKindFields } from './handling';
import { z, zDate, zId } from './schema';
import { zAttachments } from './attachments';

// --- triage (core/desk/triage.ts) ---

const zReason = (what: string) => z.string({ required_error: `请填写${what}` }).trim().min(2, `请填写${what}`).max(500, `${what}不能超过500字`);

export const VerifyInput = z
  .object({
    id: zId,
    level: z.enum(Object.keys(LEVELS) as [keyof typeof LEVELS], { errorMap: () => ({ message: '请选择诉求等级' }) }),
    category: zCategory('请选择诉求类别（所选类别不存在）'),
    dueDate: zDate().optional(),
  })
  .refine((v) => v.level !== 'special' || !!v.dueDate, { message: '特殊诉求须设定办理期限', path: ['dueDate'] });

export const RejectInput = z.object({
  id: zId,
  kind: z.enum(Object.keys(REJECT_KINDS) as [keyof typeof REJECT_KINDS], { errorMap: () => ({ message: '请选择不予受理的类型' }) }),
  reason: zReason('不予受理的理由'),
  /** 重复诉求: the number of the request it repeats (SQ…), shown to the enterprise as a link */
  duplicateOf: z.string({ invalid_type_error: '诉求编号应为文字' }).trim().toUpperCase().regex(/^SQ\d{8,16}$/, '请填写正确的诉求编号，如 SQ202611230001').optional().or(z.literal('').transform(() => undefined)),
});

export const ReassignInput = z.object({ id: zId, assigneeId: zId, note: z.string().trim().max(300, '说明不能超过300字').optional().default('') });

export const EscalateInput = z.object({ id: zId, reason: zReason('提级原因') });

export const ReferInput = z.object({ id: zId, reason: zReason('移交理由') });

// --- supervision cards (core/cards/supervision-card.ts) ---

const zDeadline = zDate('请设定督办期限');
const zText = (what: string, max: number, missing = `请填写${what}`) =>
  z.string({ required_error: missing, invalid_type_error: `${what}格式不正确` }).trim().min(2, missing).max(max, `${what}不能超过${max}字`);
const zNote = z.string({ invalid_type_error: '说明格式不正确' }).trim().max(300, '说明不能超过300字').optional().default('');

export const IssueInput = z
  .object({
    id: zId,
    leadDeptId: zId,
    coDeptIds: z.array(zId).max(10, '协办部门最多10个').default([]),
    deadline: zDeadline,
    instructions: zText('督办要求', 1000),
    /** the dispatcher confirms sending a complaint to the department of the officials it is about */
    confirmRecusal: z.boolean({ invalid_type_error: '回避确认格式不正确' }).optional().default(false),
  })
  .refine((v) => !v.coDeptIds.includes(v.leadDeptId), { message: '牵头部门不能同时作为协办部门', path: ['coDeptIds'] });

export const CardListInput = z.object({ tab: z.enum(['todo', 'doing', 'done']).default('todo'), page: z.number().int().min(1).max(10_000).default(1) });

export const CardIdInput = z.object({ cardId: zId });

export const CardReplyInput = z.object({ cardId: zId, reply: zText('协办意见', 2000), attachments: zAttachments });

export const CardProgressInput = z.object({ cardId: zId, note: zText('办理进展', 1000), attachments: zAttachments });

export const FinalInput = z
  .object({
    cardId: zId,
    answer: zText('最终答复', 2000),
    /** the page asks "将作为办理结果反馈企业" first; without the confirmation nothing happens */
    confirm: z.literal(true, { errorMap: () => ({ message: '最终答复将作为办理结果反馈企业，请确认后提交' }) }),
    // the answer resolves the request: the same result type as the officer's 办结
    ...resultKindFields,
    attachments: zAttachments,
  })
  .superRefine(needsReason);

export const CardReturnInput = z.object({ cardId: zId, reason: zText('退回原因', 500, '请说明退回原因') });

export const CardUrgeInput = z.object({ cardId: zId, deptId: zId.optional(), note: zNote });

export const CardDeadlineInput = z.object({ cardId: zId, deadline: zDeadline, reason: zText('调整原因', 500) });

export const CardWithdrawInput = z.object({ cardId: zId, reason: zText('撤回原因', 500) });

export const CardCloseInput = z.object({ cardId: zId, deptId: zId, reason: zText('结束原因', 500) });

/**
 * What the pages send to the visits function (core/visits): each action's input schema. The use
 * cases parse with them (`input: Sent<typeof CheckinInput>`), the pages' calls are typed by them
 * (answers.ts `Input<A>`). visit.get takes IdInput (schema.ts); visit.checkout and
 * visit.fileRequest carry SubmitInput and stay beside their use cases. Zod lives here, not in
 * visits.ts, which the main package bundles.
 */
import { FLAGS, PURPOSE_KEYS } from './visits';
import { SubmitInput } from './requests';
import { z, zDate, zId } from './schema';

const zDay = zDate();

// ---------------------------------------------------------------------------------------------
// codes

/** a scanned code's scene */
export const zScene = z.string({ required_error: '缺少二维码信息' }).trim().min(1, '缺少二维码信息').max(200, '二维码信息不正确');

/** visit.code: the enterprise's code (the caller's own enterprise without enterpriseId); renew revokes the old one */
export const CodeInput = z.object({ enterpriseId: zId.optional(), renew: z.boolean().optional() });
/** visit.poster */
export const PosterInput = CodeInput.pick({ enterpriseId: true });
/** visit.officerCode: the official's personal code (亮证码) */
export const OfficerCodeInput = z.object({ renew: z.boolean().optional() });
/** visit.checkOfficer: the enterprise scans an official's code */
export const CheckOfficerInput = z.object({ scene: z.string().trim().min(1, '缺少二维码信息').max(200) });

// ---------------------------------------------------------------------------------------------
// scan in, scan out

const num = (what: string) => z.number({ required_error: `缺少${what}`, invalid_type_error: `${what}应为数字` }).finite(`${what}应为数字`);

/** one fix from the phone: degrees and metres */
export const zFix = z.object({
  latitude: num('纬度').min(-90, '纬度应在-90到90之间').max(90, '纬度应在-90到90之间'),
  longitude: num('经度').min(-180, '经度应在-180到180之间').max(180, '经度应在-180到180之间'),
  accuracy: num('定位精度').min(0, '定位精度不正确').max(100_000, '定位精度不正确'),
}, { invalid_type_error: '位置信息格式不正确' });
export type Fix = z.infer<typeof zFix>;

/** what every scan (check-in, join, late registration, check-out) may carry */
export const PlaceFields = {
  location: zFix.optional(),
  /** no location: why (the client's words, e.g. 用户拒绝授权) */
  locationError: z.string().trim().max(60, '定位失败原因不能超过60字').optional(),
};

const zText = (max: number, what: string) => z.string().trim().max(max, `${what}不能超过${max}字`);

/** visit.scan: what the scanner may do with this code */
export const ScanInput = z.object({ scene: zScene });

/** visit.checkin */
export const CheckinInput = z.object({
  scene: zScene,
  purpose: z.enum(PURPOSE_KEYS, { errorMap: () => ({ message: '请选择入企事由' }) }),
  note: zText(300, '入企说明').optional().default(''),
  approvalRef: zText(60, '报批备案号').optional(),
  legalBasis: zText(300, '执法依据').optional(),
  /** why, when above the 无事不扰 cap */
  reason: zText(300, '入企理由').optional(),
  /** the enterprise's request this visit answers: it then counts as requested */
  requestId: zId.optional(),
  planId: zId.optional(),
  ...PlaceFields,
});

/** visit.lateRegister: an inspection registered after the fact, before leaving */
export const LateInput = CheckinInput.extend({
  purpose: z.enum(['inspection', 'joint'], { errorMap: () => ({ message: '事后补录仅适用于执法检查或联合检查' }) }),
  startedAt: z.string({ required_error: '请填写实际入企时间' }).datetime({ offset: true, message: '实际入企时间格式不正确' }),
  lateReason: z.string({ required_error: '请说明未能事先扫码的紧急情况' }).trim().min(4, '请说明未能事先扫码的紧急情况（至少4个字）').max(300, '紧急情况说明不能超过300字'),
});

/** visit.join: join the visit open at the enterprise */
export const JoinInput = z.object({ scene: zScene, ...PlaceFields });

/** what was done on the visit (办理情况), required at check-out (visit.checkout: core/visits/checkin.ts CheckoutInput) */
export const zOutcome = z
  .string({ required_error: '请填写办理情况', invalid_type_error: '请填写办理情况' })
  .trim()
  .min(2, '请填写办理情况（至少2个字）')
  .max(300, '办理情况不能超过300字');

// ---------------------------------------------------------------------------------------------
// the enterprise's feedback

/** visit.score */
export const ScoreInput = z.object({
  visitId: zId,
  score: z.number({ required_error: '请为本次入企打分', invalid_type_error: '评分应为1到5的整数' }).int('评分应为1到5的整数').min(1, '评分应为1到5的整数').max(5, '评分应为1到5的整数'),
  comment: z.string().trim().max(300, '评价内容不能超过300字').optional().default(''),
});

export const zComplaintText = z.string({ required_error: '请填写投诉内容' }).trim().min(5, '投诉内容至少5个字').max(500, '投诉内容不能超过500字');

/** visit.complain */
export const ComplainInput = z.object({ visitId: zId, text: zComplaintText });

// ---------------------------------------------------------------------------------------------
// reading visits

const VisitPage = z.object({
  page: z.number().int().min(1, '页码不正确').max(10_000, '页码不正确').optional().default(1),
  pageSize: z.number().int().min(1).max(50, '每页最多50条').optional().default(20),
});

/** visit.mine: the enterprise's visit history */
export const MyVisitsInput = VisitPage;

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** visit.list: for officials, departments and supervisors */
export const VisitListInput = VisitPage.extend({
  /** only my own visits, whatever my role */
  mine: z.boolean().optional(),
  flagged: z.boolean().optional(),
  flag: z.enum(keys(FLAGS), { errorMap: () => ({ message: '预警类型不正确' }) }).optional(),
  red: z.boolean().optional(),
  status: z.enum(['open', 'closed'], { errorMap: () => ({ message: '状态不正确' }) }).optional(),
  purpose: z.enum(PURPOSE_KEYS, { errorMap: () => ({ message: '入企事由不正确' }) }).optional(),
  deptId: z.string().max(64).optional(),
  enterpriseId: zId.optional(),
  from: zDay.optional(),
  to: zDay.optional(),
});

/** visit.figures */
export const FiguresInput = z
  .object({ from: zDay.optional(), to: zDay.optional(), mine: z.boolean().optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

// ---------------------------------------------------------------------------------------------
// planned inspections

/** the longest window of a plan, in days */
export const MAX_PLAN_WINDOW_DAYS = 31;
const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86400_000);

/** plan.create */
export const PlanInput = z
  .object({
    enterpriseId: zId,
    items: z.string({ required_error: '请填写检查事项' }).trim().min(2, '请填写检查事项').max(300, '检查事项不能超过300字'),
    legalBasis: z.string({ required_error: '请填写执法依据' }).trim().min(2, '请填写执法依据').max(300, '执法依据不能超过300字'),
    approvalRef: z.string().trim().max(60, '报批备案号不能超过60字').optional(),
    from: zDay,
    to: zDay,
  })
  .refine((v) => v.from <= v.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((v) => dayNumber(v.to) - dayNumber(v.from) < MAX_PLAN_WINDOW_DAYS, { message: `计划窗口不能超过${MAX_PLAN_WINDOW_DAYS}天`, path: ['to'] });

/** plan.list */
export const PlanListInput = z.object({
  status: z.enum(['planned', 'merged', 'done', 'cancelled'], { errorMap: () => ({ message: '计划状态不正确' }) }).optional(),
  page: z.number().int().min(1).max(10_000).optional().default(1),
  pageSize: z.number().int().min(1).max(50).optional().default(20),
});

/** plan.merge: plans of different departments become one joint inspection */
export const MergePlansInput = z.object({ planIds: z.array(zId).min(2, '至少选择两个部门的检查计划').max(10, '最多合并10个计划') });

/** plan.cancel */
export const CancelPlanInput = z.object({ id: zId, reason: z.string().trim().max(200, '取消原因不能超过200字').optional().default('') });

/** visit.checkout: leaving, by the code (scene) or the visit; problems found are filed for the enterprise (走访代报) */
export const CheckoutInput = z
  .object({
    scene: zScene.optional(),
    visitId: zId.optional(),
    outcome: zOutcome,
    /** problems found: filed for the enterprise as a request (走访代报), before leaving */
    problems: SubmitInput.optional(),
    ...PlaceFields,
  })
  .refine((v) => v.scene || v.visitId, { message: '请扫描企业的公务入企码签退', path: ['scene'] });

/** visit.fileRequest: a problem filed for the enterprise during the visit */
export const FileRequestInput = SubmitInput.extend({ visitId: zId });

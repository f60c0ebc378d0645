/**
 * What the admin console's actions take (core/admin, core/console.ts, core/sheets.ts): the server
 * parses with these, the pages may check with them before sending. The rules' save and the
 * enterprise save stay beside their use cases (core/admin/rules.ts, core/admin/enterprises.ts):
 * their checks are server code (the working-hours check, the notify rules, the credit-code checksum);
 * the rules' SLA limits and the pairs that must hold between them are here (SlaLimitsInput), so the
 * rules page names a bad pair beside its field with the server's own words before saving.
 */
import { STAFF_ROLES } from './catalog';
import { DEFAULT_CAPACITY } from './limits';
import { z, zId, zOptionalPhone } from './schema';

export { IdInput } from './schema';

const zPage = z.number().int().min(1).max(10_000).default(1);

// ---------- audit ----------

export const AuditListInput = z.object({ page: zPage, entity: z.enum(['org', 'user', 'enterprise', 'rules', 'binding', 'auth', 'kb', 'item', 'request']).optional() });

// ---------- orgs ----------

const zOrgName = z.string({ required_error: '请填写名称' }).trim().min(2, '名称至少2个字').max(40, '名称不能超过40字');

export const OrgCreateInput = z.object({
  kind: z.enum(['district', 'street', 'community', 'grid', 'department'], { errorMap: () => ({ message: '请选择组织类型' }) }),
  name: zOrgName,
  parentId: zId.nullable().optional().default(null),
  communityIds: z.array(zId).max(20, '一个网格最多覆盖20个社区').optional().default([]),
});

export const OrgUpdateInput = z.object({
  id: zId,
  name: zOrgName.optional(),
  parentId: zId.optional(),
  communityIds: z.array(zId).max(20, '一个网格最多覆盖20个社区').optional(),
});

export const OrgRetireInput = z.object({ id: zId, reason: z.string({ required_error: '请填写撤销原因' }).trim().min(2, '请填写撤销原因').max(200) });

// ---------- staff ----------

export const StaffListInput = z.object({
  role: z.enum(STAFF_ROLES).optional(), q: z.string().trim().max(20).optional(), includeInactive: z.boolean().optional().default(false),
  /** only those who have not yet redeemed their invite (未激活): what the home's 待激活邀请 opens */
  unbound: z.boolean().optional().default(false),
  page: zPage,
});

/** a staff member's fields as the admin invites them */
export const StaffInviteInput = z.object({
  name: z.string({ required_error: '请填写姓名' }).trim().min(2, '姓名至少2个字').max(20, '姓名不能超过20字'),
  phone: zOptionalPhone('电话格式不正确'),
  roles: z.array(z.enum(STAFF_ROLES, { errorMap: () => ({ message: '角色不正确' }) })).min(1, '请至少选择一个角色').max(6),
  gridIds: z.array(zId).max(20, '最多负责20个网格').optional().default([]),
  departmentId: zId.nullable().optional().default(null),
  orgId: zId.nullable().optional().default(null),
  capacity: z.number().int('在办上限应为整数').min(1, '在办上限至少为1').max(200, '在办上限不能超过200').optional().default(DEFAULT_CAPACITY),
});

export const StaffUpdateInput = StaffInviteInput.partial().extend({ id: zId, onDuty: z.boolean().optional() });

export const StaffDeactivateInput = z.object({ id: zId, reason: z.string({ required_error: '请填写停用原因' }).trim().min(2, '请填写停用原因').max(200) });

// ---------- enterprises ----------

export const EnterpriseListInput = z.object({ q: z.string().trim().max(40).optional(), gridId: zId.optional(), page: zPage });

export const StewardshipSetInput = z.object({ enterpriseId: zId, liaisonId: zId.nullable(), leaderId: zId.nullable(), departmentId: zId.nullable() });

export const EnterpriseImportInput = z.object({ fileID: z.string().min(1, '请先上传文件').max(300), confirm: z.boolean().optional().default(false), jobId: zId.optional() });

/** admin.enterprises.importErrors: the uploaded registry file whose bad rows are wanted as a workbook (下载错误行) */
export const EnterpriseImportErrorsInput = z.object({ fileID: z.string().min(1, '请先上传文件').max(300) });

/** invite.redeem: the code an admin's invitation carries (case and spaces forgiven) */
export const InviteRedeemInput = z.object({ code: z.string({ required_error: '请输入邀请码' }).trim().toUpperCase().regex(/^[A-Z0-9]{6,12}$/, '邀请码格式不正确') });

// ---------- rules: the SLA limits ----------

/** the SLA limits' names, as the rules page labels its fields (and the messages name them) */
export const SLA_LABELS = {
  generalDays: '一般诉求办结时限',
  complexDays: '复杂诉求办结时限',
  responseDays: '签收响应时限',
  yellowDays: '临期提醒（黄色）',
  urgeEveryDays: '超期催办间隔',
  maxReworks: '重办次数上限',
  handBackDays: '退回改派时限',
  cardAcceptDays: '督办卡接收时限',
} as const;
export type SlaLimitKey = keyof typeof SLA_LABELS;

const zDays = (key: SlaLimitKey, max: number) => {
  const label = SLA_LABELS[key];
  return z.number({ required_error: `请填写${label}`, invalid_type_error: `${label}应为数字` }).int(`${label}应为整数`).min(1, `${label}至少1天`).max(max, `${label}不能超过${max}天`);
};

/** each SLA limit in working days (maxReworks: times), with its range; the server adds the defaults older pages rely on */
export const SLA_LIMITS = {
  generalDays: zDays('generalDays', 60),
  complexDays: zDays('complexDays', 120),
  responseDays: zDays('responseDays', 10),
  yellowDays: z.number({ required_error: '请填写临期提醒（黄色）', invalid_type_error: '临期提醒（黄色）应为数字' }).int('临期提醒（黄色）应为整数').min(0, '临期提醒（黄色）不能为负').max(10, '临期提醒（黄色）不能超过10天'),
  urgeEveryDays: zDays('urgeEveryDays', 10),
  maxReworks: z.number({ required_error: '请填写重办次数上限', invalid_type_error: '重办次数上限应为数字' }).int('重办次数上限应为整数').min(0, '重办次数上限不能为负').max(10, '重办次数上限不能超过10次'),
  handBackDays: zDays('handBackDays', 10),
  cardAcceptDays: zDays('cardAcceptDays', 10),
};

type SlaDays = Record<'generalDays' | 'complexDays' | 'responseDays' | 'yellowDays' | 'handBackDays', number>;

/**
 * The pairs of limits that must hold between them, each a limit that must stay within another:
 * - a complex request has at least the time of a general one;
 * - the yellow warning (到期前多少个工作日转黄) starts inside every level's resolution limit, else a
 *   request is yellow from the moment it is assigned;
 * - the accept deadline (签收) comes before the resolution deadline;
 * - a hand-back (退回改派) is asked for before the resolution deadline, not after it has passed.
 * `field` carries the problem (the page shows it there); `against` is the other field of the pair.
 */
export const SLA_PAIRS: ReadonlyArray<{ field: keyof SlaDays; against: keyof SlaDays; holds: (v: SlaDays) => boolean; message: (v: SlaDays) => string }> = [
  {
    field: 'complexDays', against: 'generalDays', holds: (v) => v.complexDays >= v.generalDays,
    message: (v) => `复杂诉求办结时限不能短于一般诉求办结时限（${v.generalDays}个工作日），现为${v.complexDays}个工作日`,
  },
  {
    field: 'yellowDays', against: 'generalDays', holds: (v) => v.yellowDays < v.generalDays,
    message: (v) => `临期提醒（黄色）须短于一般诉求办结时限（${v.generalDays}个工作日），现为${v.yellowDays}个工作日`,
  },
  {
    field: 'yellowDays', against: 'complexDays', holds: (v) => v.yellowDays < v.complexDays,
    message: (v) => `临期提醒（黄色）须短于复杂诉求办结时限（${v.complexDays}个工作日），现为${v.yellowDays}个工作日`,
  },
  {
    field: 'responseDays', against: 'generalDays', holds: (v) => v.responseDays < v.generalDays,
    message: (v) => `签收响应时限须短于一般诉求办结时限（${v.generalDays}个工作日），现为${v.responseDays}个工作日`,
  },
  {
    field: 'handBackDays', against: 'generalDays', holds: (v) => v.handBackDays < v.generalDays,
    message: (v) => `退回改派时限须短于一般诉求办结时限（${v.generalDays}个工作日），现为${v.handBackDays}个工作日`,
  },
];

/** every pair that fails, as issues on the field that carries it (for a superRefine) */
export function refineSlaPairs(v: SlaDays, c: z.RefinementCtx): void {
  for (const p of SLA_PAIRS) if (!p.holds(v)) c.addIssue({ code: 'custom', path: [p.field], message: p.message(v) });
}

/**
 * The SLA limits alone, with their pairs: what the rules page checks before saving (problemsOf), the
 * same checks the server's RulesInput makes (core/admin/rules.ts, which adds the working hours).
 */
export const SlaLimitsInput = z.object(SLA_LIMITS).superRefine(refineSlaPairs);

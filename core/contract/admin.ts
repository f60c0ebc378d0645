/**
 * What the admin console's actions take (core/admin, core/console.ts, core/sheets.ts): the server
 * parses with these, the pages may check with them before sending. The rules' save and the
 * enterprise save stay beside their use cases (core/admin/rules.ts, core/admin/enterprises.ts):
 * their checks are server code (the working-hours check, the notify rules, the credit-code checksum).
 */
import { STAFF_ROLES } from './catalog';
import { DEFAULT_CAPACITY } from './limits';
import { z, zId, zOptionalPhone } from './schema';

export { IdInput } from './schema';

const zPage = z.number().int().min(1).max(10_000).default(1);

// ---------- audit ----------

export const AuditListInput = z.object({ page: zPage, entity: z.enum(['org', 'user', 'enterprise', 'rules', 'binding', 'auth']).optional() });

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

/**
 * The codes as people use them: the enterprise's poster (公务入企 请扫码备案) and its code, and the
 * two-way check — an official's personal code (亮证码) that the enterprise scans at the door to see
 * who is there, for which department, why, and for an inspection its approval and legal basis.
 */
import { ROLES } from '../contract/catalog';
import { C } from '../collections';
import { Ctx, hasRole } from '../context';
import { AppError } from '../errors';
import type { Enterprise } from '../model';
import { parseInput } from '../validation';
import { CheckOfficerInput, CodeInput, OfficerCodeInput, PosterInput } from '../contract/visit-inputs';
import type { Sent } from '../contract/schema';
import { codeView, enterpriseCode, officialCode, renewCode, resolveScene } from './codes';
import { isInspection, PURPOSES, type VisitPlan } from './model';
import { beijingToday } from './queries';
import { loadEnterprise, presentVisitOf } from './records';
import { districtOrg, isSupervisor, isVisitStaff, requireVisitStaff, supervisesGrid, visitorDept, visitRole } from './staff';
import { staffView } from './views';
import { userRepo } from '../repos/users';
import { enterpriseRepo } from '../repos/enterprises';

/** who may print an enterprise's code: its contacts, its officers and liaison, supervisors in scope */
async function mayHandleCode(ctx: Ctx, ent: Enterprise): Promise<boolean> {
  const u = ctx.user;
  if (!u.active) return false;
  if (hasRole(u, 'enterprise') && u.enterpriseId === ent._id) return true;
  if (hasRole(u, 'officer') && (u.gridIds ?? []).includes(ent.gridId)) return true;
  if (hasRole(u, 'liaison') && ent.liaisonId === u._id) return true;
  return supervisesGrid(ctx.ports, u, ent.gridId);
}

async function enterpriseFor(ctx: Ctx, enterpriseId: string | undefined): Promise<Enterprise> {
  const id = enterpriseId ?? ctx.user.enterpriseId;
  if (!id) throw new AppError(hasRole(ctx.user, 'enterprise') ? 'NOT_BOUND' : 'VALIDATION_FAILED', hasRole(ctx.user, 'enterprise') ? '请先绑定您的企业' : '请选择企业');
  const ent = await enterpriseRepo(ctx.ports.store).get(id);
  // not yours reads like missing
  if (!ent || !(await mayHandleCode(ctx, ent))) throw new AppError('NOT_FOUND', '未找到该企业，或无权查看其公务入企码');
  return ent;
}

/** the enterprise's code; renew revokes the old one (a leaked or forged poster) */
export async function enterpriseCodeAction(ctx: Ctx, input: Sent<typeof CodeInput>) {
  const { enterpriseId, renew } = parseInput(CodeInput, input);
  const ent = await enterpriseFor(ctx, enterpriseId);
  let code = await enterpriseCode(ctx.ports, ent._id, ctx.now);
  if (renew) {
    const allowed = (hasRole(ctx.user, 'enterprise') && ctx.user.enterpriseId === ent._id) || isSupervisor(ctx.user);
    if (!allowed) throw new AppError('FORBIDDEN', '仅企业联系人或调度员可以作废并重新生成公务入企码');
    code = await renewCode(ctx.ports, code, ctx.now);
  }
  return { enterprise: { id: ent._id, name: ent.name }, code: await codeView(ctx.ports, code) };
}

export async function poster(ctx: Ctx, input: Sent<typeof PosterInput>) {
  const { enterpriseId } = parseInput(PosterInput, input);
  const ent = await enterpriseFor(ctx, enterpriseId);
  const code = await enterpriseCode(ctx.ports, ent._id, ctx.now);
  const district = await districtOrg(ctx.ports);
  return {
    enterprise: { id: ent._id, name: ent.name, address: ent.address, creditCode: ent.creditCode },
    code: await codeView(ctx.ports, code),
    title: '公务入企 请扫码备案',
    rules: [
      '公职人员因公入企，进门时请扫描本码签到，离开时再次扫码签退',
      '执法检查须出示报批备案号和执法依据；多部门同时入企请扫码加入联合检查',
      '无事不扰，有求必应：企业可在小程序中查看入企记录并匿名评价',
    ],
    complaint: {
      center: `${district.name}营商环境优化中心`,
      channels: ['微信小程序「诉求直通」→ 入企记录 → 投诉（对被访部门匿名）', '12345 政务服务便民热线'],
      note: '如遇未扫码入企、吃拿卡要、重复检查、推诿扯皮等情况，欢迎投诉举报',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// the official's personal code and what the enterprise sees when scanning it

export async function officerCode(ctx: Ctx, input: Sent<typeof OfficerCodeInput>) {
  requireVisitStaff(ctx.user);
  const { renew } = parseInput(OfficerCodeInput, input);
  let code = await officialCode(ctx.ports, ctx.user._id, ctx.now);
  if (renew) code = await renewCode(ctx.ports, code, ctx.now);
  const dept = await visitorDept(ctx.ports, ctx.user);
  const open = await presentVisitOf(ctx.ports, ctx.user._id);
  return {
    official: { name: ctx.user.name, roleLabel: ROLES[visitRole(ctx.user)], deptName: dept.deptName },
    code: await codeView(ctx.ports, code),
    openVisit: open ? staffView(open) : null,
  };
}

export async function checkOfficer(ctx: Ctx, input: Sent<typeof CheckOfficerInput>) {
  const { scene } = parseInput(CheckOfficerInput, input);
  const code = await resolveScene(ctx.ports, scene);
  if (code.kind !== 'official') throw new AppError('CODE_INVALID', '这是企业的公务入企码，核验来访人员请扫描其出示的亮证码');
  const official = await userRepo(ctx.ports.store).get(code.userId!);
  if (!official) throw new AppError('CODE_INVALID', '二维码无效：未找到该工作人员');
  const dept = await visitorDept(ctx.ports, official);
  const person = {
    name: official.name,
    roleLabel: ROLES[visitRole(official)],
    deptName: dept.deptName,
    active: official.active && isVisitStaff(official),
  };
  if (!person.active) {
    return { official: person, status: 'inactive' as const, visit: null, plans: [], advice: '该人员账号已停用或不具备公职人员身份，请拒绝其以公务名义入企，并可向营商环境优化中心反映。' };
  }
  const myEnterprise = hasRole(ctx.user, 'enterprise') && ctx.user.enterpriseId ? await loadEnterprise(ctx.ports, ctx.user.enterpriseId) : null;
  const open = await presentVisitOf(ctx.ports, official._id);
  // the official's visit is shown to the enterprise it is at, and to staff; nobody else learns where they are
  if (open && (isVisitStaff(ctx.user) || isSupervisor(ctx.user) || open.enterpriseId === myEnterprise?._id)) {
    return {
      official: person,
      status: 'checked_in' as const,
      visit: {
        no: open.no, enterpriseName: open.enterpriseName, purpose: open.purpose, purposeLabel: PURPOSES[open.purpose], note: open.note,
        approvalRef: open.approvalRef, legalBasis: open.legalBasis, checkinAt: open.checkinAt, late: !!open.late, inspection: isInspection(open.purpose),
      },
      plans: [],
      advice: isInspection(open.purpose) && !open.approvalRef
        ? '该人员已扫码备案，但本次执法检查未提供报批备案号，已向营商环境优化中心预警。'
        : '该人员已扫码备案，身份与事由已核验。',
    };
  }
  const plans = myEnterprise && official.departmentId
    ? (await ctx.ports.store.collection<VisitPlan>(C.visitPlans).find({ enterpriseId: myEnterprise._id, status: { $in: ['planned', 'merged'] } }, { limit: 20 }))
        .filter((p) => p.deptId === official.departmentId && (p.joint?.to ?? p.to) >= beijingToday(ctx.now))
        .map((p) => ({ deptName: p.deptName, items: p.items, legalBasis: p.legalBasis, approvalRef: p.approvalRef, from: p.joint?.from ?? p.from, to: p.joint?.to ?? p.to, joint: !!p.joint }))
    : [];
  return {
    official: person,
    status: plans.length ? ('planned' as const) : ('not_checked_in' as const),
    visit: null,
    plans,
    advice: myEnterprise
      ? '该人员尚未在贵企业扫码备案。公职人员因公入企须先扫描贵企业张贴的公务入企码；执法检查应出示报批备案号。'
      : '该人员身份已核验，当前未在入企备案中。',
  };
}

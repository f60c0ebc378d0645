/**
 * Scan in, scan out. An official scans the enterprise's code: what happens depends on who scans
 * and what is going on — check in (with the 无事不扰 guard), join the visit already open there
 * (joint visits), check out, or first close a visit still open elsewhere. An inspection that
 * could not wait is registered after the fact, before leaving, and marked late. The timer
 * closes visits nobody checked out of.
 */
import { z } from 'zod';
import { categoryName, STATUSES } from '../contract/catalog';
import { C } from '../collections';
import { countVisit } from '../stats/counters';
import { Ctx, hasRole, newId } from '../context';
import { AppError } from '../errors';
import type { Enterprise, ServiceRequest } from '../model';
import { StoreError, type Ports } from '../ports';
import { formatBeijing } from '../time';
import { parseInput } from '../validation';
import { CheckinInput, CheckoutInput, JoinInput, LateInput, ScanInput } from '../contract/visit-inputs';
import type { Sent } from '../contract/schema';
import { resolveScene } from './codes';
import { judge, unrequestedCount, withFlags } from './guard';
import { FLAGS, INSPECTIONS, isInspection, PURPOSE_KEYS, PURPOSES, type ScanPlace, type Visit, type VisitFlag, type VisitMember, type VisitPlan, type VisitPurpose } from './model';
import { tell } from './notify';
import { adoptFirstVisit, farthestWith, placeAlert, placeFlags, placeOf, siteOf, type PlaceInput } from './presence';
import { fileVisitRequest } from './requests';
import { loadEnterprise, loadVisit, nextVisitNo, openVisitAt, patchVisit, presentVisitOf, releaseLock, visits, type OpenLock } from './records';
import { loadVisitSettings, type VisitSettings } from './settings';
import { contactsOf, isVisitStaff, requireVisitStaff, supervisorsOfGrid, visitorDept, visitRole } from './staff';
import { staffView } from './views';
import { requestRepo } from '../repos/requests';
import { orgRepo } from '../repos/orgs';

export const historyPage = (visitId: string) => `subpkg-visit/history/index?id=${visitId}`;
export const detailPage = (visitId: string) => `subpkg-visit/detail/index?id=${visitId}`;

const entSummary = (e: Enterprise) => ({ id: e._id, name: e.name, address: e.address });

/** the enterprise behind a scanned enterprise code */
async function scannedEnterprise(ctx: Ctx, scene: string): Promise<Enterprise> {
  const code = await resolveScene(ctx.ports, scene);
  if (code.kind !== 'enterprise') {
    throw new AppError('CODE_INVALID', '这是公职人员的亮证码，入企备案请扫描企业现场张贴的公务入企码');
  }
  return loadEnterprise(ctx.ports, code.enterpriseId!);
}

// ---------------------------------------------------------------------------------------------
// scan: what the scanner may do with this code

export async function scan(ctx: Ctx, input: Sent<typeof ScanInput>) {
  const { scene } = parseInput(ScanInput, input);
  const code = await resolveScene(ctx.ports, scene);
  if (code.kind === 'official') return { mode: 'official' as const, scene };
  const ent = await loadEnterprise(ctx.ports, code.enterpriseId!);
  const u = ctx.user;

  if (hasRole(u, 'enterprise') && !isVisitStaff(u)) {
    if (u.enterpriseId === ent._id) return { mode: 'own' as const, enterprise: entSummary(ent) };
    return {
      mode: 'stranger' as const,
      enterprise: { name: ent.name },
      message: `这是「${ent.name}」的公务入企码，供公职人员入企时扫码备案使用。您不是该企业的联系人，无法查看其入企记录。`,
    };
  }
  if (!isVisitStaff(u)) {
    return { mode: 'stranger' as const, enterprise: { name: ent.name }, message: '公务入企码仅供公职人员入企时扫码备案使用，当前账号无需扫码。' };
  }

  const mine = await presentVisitOf(ctx.ports, u._id);
  if (mine && mine.enterpriseId === ent._id) return { mode: 'checkout' as const, enterprise: entSummary(ent), visit: staffView(mine) };
  if (mine) return { mode: 'open_elsewhere' as const, enterprise: entSummary(ent), other: staffView(mine) };
  const open = await openVisitAt(ctx.ports, ent._id);
  if (open) return { mode: 'join' as const, enterprise: entSummary(ent), visit: staffView(open) };

  const settings = await loadVisitSettings(ctx.ports);
  const count = await unrequestedCount(ctx.ports, ent._id, ctx.now, settings);
  const dept = await visitorDept(ctx.ports, u);
  return {
    mode: 'checkin' as const,
    enterprise: entSummary(ent),
    me: { name: u.name, deptName: dept.deptName },
    guard: { count, cap: settings.cap, windowDays: settings.windowDays, over: count >= settings.cap },
    purposes: PURPOSE_KEYS.map((key) => ({ key, label: PURPOSES[key], inspection: INSPECTIONS.includes(key) })),
    plans: (await plansToday(ctx, ent._id)).map((p) => ({
      _id: p._id, deptName: p.deptName, items: p.items, legalBasis: p.legalBasis, approvalRef: p.approvalRef, from: p.from, to: p.to,
      joint: p.joint ? { deptNames: p.joint.deptNames, from: p.joint.from, to: p.joint.to } : null,
    })),
    requests: (await openRequestsOf(ctx.ports, ent._id)).map((r) => ({
      _id: r._id, no: r.no, categoryName: categoryName(r.category), statusLabel: STATUSES[r.status], description: r.description.slice(0, 40),
    })),
    lateMaxHours: settings.lateMaxHours,
    presence: { registered: !!ent.location, source: ent.location?.source ?? null, farMeters: settings.farMeters },
  };
}

/** plans of the caller's department for this enterprise that can be carried out now */
async function plansToday(ctx: Ctx, enterpriseId: string): Promise<VisitPlan[]> {
  if (!ctx.user.departmentId) return [];
  const plans = await ctx.ports.store.collection<VisitPlan>(C.visitPlans).find(
    { enterpriseId, status: { $in: ['planned', 'merged'] } }, { orderBy: [['from', 'asc']], limit: 20 },
  );
  return plans.filter((p) => p.deptId === ctx.user.departmentId);
}

/** requests of the enterprise a visit can answer (回访): open ones and ones closed in the last 90 days */
async function openRequestsOf(ports: Ports, enterpriseId: string): Promise<ServiceRequest[]> {
  const recent = await requestRepo(ports.store).latestOfEnterprise(enterpriseId, 20);
  return recent.filter((r) => r.status !== 'rejected' && r.channel !== 'report');
}

// ---------------------------------------------------------------------------------------------
// check in, join, late registration

type Opening = z.infer<typeof CheckinInput> & { late?: { startedAt: string; reason: string } };

const fieldError = (field: string, message: string): never => {
  throw new AppError('VALIDATION_FAILED', message, [{ field, message }]);
};

async function memberOf(ctx: Ctx, at: string, checkinPlace: ScanPlace | null): Promise<VisitMember> {
  const d = await visitorDept(ctx.ports, ctx.user);
  return {
    userId: ctx.user._id, name: ctx.user.name, role: visitRole(ctx.user), deptId: d.deptId, deptName: d.deptName, joinedAt: at, leftAt: null, leftBy: null,
    checkinPlace, checkoutPlace: null, outcome: null,
  };
}

/** the caller must not be on site anywhere else */
async function ensureFree(ctx: Ctx, ent: Enterprise) {
  const mine = await presentVisitOf(ctx.ports, ctx.user._id);
  if (!mine) return;
  if (mine.enterpriseId === ent._id) throw new AppError('INVALID_STATE', '您已在本企业签到，离开时请再次扫码签退');
  throw new AppError('VISIT_OPEN_ELSEWHERE', `您在「${mine.enterpriseName}」的入企（${formatBeijing(mine.checkinAt)} 签到）尚未签退，请先签退`);
}

export async function checkin(ctx: Ctx, input: Sent<typeof CheckinInput>) {
  requireVisitStaff(ctx.user);
  const data = parseInput(CheckinInput, input);
  return openOrJoin(ctx, data);
}

export async function lateRegister(ctx: Ctx, input: Sent<typeof LateInput>) {
  requireVisitStaff(ctx.user);
  const data = parseInput(LateInput, input);
  const settings = await loadVisitSettings(ctx.ports);
  const started = new Date(data.startedAt);
  if (started.getTime() > ctx.now.getTime() + 60_000) fieldError('startedAt', '实际入企时间不能晚于现在');
  if (started.getTime() < ctx.now.getTime() - settings.lateMaxHours * 3600_000) {
    fieldError('startedAt', `事后补录须在离开企业前完成，实际入企时间不能早于${settings.lateMaxHours}小时前`);
  }
  const ent = await scannedEnterprise(ctx, data.scene);
  if (await openVisitAt(ctx.ports, ent._id)) throw new AppError('INVALID_STATE', '本企业当前有进行中的入企，请直接扫码加入');
  return openOrJoin(ctx, { ...data, late: { startedAt: started.toISOString(), reason: data.lateReason } }, ent, settings);
}

async function openOrJoin(ctx: Ctx, data: Opening, known?: Enterprise, knownSettings?: VisitSettings) {
  const { ports, now } = ctx;
  const ent = known ?? (await scannedEnterprise(ctx, data.scene));
  await ensureFree(ctx, ent);
  if (!data.late) {
    const open = await openVisitAt(ports, ent._id);
    if (open) return { visit: staffView(await joinVisit(ctx, open, ent, data)), joined: true };
  }
  const settings = knownSettings ?? (await loadVisitSettings(ports));

  // a planned inspection supplies purpose, approval and legal basis
  let purpose: VisitPurpose = data.purpose;
  let approvalRef = data.approvalRef || null;
  let legalBasis = data.legalBasis || null;
  let note = data.note;
  let planIds: string[] = [];
  if (data.planId) {
    const plans = ports.store.collection<VisitPlan>(C.visitPlans);
    const plan = await plans.get(data.planId);
    if (!plan || plan.enterpriseId !== ent._id || plan.deptId !== ctx.user.departmentId || !['planned', 'merged'].includes(plan.status)) {
      fieldError('planId', '所选检查计划不存在或已执行');
    }
    const group = plan!.joint ? await plans.find({ 'joint.id': plan!.joint.id, status: 'merged' }, { limit: 20 }) : [plan!];
    purpose = plan!.joint ? 'joint' : 'inspection';
    planIds = group.map((p) => p._id);
    approvalRef = approvalRef ?? (group.map((p) => p.approvalRef).filter(Boolean).join('；') || null);
    legalBasis = legalBasis ?? group.map((p) => `${p.deptName}：${p.legalBasis}`).join('；');
    note = note || group.map((p) => p.items).join('；');
  }
  if (isInspection(purpose) && (!legalBasis || legalBasis.length < 2)) fieldError('legalBasis', '执法检查须填写执法依据');
  if (!isInspection(purpose)) { approvalRef = null; legalBasis = null; }

  let linked: ServiceRequest | null = null;
  if (data.requestId) {
    linked = await requestRepo(ports.store).get(data.requestId);
    if (!linked || linked.enterpriseId !== ent._id) fieldError('requestId', '所选诉求不属于该企业');
  }

  const count = await unrequestedCount(ports, ent._id, now, settings);
  const verdict = judge({ purpose, approvalRef, requested: !!linked, count, cap: settings.cap, late: !!data.late });
  const reason = data.reason?.trim() || '';
  if (verdict.needsReason && reason.length < 4) {
    fieldError('reason', `本企业近${settings.windowDays}天已有${count}次非企业申请的入企（上限${settings.cap}次），请填写入企理由（至少4个字）`);
  }

  const at = now.toISOString();
  const id = `v${newId(ports)}`;
  // one open visit per enterprise: whoever creates the lock opens the visit, the other joins it
  const locks = ports.store.collection<OpenLock>(C.visitOpen);
  try {
    await locks.add({ _id: ent._id, visitId: id, createdAt: at });
  } catch (e) {
    if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
    const open = await openVisitAt(ports, ent._id);
    if (open && !data.late) return { visit: staffView(await joinVisit(ctx, open, ent, data)), joined: true };
    if (open) throw new AppError('INVALID_STATE', '本企业当前有进行中的入企，请直接扫码加入');
    // a stale lock of a visit closed meanwhile
    await locks.remove(ent._id);
    await locks.add({ _id: ent._id, visitId: id, createdAt: at });
  }

  const no = await nextVisitNo(ports, now);
  // where the official stands, against the registered location (or, for the first visit, as it)
  const site = await adoptFirstVisit(ports, ent, data.location, { _id: id, no }, ctx.user, at, settings);
  const place = placeOf(data, site, at, settings);
  const member = await memberOf(ctx, data.late ? data.late.startedAt : at, place);
  const visit: Visit = {
    _id: id,
    no,
    enterpriseId: ent._id,
    enterpriseName: ent.name,
    gridId: ent.gridId,
    purpose,
    note,
    approvalRef,
    legalBasis,
    requested: !!linked,
    linkedRequestId: linked?._id ?? null,
    linkedRequestNo: linked?.no ?? null,
    guard: { count, cap: settings.cap, windowDays: settings.windowDays },
    overCapReason: verdict.overCap ? reason : null,
    late: data.late ? { startedAt: data.late.startedAt, registeredAt: at, reason: data.late.reason } : null,
    ...withFlags({ flags: [...verdict.flags, ...placeFlags(place)] }),
    status: 'open',
    checkinAt: data.late ? data.late.startedAt : at,
    checkoutAt: null,
    autoClosed: false,
    lastActivityAt: at,
    members: [member],
    memberIds: [ctx.user._id],
    presentIds: [ctx.user._id],
    deptIds: [member.deptId],
    planIds,
    requestIds: [],
    location: place,
    site,
    farthest: place.distance,
    scoreSum: 0,
    scoreCount: 0,
    complaintCount: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await visits(ports).add(visit);
  // the leaders' figures: visits and enterprises visited, by department and community center
  const grid = await orgRepo(ports.store).get(visit.gridId);
  await countVisit(ports, { _id: visit._id, enterpriseId: visit.enterpriseId, departmentIds: visit.deptIds, orgId: grid?.parentId ?? undefined, at: visit.checkinAt })
    .catch((e) => console.error('[stats] visit not counted:', (e as Error)?.message));
  for (const pid of planIds) {
    await ports.store.collection<VisitPlan>(C.visitPlans).update(pid, { $set: { status: 'done', visitId: id, updatedAt: at } }, { status: { $in: ['planned', 'merged'] } });
  }
  await announceCheckin(ports, now, ent, visit, member, placeAlert(place));
  return { visit: staffView(visit), joined: false };
}

async function announceCheckin(ports: Ports, now: Date, ent: Enterprise, v: Visit, m: VisitMember, where: string) {
  const inspection = isInspection(v.purpose);
  const parts = [
    `${m.name}（${m.deptName}）于 ${formatBeijing(v.checkinAt)} ${v.late ? '入企（事后补录）' : '扫码入企'}`,
    `事由：${PURPOSES[v.purpose]}${v.note ? `，${v.note}` : ''}`,
    ...(inspection ? [v.approvalRef ? `报批备案号：${v.approvalRef}` : '未提供报批备案号'] : []),
  ];
  await tell(ports, now, (await contactsOf(ports, ent)).map((u) => u._id), {
    key: `visit:${v._id}:checkin`, title: v.late ? '执法检查事后补录备案' : '公务入企备案', body: parts.join('；'),
    page: historyPage(v._id), no: v.no, status: '已入企',
  });
  if (v.flagged) {
    await tell(ports, now, await supervisorsOfGrid(ports, ent.gridId), {
      key: `visit:${v._id}:flagged`, title: v.red ? '入企预警（红色）' : '入企预警',
      body: `${ent.name}：${m.name}（${m.deptName}）${PURPOSES[v.purpose]}，${v.flags.map((f) => FLAGS[f]).join('、')}${v.overCapReason ? `；理由：${v.overCapReason}` : ''}${v.late ? `；紧急情况：${v.late.reason}` : ''}${where ? `；${where}` : ''}`,
      page: detailPage(v._id), no: v.no, status: v.red ? '红色预警' : '预警',
    });
  }
}

/** a second official scans while a visit is open: they join it (joint visit), their own place checked like a check-in */
async function joinVisit(ctx: Ctx, open: Visit, ent: Enterprise, where: PlaceInput): Promise<Visit> {
  const at = ctx.now.toISOString();
  const settings = await loadVisitSettings(ctx.ports);
  // an enterprise still without a location (the opener had no precise fix) takes the first precise one
  const site = siteOf(ent) ?? open.site ?? (await adoptFirstVisit(ctx.ports, ent, where.location, open, ctx.user, at, settings));
  const place = placeOf(where, site, at, settings);
  const flags = placeFlags(place);
  const member = await memberOf(ctx, at, place);
  let joinedNow = false;
  const v = await patchVisit(ctx.ports, open._id, (cur) => {
    if (cur.status !== 'open') throw new AppError('INVALID_STATE', '该次入企已结束，请重新扫码签到');
    if (cur.presentIds.includes(ctx.user._id)) return null;
    joinedNow = true;
    const members = [...cur.members.filter((x) => x.userId !== ctx.user._id), member];
    return {
      $set: {
        members, memberIds: [...new Set([...cur.memberIds, ctx.user._id])], presentIds: [...cur.presentIds, ctx.user._id],
        deptIds: [...new Set([...cur.deptIds, member.deptId])], lastActivityAt: at,
        farthest: farthestWith(cur, place), ...(flags.length ? withFlags(cur, flags) : {}), ...(site && !cur.site ? { site } : {}),
      },
    };
  }, ctx.now);
  if (joinedNow) await alertPlace(ctx.ports, ctx.now, v, member, place, flags, 'join');
  await tell(ctx.ports, ctx.now, (await contactsOf(ctx.ports, ent)).map((u) => u._id), {
    key: `visit:${v._id}:join:${ctx.user._id}:${v.version}`, title: '公务入企备案（联合）',
    body: `${member.name}（${member.deptName}）于 ${formatBeijing(at)} 扫码加入本次入企（${PURPOSES[v.purpose]}）`,
    page: historyPage(v._id), no: v.no, status: '已入企',
  });
  return v;
}

/** a scan at the enterprise after the visit opened (a join, a check-out) raised a flag: the supervisors hear of it */
async function alertPlace(ports: Ports, now: Date, v: Visit, m: Pick<VisitMember, 'userId' | 'name' | 'deptName'>, place: ScanPlace, flags: VisitFlag[], phase: 'join' | 'checkout') {
  if (!flags.length) return;
  const red = flags.includes('far');
  await tell(ports, now, await supervisorsOfGrid(ports, v.gridId), {
    key: `visit:${v._id}:place:${phase}:${m.userId}`, title: red ? '入企预警（红色）' : '入企预警',
    body: `${v.enterpriseName}：${m.name}（${m.deptName}）${phase === 'join' ? '扫码加入入企' : '扫码签退'}时${placeAlert(place)}`,
    page: detailPage(v._id), no: v.no, status: red ? '红色预警' : '预警',
  });
}

export async function join(ctx: Ctx, input: Sent<typeof JoinInput>) {
  requireVisitStaff(ctx.user);
  const data = parseInput(JoinInput, input);
  const ent = await scannedEnterprise(ctx, data.scene);
  await ensureFree(ctx, ent);
  const open = await openVisitAt(ctx.ports, ent._id);
  if (!open) throw new AppError('INVALID_STATE', '本企业当前没有进行中的入企，请扫码签到');
  return { visit: staffView(await joinVisit(ctx, open, ent, data)), joined: true };
}

// ---------------------------------------------------------------------------------------------
// check out

/** visit.checkout: stays here, as it carries SubmitInput (core/intake/submit.ts) */

export async function checkout(ctx: Ctx, input: Sent<typeof CheckoutInput>) {
  requireVisitStaff(ctx.user);
  const data = parseInput(CheckoutInput, input);
  const { scene, visitId } = data;
  let target: Visit | null;
  let ent: Enterprise | null = null;
  if (scene) {
    ent = await scannedEnterprise(ctx, scene);
    target = await presentVisitOf(ctx.ports, ctx.user._id);
    if (!target || target.enterpriseId !== ent._id) throw new AppError('INVALID_STATE', `您在「${ent.name}」没有未签退的入企记录`);
  } else {
    target = await loadVisit(ctx.ports, visitId!).catch(() => null);
    if (!target || !target.presentIds.includes(ctx.user._id) || target.status !== 'open') {
      throw new AppError('INVALID_STATE', '该次入企已签退或已结束');
    }
  }
  // problems found become a request while the official is still on the visit (the same key twice is one request)
  const filed = data.problems ? await fileVisitRequest(ctx, target, data.problems) : null;
  const settings = await loadVisitSettings(ctx.ports);
  // a scan at the enterprise proves presence like a check-in; closing from elsewhere records no place
  const place = scene && ent ? placeOf(data, siteOf(ent) ?? target.site ?? null, ctx.now.toISOString(), settings) : null;
  const flags = place ? placeFlags(place) : [];
  const v = await leave(ctx.ports, target._id, [ctx.user._id], scene ? 'scan' : 'elsewhere', ctx.now, { outcome: data.outcome, place, flags });
  const me = v.members.find((m) => m.userId === ctx.user._id);
  if (place && me && me.leftAt === ctx.now.toISOString()) await alertPlace(ctx.ports, ctx.now, v, me, place, flags, 'checkout');
  return { visit: staffView(v), closed: v.status === 'closed', ...(filed ? { request: filed.request } : {}) };
}

type Leaving = { outcome: string; place: ScanPlace | null; flags: VisitFlag[] };

/** members leave (the caller with what they did and where they stood); the visit closes when nobody is left on site */
async function leave(ports: Ports, id: string, userIds: string[], by: 'scan' | 'elsewhere' | 'auto', now: Date, leaving?: Leaving): Promise<Visit> {
  const at = now.toISOString();
  const v = await patchVisit(ports, id, (cur) => {
    if (cur.status !== 'open' || !userIds.some((u) => cur.presentIds.includes(u))) return null;
    const members = cur.members.map((m) => (userIds.includes(m.userId) && !m.leftAt
      ? { ...m, leftAt: at, leftBy: by, ...(leaving ? { outcome: leaving.outcome, checkoutPlace: leaving.place } : {}) }
      : m));
    const presentIds = cur.presentIds.filter((u) => !userIds.includes(u));
    const closing = presentIds.length === 0;
    const flags: VisitFlag[] = [...(leaving?.flags ?? []), ...(closing && by === 'auto' ? (['auto_closed'] as VisitFlag[]) : [])];
    return {
      $set: {
        members, presentIds,
        ...(leaving?.place ? { farthest: farthestWith(cur, leaving.place) } : {}),
        ...(flags.length ? withFlags(cur, flags) : {}),
        ...(closing ? { status: 'closed', checkoutAt: at, ...(by === 'auto' ? { autoClosed: true } : {}) } : {}),
      },
    };
  }, now);
  if (v.status === 'closed' && v.checkoutAt === at) {
    await releaseLock(ports, v);
    const ent = await loadEnterprise(ports, v.enterpriseId);
    const names = v.members.map((m) => m.name).join('、');
    await tell(ports, now, (await contactsOf(ports, ent)).map((u) => u._id), {
      key: `visit:${v._id}:checkout`, title: v.autoClosed ? '公务入企已结束（未签退）' : '公务入企已签退',
      body: v.autoClosed
        ? `${names} 的入企（${PURPOSES[v.purpose]}）未扫码签退，系统已于 ${formatBeijing(at)} 自动结束。欢迎对本次入企进行评价。`
        : `${names} 已于 ${formatBeijing(at)} 签退（${PURPOSES[v.purpose]}）。欢迎对本次入企进行评价，评价对被访部门匿名。`,
      page: historyPage(v._id), no: v.no, status: '已签退',
    });
  }
  return v;
}

/**
 * timer: close visits nobody checked out of, a configurable number of hours after the last check-in.
 * `stop` (the sweep timer's wall-clock budget) is asked before each visit: the rest stay open and
 * stale, and the next run closes them.
 */
export async function closeStaleVisits(ports: Ports, now: Date, stop: () => boolean = () => false): Promise<number> {
  const settings = await loadVisitSettings(ports);
  const cutoff = new Date(now.getTime() - settings.autoCloseHours * 3600_000).toISOString();
  let closed = 0;
  const seen = new Set<string>();
  for (let round = 0; round < 20; round++) {
    const stale = (await visits(ports).find({ status: 'open', lastActivityAt: { $lte: cutoff } }, { orderBy: [['lastActivityAt', 'asc']], limit: 100 }))
      .filter((v) => !seen.has(v._id));
    if (!stale.length) break;
    for (const v of stale) {
      if (stop()) return closed;
      seen.add(v._id);
      const present = v.presentIds;
      const after = await leave(ports, v._id, present, 'auto', now);
      if (after.status !== 'closed') continue;
      closed++;
      await tell(ports, now, present, {
        key: `visit:${v._id}:autoclosed`, title: '入企未签退，已自动签退',
        body: `您在「${v.enterpriseName}」的入企（${formatBeijing(v.checkinAt)} 签到）超过${settings.autoCloseHours}小时未签退，系统已自动签退并标记。离开企业时请扫码签退。`,
        page: detailPage(v._id), no: v.no, status: '自动签退',
      });
      const grid = v.gridId;
      await tell(ports, now, await supervisorsOfGrid(ports, grid), {
        key: `visit:${v._id}:autoclosed-desk`, title: '入企预警：未签退',
        body: `${v.enterpriseName}：${v.members.map((m) => `${m.name}（${m.deptName}）`).join('、')} 入企超过${settings.autoCloseHours}小时未签退，已自动结束`,
        page: detailPage(v._id), no: v.no, status: '自动签退',
      });
    }
  }
  return closed;
}

/** users still registered on site (for pages that show "you are checked in at …") */
export async function myOpenVisit(ctx: Ctx) {
  const v = await presentVisitOf(ctx.ports, ctx.user._id);
  return { visit: v ? staffView(v) : null };
}

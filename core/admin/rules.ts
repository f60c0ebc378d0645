/**
 * The district's rules, edited by the admin: routing (category → default department), SLA values
 * and working hours, the 无事不扰 cap, calendar overrides. Validated, versioned (every save kept in
 * rules_history; a save against an older version is a conflict), and in force for new requests
 * from the moment they are saved. A change of the working calendar (days, declared years or
 * working hours) also re-lays the deadlines already computed on the old one (core/sla/recompute.ts):
 * the save does what its budget allows and the sweep timer finishes the rest; the answer says how far
 * it got. The rework, hand-back and card-acceptance limits (maxReworks, handBackDays, cardAcceptDays)
 * are saved with the SLA values.
 *
 * Subscribe-message template ids are shown here but not set here: they come from the deployment's
 * one declaration (config/subscribe-templates.json, core/notify/templates.ts), which the
 * mini-program is built with and subscribes to. An id changed only on the server would make every
 * push answer 43101 (the user subscribed to the other id), and an id alone cannot change the
 * field keys and types the payload is shaped by.
 */
import { z } from 'zod';
import { leafOf } from '../contract/catalog';
import { refineSlaPairs, SLA_LIMITS } from '../contract/admin';
import { C } from '../collections';
import { Ctx, requireRole } from '../context';
import { AppError } from '../errors';
import type { Binding, Setting } from '../model';
import { StoreError, type Ports } from '../ports';
import { validateWorkingHours, WorkCalendar } from '../sla/calendar';
import { DEFAULT_POLICY, forgetSla, type CalendarSettings, type SlaPolicy } from '../sla/policy';
import { TEMPLATE_KEYS, templateIdOf } from '../notify/templates';
import { parseInput, zDate as zCalendarDate } from '../validation';
import type { Sent } from '../contract/schema';
import { startBudget } from '../budget';
import { calendarChanged, calendarRunProgress, continueCalendarRun, startCalendarRun, type RunProgress } from '../sla/recompute';
import { audit } from './audit';
import { DEFAULT_NOTIFY_RULES, forgetNotifyRules, loadNotifyRules, NotifyRulesInput } from '../notify/routing';
import { userRepo } from '../repos/users';
import { orgRepo } from '../repos/orgs';
import { enterpriseRepo } from '../repos/enterprises';
import { DEFAULT_ITEM_ROUTING, ITEM_ROUTING_MODES, type ItemRoutingMode } from '../contract/items';

/** how long a save may spend laying deadlines on a changed calendar before the sweep takes over */
export const SAVE_RECOMPUTE_MS = 4000;

export const DEFAULT_VISIT_RULES = { cap: 2, autoCloseHours: 8 };
export type TemplateIds = Record<'statusChanged' | 'newAssignment', { templateId: string }>;

/** the ids every push is sent with and the mini-program subscribes to (read-only here) */
export function declaredTemplateIds(): TemplateIds {
  return { statusChanged: { templateId: templateIdOf('statusChanged') }, newAssignment: { templateId: templateIdOf('newAssignment') } };
}

const zHHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

export const RulesInput = z.object({
  // by leaf (小类); an old code (an older page) is accepted and folded into its leaf
  routing: z.record(z.string(), z.string().max(64).nullable()).refine((r) => Object.keys(r).every((k) => leafOf(k)), '分派规则中有不存在的类别').transform(routingByLeaf),
  // the limits, their ranges and the pairs between them are the contract's (the page checks the same)
  sla: z
    .object({
      ...SLA_LIMITS,
      // older pages do not send these: the defaults apply
      maxReworks: SLA_LIMITS.maxReworks.default(DEFAULT_POLICY.maxReworks),
      handBackDays: SLA_LIMITS.handBackDays.default(DEFAULT_POLICY.handBackDays),
      cardAcceptDays: SLA_LIMITS.cardAcceptDays.default(DEFAULT_POLICY.cardAcceptDays),
      workingHours: z.array(z.tuple([zHHMM, zHHMM])).min(1, '至少设置一个工作时段').max(4, '最多4个工作时段'),
    })
    .superRefine((v, c) => {
      refineSlaPairs(v, c);
      const bad = validateWorkingHours(v.workingHours);
      if (bad) c.addIssue({ code: 'custom', path: ['workingHours'], message: bad });
    }),
  visits: z.object({
    cap: z.number().int('次数应为整数').min(0, '次数不能为负').max(20, '每30天最多20次'),
    autoCloseHours: z.number().int('小时数应为整数').min(1, '至少1小时').max(48, '不能超过48小时'),
  }),
  calendar: z.object({
    overrides: z.array(z.object({
      date: zCalendarDate(),
      kind: z.enum(['workday', 'holiday'], { errorMap: () => ({ message: '请选择节假日或调休上班' }) }),
      name: z.string().trim().min(1, '请填写名称').max(20, '名称不能超过20字'),
    })).max(400, '最多400条日历调整').superRefine((list, c) => {
      // one date is either a holiday or a working day, not both
      const first = new Map<string, number>();
      list.forEach((o, i) => {
        const j = first.get(o.date);
        if (j === undefined) first.set(o.date, i);
        else c.addIssue({ code: 'custom', path: [i, 'date'], message: `日期重复：${o.date} 已在第${j + 1}行` });
      });
    }),
    adminYears: z.array(z.number().int().min(2000).max(2100)).max(20),
  }),
  /** 提醒规则: SMS routing, quiet hours, the daily cap, desk teams' group robots (core/notify/routing.ts); older pages omit it */
  notify: NotifyRulesInput.default(DEFAULT_NOTIFY_RULES),
  /** 按清单分派 (core/contract/items.ts): whether the triage proposes a 督办卡 to an item's department; older pages omit it */
  itemRouting: z.object({
    mode: z.enum(Object.keys(ITEM_ROUTING_MODES) as [ItemRoutingMode, ...ItemRoutingMode[]], { errorMap: () => ({ message: '请选择按清单分派的方式' }) }),
  }).default(DEFAULT_ITEM_ROUTING),
  /** read-only: accepted when empty or equal to the deployment's id (older pages send it back) */
  templates: z.object({
    statusChanged: z.object({ templateId: z.string().trim().max(64, '模板ID过长') }),
    newAssignment: z.object({ templateId: z.string().trim().max(64, '模板ID过长') }),
  }).partial().optional(),
});
export type Rules = z.infer<typeof RulesInput>;

/** admin.rules.save: here, not in the contract, since the rules are checked by server code (working hours, notify rules, SLA defaults) */
export const RulesSaveInput = z.object({ version: z.number().int().min(0), rules: RulesInput });

/**
 * The routing table by leaf (core/contract/taxonomy.ts): a rule saved under an old code (用电/供水/管网…)
 * is its leaf's rule unless the leaf has one of its own; unknown codes are dropped.
 */
export function routingByLeaf(r: Record<string, string | null>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(r)) if (leafOf(k) === k) out[k] = v;
  for (const [k, v] of Object.entries(r)) {
    const leaf = leafOf(k);
    if (leaf && leaf !== k && !out[leaf] && v) out[leaf] = v;
  }
  return out;
}

async function setting<T>(ports: Ports, id: string, fallback: T): Promise<T> {
  const doc = await ports.store.collection<Setting>(C.settings).get(id);
  return doc ? ({ ...fallback, ...(doc.value as object) } as T) : fallback;
}

export async function currentRules(ports: Ports): Promise<Rules> {
  return {
    routing: routingByLeaf(await setting<Record<string, string | null>>(ports, 'routing', {})),
    sla: await setting<SlaPolicy>(ports, 'sla', DEFAULT_POLICY),
    visits: await setting(ports, 'visits', DEFAULT_VISIT_RULES),
    calendar: await setting<CalendarSettings>(ports, 'calendar', { overrides: [], adminYears: [] }),
    notify: await loadNotifyRules(ports),
    itemRouting: await setting(ports, 'itemRouting', DEFAULT_ITEM_ROUTING),
    templates: declaredTemplateIds(),
  };
}

export async function getRules(ctx: Ctx) {
  requireRole(ctx.user, 'admin');
  const version = await ctx.ports.store.collection<Setting>(C.settings).get('rules');
  const history = await ctx.ports.store.collection<{ _id: string; version: number; updatedAt: string; updatedByName: string }>(C.rulesHistory)
    .find({}, { orderBy: [['version', 'desc']], limit: 20 });
  return {
    version: (version?.value as { version?: number })?.version ?? 0,
    updatedAt: version?.updatedAt ?? null,
    updatedBy: version?.updatedBy ?? null,
    rules: await currentRules(ctx.ports),
    history: history.map(({ version: v, updatedAt, updatedByName }) => ({ version: v, updatedAt, updatedByName })),
    calendarYears: new WorkCalendar().libraryYears(),
    /** a calendar change still being laid on open requests (the sweep timer finishes it) */
    calendarRun: await calendarRunProgress(ctx.ports),
  };
}

export async function saveRules(ctx: Ctx, input: Sent<typeof RulesSaveInput>) {
  requireRole(ctx.user, 'admin');
  const { version, rules } = parseInput(RulesSaveInput, input);
  const orgs = orgRepo(ctx.ports.store);
  for (const [cat, dept] of Object.entries(rules.routing)) {
    if (!dept) continue;
    const d = await orgs.get(dept);
    if (!d || d.kind !== 'department' || !d.active) throw new AppError('VALIDATION_FAILED', '分派规则中的部门不存在或已撤销', [{ field: `routing.${cat}`, message: '请选择在用的部门' }]);
  }
  for (const [i, robot] of rules.notify.robots.entries()) {
    const o = await orgs.get(robot.orgId);
    if (!o || !['district', 'street', 'community'].includes(o.kind) || !o.active) throw new AppError('VALIDATION_FAILED', '群机器人所属的中心不存在或已撤销', [{ field: `rules.notify.robots.${i}.orgId`, message: '请选择在用的营商环境优化中心' }]);
  }
  // template ids are the deployment's (see the header): refuse a different one instead of ignoring it
  const changed = TEMPLATE_KEYS.filter((k) => {
    const id = rules.templates?.[k]?.templateId ?? '';
    return id !== '' && id !== templateIdOf(k);
  });
  if (changed.length) {
    throw new AppError('VALIDATION_FAILED', '订阅消息模板ID由部署配置决定，不能在管理后台修改', changed.map((k) => ({
      field: `rules.templates.${k}.templateId`,
      message: `模板ID以部署配置为准（当前为${templateIdOf(k) || '未配置'}），请在 config/subscribe-templates.json 中修改并重新发布小程序和云函数`,
    })));
  }
  const saved: Rules = { ...rules, templates: declaredTemplateIds() };
  const settings = ctx.ports.store.collection<Setting>(C.settings);
  const before = await currentRules(ctx.ports);
  const at = ctx.now.toISOString();
  // the version document is the lock: one conditional update per save
  const stamp = { value: { version: version + 1 }, updatedAt: at, updatedBy: ctx.user._id };
  const claimed = version === 0
    ? await settings.add({ _id: 'rules', ...stamp }).then(() => true, (e) => { if (e instanceof StoreError && e.code === 'DUPLICATE_ID') return false; throw e; })
    : await settings.update('rules', { $set: stamp }, { 'value.version': version });
  if (!claimed) throw new AppError('CONFLICT', '规则已被他人修改，请刷新后再保存');
  for (const key of ['routing', 'sla', 'visits', 'calendar', 'notify', 'itemRouting'] as const) {
    const doc = { value: rules[key], updatedAt: at, updatedBy: ctx.user._id };
    const ok = await settings.update(key, { $set: doc });
    if (!ok) await settings.add({ _id: key, ...doc }).catch(() => settings.update(key, { $set: doc }));
  }
  await ctx.ports.store.collection(C.rulesHistory).add({ _id: `v${version + 1}`, version: version + 1, rules: saved, updatedAt: at, updatedBy: ctx.user._id, updatedByName: ctx.user.name });
  forgetSla(ctx.ports);
  forgetNotifyRules(ctx.ports);
  const calendarBefore = { ...before.calendar, workingHours: before.sla.workingHours };
  const calendarAfter = { ...rules.calendar, workingHours: rules.sla.workingHours };
  let recompute: RunProgress | null = null;
  if (calendarChanged(calendarBefore, calendarAfter)) {
    await startCalendarRun(ctx.ports, calendarBefore, calendarAfter, ctx.now, ctx.user._id);
    recompute = await continueCalendarRun(ctx.ports, ctx.now, { budget: startBudget(ctx.ports.clock, SAVE_RECOMPUTE_MS) });
  }
  const note = recompute ? `；工作日历调整，已重算 ${recompute.changed} 项在办诉求的期限${recompute.more ? '，其余由定时任务继续' : ''}` : '';
  await audit(ctx, 'rules.save', 'rules', `v${version + 1}`, `保存规则配置（第${version + 1}版）${note}`, before, saved);
  return { version: version + 1, ...(recompute ? { recompute } : {}) };
}

export async function overview(ctx: Ctx) {
  requireRole(ctx.user, 'admin');
  const s = ctx.ports.store;
  const [orgs, districts, enterprises, pendingBindings] = await Promise.all([
    orgRepo(s).countActive(),
    orgRepo(s).countActiveDistricts(),
    enterpriseRepo(s).countAll(),
    s.collection(C.bindings).count({ status: 'pending' }),
  ]);
  let staff = 0;
  for (const r of ['officer', 'liaison', 'department', 'dispatcher', 'leader', 'admin'] as const) staff += await userRepo(s).countActiveWithRole(r);
  const pendingInvites = await s.collection(C.invites).count({ usedAt: null, expiresAt: { $gt: ctx.now.toISOString() } });
  return {
    counts: { orgs, staff, enterprises, pendingInvites, pendingBindings },
    bootstrap: districts === 0,
    bindings: pendingBindings ? await waitingBindings(ctx) : [],
  };
}

/** how many waiting binding applications the console's home lists */
export const HOME_BINDINGS = 20;

/**
 * The binding applications still waiting for a decision, the longest waiting first, each with who is
 * to decide (the grid's officers for an enterprise's first contact, else its first contact): what the
 * 待审核绑定 tile opens on the console's home. A district has a handful at a time (each waits for one
 * tap), so one find by status (its index) and the deciders in one batched read.
 */
async function waitingBindings(ctx: Ctx) {
  const pending = await ctx.ports.store.collection<Binding>(C.bindings).find({ status: 'pending' }, { limit: 100 });
  const shown = pending.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id)).slice(0, HOME_BINDINGS);
  const people = await userRepo(ctx.ports.store).getMany(shown.flatMap((b) => b.approverIds.slice(0, 5)));
  return shown.map((b) => ({
    id: b._id, userName: b.userName, phone: b.phone, enterpriseId: b.enterpriseId, enterpriseName: b.enterpriseName, createdAt: b.createdAt,
    deciders: b.approverIds.flatMap((id) => {
      const u = people.get(id);
      return u ? [`${u.roles.includes('officer') ? '网格员' : '企业联系人'} ${u.name}`] : [];
    }),
  }));
}

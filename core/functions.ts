/**
 * The cloud functions, as plain handlers over the ports. CloudBase (cloudfunctions/*) and the
 * local server (server/) both call these with the same event, so the product behaves the same
 * in WeChat and in a browser.
 */
import { assignRequest } from './assignment/assign';
import { startBudget, timerBudgetMs, type TimerName } from './budget';
import { Ctx } from './context';
import { AppError, toErrorBody, type ErrorBody } from './errors';
import { confirmRequest, reopenRequest } from './feedback/enterprise-feedback';
import { acceptRequest, addProgress, resolveRequest } from './handling/officer-actions';
import { resolveCaller } from './identity/resolve-caller';
import { bindEnterprise } from './intake/bind-enterprise';
import { submitRequest } from './intake/submit';
import { afterChange } from './notify/after-change';
import { materializeNotifications } from './notify/outbox';
import { sendDue } from './notify/sender';
import type { ServiceRequest } from './model';
import { MAX_PAGE, type Caller, type Ports } from './ports';
import { C } from './collections';
import { listMessages, readMessages } from './queries/messages';
import { me, meta } from './queries/me';
import { detailView, getRequest, myRequests, officerInbox } from './queries/read-requests';
import { requireRole } from './context';
import { z } from 'zod';
import { parseInput, zId } from './validation';
import { LEVELS, CHANNELS, COLOURS, REJECT_KINDS, TIERS } from './catalog';
import { CARD_ACTIONS } from './cards/actions';
import { OBJECTION_ACTIONS } from './handling/objections';
import { CALLBACK_ACTIONS } from './feedback/callback';
import { NOTIFY_ACTIONS } from './notify/actions';
import { assignWaitingAndNotify, freed, logAndGoOn, settle } from './settle';
import { deskOptions } from './desk/options';
import { escalateRequest, reassignRequest, referRequest, rejectRequest, verifyRequest } from './desk/triage';
import { pauseRequest, resumeRequest } from './handling/officer-actions';
import { supplementRequest } from './feedback/enterprise-feedback';
import { exportLedger, listLedger } from './ledger/ledger';
import { sweep } from './sweep/sweep';
import { closeStaleVisits, VISIT_ACTIONS } from './visits/actions';
import { listAudit } from './admin/audit';
import { createOrg, listOrgs, restoreOrg, retireOrg, updateOrg } from './admin/orgs';
import { activateStaff, deactivateStaff, inviteStaff, listStaff, matchesBootstrapCode, redeemInvite, reinviteStaff, updateStaff } from './admin/staff';
import { enterpriseTemplate, importEnterprises, listEnterprises, saveEnterprise, setStewardship } from './admin/enterprises';
import { getRules, overview, saveRules } from './admin/rules';
import { approveBinding, listBindings, listContacts, myBinding, rejectBinding, unbindEnterprise } from './intake/bind-enterprise';
import { listWarnings } from './sla/calendar-warnings';
import { dashboard } from './stats/dashboard';
import { countPending } from './stats/counters';
import { statsVerify } from './stats/verify';
import { computeRankingAction, configureRankings, getRanking, listRankings, rankingSettings } from './rankings/rankings';
import { generateBriefing, viewBriefing } from './briefing/briefing';

export type Envelope<T = unknown> = { ok: true; data: T } | ErrorBody;
export type Handler = (event: Record<string, unknown>, caller: Caller | null) => Promise<Envelope>;

type Action = (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;

/**
 * The service function's actions. A Map, so a name answers only if it is one of these: a plain
 * object would also answer "constructor", "toString", "__proto__" … from Object.prototype.
 */
const ACTION_TABLE: Record<string, Action> = {
  me: async (ctx) => ({ ...(await me(ctx)), binding: await myBinding(ctx) }),
  meta: async () => ({ ...meta(), levels: LEVELS, channels: CHANNELS, colours: COLOURS, rejectKinds: REJECT_KINDS, tiers: TIERS }),
  'enterprise.bind': bindEnterprise,
  'request.submit': async (ctx, input) => {
    const { request, created } = await submitRequest(ctx, input);
    const req = (await ctx.ports.store.collection<ServiceRequest>(C.requests).get(request._id))!;
    const view = created ? await settle(ctx, req) : await detailView(ctx, req);
    return { request: view.request, created };
  },
  'request.mine': myRequests,
  'request.get': getRequest,
  'request.accept': async (ctx, input) => settle(ctx, await acceptRequest(ctx, input)),
  'request.progress': async (ctx, input) => settle(ctx, await addProgress(ctx, input)),
  'request.resolve': async (ctx, input) => {
    const view = await settle(ctx, await resolveRequest(ctx, input));
    // a slot freed: give waiting requests of this officer's grids a chance now
    for (const gridId of ctx.user.gridIds ?? []) {
      await assignWaitingAndNotify(ctx.ports, ctx.now, gridId).catch(logAndGoOn('assign'));
    }
    return view;
  },
  'request.confirm': async (ctx, input) => settle(ctx, await confirmRequest(ctx, input)),
  'request.reopen': async (ctx, input) => settle(ctx, await reopenRequest(ctx, input)),
  'request.pause': async (ctx, input) => settle(ctx, await pauseRequest(ctx, input)),
  'request.resume': async (ctx, input) => settle(ctx, await resumeRequest(ctx, input)),
  'request.supplement': async (ctx, input) => settle(ctx, await supplementRequest(ctx, input)),
  'officer.inbox': officerInbox,
  'desk.options': deskOptions,
  'desk.verify': async (ctx, input) => settle(ctx, await verifyRequest(ctx, input)),
  'desk.reject': async (ctx, input) => freed(ctx, await settle(ctx, await rejectRequest(ctx, input))),
  'desk.reassign': async (ctx, input) => freed(ctx, await settle(ctx, await reassignRequest(ctx, input))),
  'desk.escalate': async (ctx, input) => settle(ctx, await escalateRequest(ctx, input)),
  'desk.refer': async (ctx, input) => settle(ctx, await referRequest(ctx, input)),
  // supervision cards (core/cards/actions.ts)
  ...CARD_ACTIONS,
  'ledger.list': listLedger,
  'enterprise.unbind': unbindEnterprise,
  'enterprise.contacts': listContacts,
  'binding.list': listBindings,
  'binding.approve': approveBinding,
  'binding.reject': rejectBinding,
  'invite.redeem': redeemInvite,
  'admin.overview': overview,
  'admin.orgs.list': listOrgs,
  'admin.orgs.create': createOrg,
  'admin.orgs.update': updateOrg,
  'admin.orgs.retire': retireOrg,
  'admin.orgs.restore': restoreOrg,
  'admin.staff.list': listStaff,
  'admin.staff.invite': inviteStaff,
  'admin.staff.update': updateStaff,
  'admin.staff.deactivate': deactivateStaff,
  'admin.staff.activate': activateStaff,
  'admin.staff.reinvite': reinviteStaff,
  'admin.enterprises.list': listEnterprises,
  'admin.enterprises.save': saveEnterprise,
  'admin.enterprises.template': enterpriseTemplate,
  'admin.enterprises.import': importEnterprises,
  'admin.stewardship.set': setStewardship,
  'admin.rules.get': getRules,
  'admin.rules.save': saveRules,
  'admin.audit.list': listAudit,
  'system.warnings': listWarnings,
  'ledger.export': exportLedger,
  // leaders' dashboard, 红黄榜, 简报 (core/stats, core/rankings, core/briefing)
  'stats.dashboard': dashboard,
  'stats.verify': statsVerify,
  'rankings.compute': computeRankingAction,
  'rankings.list': listRankings,
  'rankings.get': getRanking,
  'rankings.settings': rankingSettings,
  'rankings.configure': configureRankings,
  'briefing.view': viewBriefing,
  'briefing.generate': generateBriefing,
  'messages.list': listMessages,
  'messages.read': readMessages,
  // 退回/申请改派 and 延期申请 (core/handling/objections.ts), 回访 (core/feedback/callback.ts)
  ...OBJECTION_ACTIONS,
  ...CALLBACK_ACTIONS,
  // official visits by QR code, planned inspections (core/visits)
  ...VISIT_ACTIONS,
  // consents, SMS choice, reach (core/notify)
  ...NOTIFY_ACTIONS,
};
const ACTIONS = new Map<string, Action>(Object.entries(ACTION_TABLE));

/** every action name of the service function (the security tests build their role matrix from it) */
export const SERVICE_ACTIONS: readonly string[] = Object.freeze([...ACTIONS.keys()]);
/** the deployable functions; only service has actions, the others refuse any event naming one */
export const FUNCTION_NAMES = Object.freeze(['service', 'assign', 'notify', 'sweep'] as const);
/** what a deactivated account may still call: who am I (so the app can say it is deactivated), and the catalog */
const INACTIVE_ALLOWED = new Set(['me', 'meta']);
/** outbox entries per sendDue call of the notify timer */
const SEND_PAGE = 50;

/**
 * What a timer run that stopped early (or filled a page) leaves for the next tick: `more: true` and
 * the counts that are not zero, or nothing when nothing is left. One indexed count each.
 */
async function leftOver(counts: Record<string, () => Promise<number>>): Promise<{ more?: true; left?: Record<string, number> }> {
  const left: Record<string, number> = {};
  for (const [k, count] of Object.entries(counts)) {
    const n = await count();
    if (n > 0) left[k] = n;
  }
  return Object.keys(left).length ? { more: true, left } : {};
}

/** a pointer to whatever an answer must never carry: the context, the ports and everything in them */
type Forbidden = ReadonlySet<object>;

const MAX_ANSWER_DEPTH = 40;

/**
 * Answers are data: plain objects, arrays, strings, numbers, booleans, null (and Dates, which
 * serialise as strings). A function, a class instance (a store, a notifier), the context or the
 * ports in an answer is a bug, and the answer is refused instead of serialised. One walk over
 * the answer, the same work JSON.stringify does anyway.
 */
export function assertPlainData(value: unknown, forbidden: Forbidden = new Set()): void {
  const path: string[] = [];
  const refuse = (why: string): never => {
    throw new Error(`answer is not plain data at ${path.join('.') || '(root)'}: ${why}`);
  };
  const walk = (v: unknown): void => {
    if (v === null || v === undefined) return;
    const t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return;
    if (t !== 'object') return refuse(t);
    const obj = v as object;
    if (forbidden.has(obj)) return refuse('the context or a port');
    if (path.length >= MAX_ANSWER_DEPTH) return refuse('too deep (a cycle?)');
    if (obj instanceof Date) return;
    const isArray = Array.isArray(obj);
    if (!isArray) {
      const proto = Object.getPrototypeOf(obj);
      if (proto !== Object.prototype && proto !== null) return refuse(proto?.constructor?.name ?? 'an object with a prototype');
    }
    for (const k of Object.keys(obj)) {
      path.push(k);
      walk((obj as Record<string, unknown>)[k]);
      path.pop();
    }
  };
  walk(value);
}

async function envelope(run: () => Promise<unknown>, forbidden: () => Forbidden): Promise<Envelope> {
  try {
    const data = await run();
    assertPlainData(data, forbidden());
    return { ok: true, data };
  } catch (e) {
    if (!(e instanceof AppError)) console.error('[internal]', e);
    return toErrorBody(e);
  }
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** an event is a plain JSON object; anything else reads as an empty one */
const eventOf = (event: unknown): Record<string, unknown> =>
  event && typeof event === 'object' && !Array.isArray(event) ? (event as Record<string, unknown>) : {};

/** assign, notify and sweep have no actions: an event that names one is a mistake, not a timer tick */
function refuseActions(event: Record<string, unknown>) {
  if (hasOwn(event, 'action')) throw new AppError('UNKNOWN_ACTION', '不支持的操作：该云函数不接受 action');
}

/** Timer-triggered calls carry no caller; a person calling an internal function must be active desk staff. */
async function requireSystemOrDesk(ports: Ports, caller: Caller | null, now: Date) {
  if (!caller) return;
  const user = await resolveCaller(ports, caller, now);
  requireRole(user, 'dispatcher', 'admin');
}

/** the deployment config without the bootstrap admin code */
function publicConfig(config: Ports['config']): Ports['config'] {
  if (!config) return config;
  const { bootstrapAdminCode, ...rest } = config;
  void bootstrapAdminCode;
  return rest;
}

/**
 * The ports as actions see them: live (a test or the host may swap a port later), but the
 * deployment config comes without the bootstrap admin code, so no action can read or return it.
 */
function withoutBootstrapCode(ports: Ports): Ports {
  return new Proxy(ports, {
    get: (t, k, r) => (k === 'config' ? publicConfig(t.config) : Reflect.get(t, k, r)),
    getOwnPropertyDescriptor: (t, k) => {
      const d = Reflect.getOwnPropertyDescriptor(t, k);
      return d && k === 'config' ? { ...d, value: publicConfig(t.config) } : d;
    },
  });
}

export type FunctionOptions = {
  /**
   * Wall-clock work budgets of the timers in ms; by default a fraction of each function's timeout
   * in its config.json (core/budget.ts). Tests set them; Infinity for no budget.
   */
  budgetMs?: Partial<Record<TimerName, number>>;
};

export function createFunctions(hostPorts: Ports, options: FunctionOptions = {}): Record<(typeof FUNCTION_NAMES)[number], Handler> {
  const ports = withoutBootstrapCode(hostPorts);
  const budgets: Record<TimerName, number> = {
    assign: options.budgetMs?.assign ?? timerBudgetMs('assign'),
    notify: options.budgetMs?.notify ?? timerBudgetMs('notify'),
    sweep: options.budgetMs?.sweep ?? timerBudgetMs('sweep'),
  };
  const requests = () => ports.store.collection<ServiceRequest>(C.requests);
  /** compared in constant time; the code itself never enters an action's context */
  const isBootstrapCode = (code: string) => matchesBootstrapCode(hostPorts.config?.bootstrapAdminCode, code);
  const forbidden = (...more: object[]): Forbidden => {
    const set = new Set<object>([hostPorts, ports, ...more]);
    for (const v of Object.values(hostPorts)) if (v && (typeof v === 'object' || typeof v === 'function')) set.add(v as object);
    return set;
  };

  return {
    service: (event, caller) => {
      let ctx: Ctx | null = null;
      return envelope(async () => {
        const ev = eventOf(event);
        const { action: named, ...input } = ev;
        // only the event's own field names an action (an inherited one is no action, as for the other functions)
        const action = hasOwn(ev, 'action') ? named : undefined;
        const run = typeof action === 'string' ? ACTIONS.get(action) : undefined;
        if (!run) throw new AppError('UNKNOWN_ACTION', '不支持的操作');
        const now = ports.clock.now();
        const user = await resolveCaller(ports, caller, now);
        if (!user.active && !INACTIVE_ALLOWED.has(action as string)) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员');
        ctx = { ports, now, user, isBootstrapCode };
        return run(ctx, input);
      }, () => forbidden(...(ctx ? [ctx] : [])));
    },

    /** event: { requestId } to assign one, or a timer tick to retry every waiting request */
    assign: (raw, caller) =>
      envelope(async () => {
        const event = eventOf(raw);
        refuseActions(event);
        const now = ports.clock.now();
        await requireSystemOrDesk(ports, caller, now);
        if (hasOwn(event, 'requestId')) {
          const { requestId } = parseInput(z.object({ requestId: zId }), { requestId: event.requestId });
          const outcome = await assignRequest(ports, requestId, now);
          await afterChange(ports, requestId, now);
          return { outcome };
        }
        const budget = startBudget(ports.clock, budgets.assign);
        const { more, ...done } = await assignWaitingAndNotify(ports, now, undefined, budget);
        // `waiting` requests stay queued for capacity; `left` counts every queued request
        return { ...done, ...(more ? await leftOver({ queued: () => requests().count({ status: 'queued' }) }) : {}) };
      }, forbidden),

    /** timer: deadlines — response timeouts, colour changes, reminders and urges (indexed on nextCheckAt) */
    sweep: (raw, caller) =>
      envelope(async () => {
        refuseActions(eventOf(raw));
        const now = ports.clock.now();
        await requireSystemOrDesk(ports, caller, now);
        const budget = startBudget(ports.clock, budgets.sweep);
        const { more, ...deadlines } = await sweep(ports, now, { budget });
        // visits nobody checked out of are closed by the same timer, within what is left of the budget
        const visitsClosed = budget.spent() ? 0 : await closeStaleVisits(ports, now, budget.spent);
        const done = { ...deadlines, visitsClosed };
        if (!more && !budget.spent()) return done;
        const left = await leftOver({ due: () => requests().count({ nextCheckAt: { $lte: now.toISOString() } }) });
        // a spent budget may also have cut the stale visits short, which are not counted: say more anyway
        return { ...done, ...left, ...(budget.spent() ? { more: true as const } : {}) };
      }, forbidden),

    /**
     * timer: write outbox entries for any request still marked, then send what is due, then finish
     * dashboard counting; page after page while the budget lasts, in that order of urgency
     */
    notify: (raw, caller) =>
      envelope(async () => {
        refuseActions(eventOf(raw));
        const now = ports.clock.now();
        await requireSystemOrDesk(ports, caller, now);
        const budget = startBudget(ports.clock, budgets.notify);
        let materialized = 0;
        // a request still marked after its turn (changed again meanwhile) waits for the next tick
        const seen = new Set<string>();
        while (!budget.spent()) {
          const marked = (await requests().find({ needsNotify: true }, { limit: MAX_PAGE })).filter((r) => !seen.has(r._id));
          if (!marked.length) break;
          for (const r of marked) {
            if (budget.spent()) break;
            seen.add(r._id);
            await materializeNotifications(ports, r._id, now);
            materialized++;
          }
        }
        const sent: Record<string, number> = {};
        while (!budget.spent()) {
          const page = await sendDue(ports, now, SEND_PAGE, budget.spent);
          for (const [k, n] of Object.entries(page)) sent[k] = (sent[k] ?? 0) + n;
          if (Object.values(page).reduce((a, b) => a + b, 0) < SEND_PAGE) break;
        }
        // dashboard counters: finish any counting a crash interrupted (and count data that predates them)
        const stats = budget.spent() ? null : await countPending(ports, 500, budget.spent).catch((e) => { logAndGoOn('stats')(e); return null; });
        const done = { materialized, sent, ...(stats?.counted ? { statsCounted: stats.counted } : {}) };
        if (!budget.spent()) return done;
        const outbox = ports.store.collection(C.outbox);
        return {
          ...done,
          ...(await leftOver({
            marked: () => requests().count({ needsNotify: true }),
            due: () => outbox.count({ status: 'pending', nextAttemptAt: { $lte: now.toISOString() } }),
            statsPending: () => requests().count({ statsPending: true }),
          })),
        };
      }, forbidden),
  };
}

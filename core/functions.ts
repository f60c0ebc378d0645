/**
 * The cloud functions, as plain handlers over the ports. CloudBase (cloudfunctions/*) and the
 * local server (server/) both call these with the same event, so the product behaves the same
 * in WeChat and in a browser.
 */
import type { Ctx, FollowUp } from './context';
import { AppError } from './errors';
import { confirmRequest, reopenRequest } from './feedback/enterprise-feedback';
import { acceptRequest, addProgress, resolveRequest } from './handling/officer-actions';
import { resolveCaller } from './identity/resolve-caller';
import { bindEnterprise } from './intake/bind-enterprise';
import { submitRequest } from './intake/submit';
import type { ServiceRequest } from './model';
import type { Ports } from './ports';
import { C } from './collections';
import { listMessages, readMessages } from './queries/messages';
import { me, meta } from './queries/me';
import { getRequest, myRequests, officerInbox, requestView } from './queries/read-requests';
import { LEVELS, CHANNELS, COLOURS, REJECT_KINDS, TIERS } from './catalog';
import { CARD_ACTIONS } from './cards/actions';
import { OBJECTION_ACTIONS } from './handling/objections';
import { CALLBACK_ACTIONS } from './feedback/callback';
import { NOTIFY_ACTIONS } from './notify/actions';
import { assignWaitingAndNotify, followRequest, freed, later, logAndGoOn, settle } from './settle';
import { deskOptions } from './desk/options';
import { escalateRequest, reassignRequest, referRequest, rejectRequest, verifyRequest } from './desk/triage';
import { pauseRequest, resumeRequest } from './handling/officer-actions';
import { supplementRequest } from './feedback/enterprise-feedback';
import { exportLedger, listLedger } from './ledger/ledger';
import { VISIT_ACTIONS } from './visits/actions';
import { listAudit } from './admin/audit';
import { createOrg, listOrgs, restoreOrg, retireOrg, updateOrg } from './admin/orgs';
import { activateStaff, deactivateStaff, inviteStaff, listStaff, matchesBootstrapCode, redeemInvite, reinviteStaff, updateStaff } from './admin/staff';
import { enterpriseTemplate, importEnterprises, listEnterprises, saveEnterprise, setStewardship } from './admin/enterprises';
import { getRules, overview, saveRules } from './admin/rules';
import { approveBinding, listBindings, listContacts, myBinding, rejectBinding, unbindEnterprise } from './intake/bind-enterprise';
import { listWarnings } from './sla/calendar-warnings';
import { dashboard } from './stats/dashboard';
import { statsVerify } from './stats/verify';
import { computeRankingAction, configureRankings, getRanking, listRankings, rankingSettings } from './rankings/rankings';
import { generateBriefing, viewBriefing } from './briefing/briefing';

import { envelope, eventOf, forbiddenOf, hasOwn, runFollowUps, withoutBootstrapCode, type FunctionOptions, type Handler } from './function-shell';
import { createTimers } from './timers';

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
    if (created) await later(ctx, (ports) => followRequest(ports, request._id));
    return { request: requestView(ctx, request), created };
  },
  'request.mine': myRequests,
  'request.get': getRequest,
  'request.accept': async (ctx, input) => settle(ctx, await acceptRequest(ctx, input)),
  'request.progress': async (ctx, input) => settle(ctx, await addProgress(ctx, input)),
  'request.resolve': async (ctx, input) => {
    const view = await settle(ctx, await resolveRequest(ctx, input));
    // a slot freed: waiting requests of this officer's grids get their chance right after the answer
    for (const gridId of ctx.user.gridIds ?? []) {
      await later(ctx, (ports) => assignWaitingAndNotify(ports, ports.clock.now(), gridId).catch(logAndGoOn('assign')));
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

export type { Envelope, Handler, FunctionOptions, FollowUpHost } from './function-shell';
export { assertPlainData } from './function-shell';

/** the service function: every action of the mini-program and the desk */
export function createService(hostPorts: Ports, options: FunctionOptions = {}): Handler {
  const ports = withoutBootstrapCode(hostPorts);
  /** compared in constant time; the code itself never enters an action's context */
  const isBootstrapCode = (code: string) => matchesBootstrapCode(hostPorts.config?.bootstrapAdminCode, code);
  const forbidden = (...more: object[]) => forbiddenOf(hostPorts, ports, more);
  return async (event, caller) => {
      let ctx: Ctx | null = null;
      // what the action leaves for after its answer (core/settle.ts); run even if it failed after queueing
      const queued: FollowUp[] = [];
      const answer = await envelope(async () => {
        const ev = eventOf(event);
        const { action: named, ...input } = ev;
        // only the event's own field names an action (an inherited one is no action, as for the other functions)
        const action = hasOwn(ev, 'action') ? named : undefined;
        const run = typeof action === 'string' ? ACTIONS.get(action) : undefined;
        if (!run) throw new AppError('UNKNOWN_ACTION', '不支持的操作');
        const now = ports.clock.now();
        const user = await resolveCaller(ports, caller, now);
        if (!user.active && !INACTIVE_ALLOWED.has(action as string)) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员');
        ctx = { ports, now, user, isBootstrapCode, later: (work) => { queued.push(work); } };
        return run(ctx, input);
      }, () => forbidden(...(ctx ? [ctx] : [])));
      if (queued.length) {
        const go = () => runFollowUps(ports, queued);
        if (options.followUps) await options.followUps(go);
        else await go();
      }
      return answer;
  };
}

/** all four functions over one set of ports: the local server and the tests */
export function createFunctions(hostPorts: Ports, options: FunctionOptions = {}): Record<(typeof FUNCTION_NAMES)[number], Handler> {
  return { service: createService(hostPorts, options), ...createTimers(hostPorts, options) };
}

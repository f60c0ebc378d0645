/**
 * The cloud functions, as plain handlers over the ports. CloudBase (cloudfunctions/*) and the
 * local server (server/) both call these with the same event, so the product behaves the same
 * in WeChat and in a browser.
 */
import { assignRequest, assignWaiting } from './assignment/assign';
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
import type { Caller, Ports } from './ports';
import { C } from './collections';
import { listMessages, readMessages } from './queries/messages';
import { me, meta } from './queries/me';
import { detailView, getRequest, myRequests, officerInbox } from './queries/read-requests';
import { hasRole } from './context';
import { LEVELS, CHANNELS, COLOURS, REJECT_KINDS, TIERS } from './catalog';
import { acceptCard, getCard, issueCard, listCards, replyCard, returnCard } from './cards/supervision-card';
import { deskOptions } from './desk/options';
import { escalateRequest, reassignRequest, referRequest, rejectRequest, verifyRequest } from './desk/triage';
import { pauseRequest, resumeRequest } from './handling/officer-actions';
import { supplementRequest } from './feedback/enterprise-feedback';
import { exportLedger, listLedger } from './ledger/ledger';
import { sweep } from './sweep/sweep';
import { closeStaleVisits, VISIT_ACTIONS } from './visits/actions';
import { listAudit } from './admin/audit';
import { createOrg, listOrgs, restoreOrg, retireOrg, updateOrg } from './admin/orgs';
import { activateStaff, deactivateStaff, inviteStaff, listStaff, redeemInvite, reinviteStaff, updateStaff } from './admin/staff';
import { enterpriseTemplate, importEnterprises, listEnterprises, saveEnterprise, setStewardship } from './admin/enterprises';
import { getRules, overview, saveRules } from './admin/rules';
import { approveBinding, listBindings, listContacts, myBinding, rejectBinding, unbindEnterprise } from './intake/bind-enterprise';
import { listWarnings, uncoveredYearsOf, warnUncoveredYears } from './sla/calendar-warnings';
import { loadSla } from './sla/policy';
import { dashboard } from './stats/dashboard';
import { countPending } from './stats/counters';
import { statsVerify } from './stats/verify';
import { computeRankingAction, configureRankings, getRanking, listRankings, rankingSettings } from './rankings/rankings';
import { generateBriefing, viewBriefing } from './briefing/briefing';

export type Envelope<T = unknown> = { ok: true; data: T } | ErrorBody;
export type Handler = (event: Record<string, unknown>, caller: Caller | null) => Promise<Envelope>;

type Action = (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;

/** A request changed: notify, and hand a freshly queued one to assignment right away. */
async function settle(ctx: Ctx, req: ServiceRequest) {
  const { ports, now } = ctx;
  if (req.status === 'queued') await assignRequest(ports, req._id, now).catch(logAndGoOn('assign'));
  await afterChange(ports, req._id, now).catch(logAndGoOn('notify'));
  const fresh = (await ports.store.collection<ServiceRequest>(C.requests).get(req._id))!;
  if (fresh.slaProvisional) await warnUncoveredYears(ports, uncoveredYearsOf(fresh, await loadSla(ports)), now);
  return detailView(ctx, fresh);
}

/** card actions change the card and the request: settle the request, return both */
async function settleCard(ctx: Ctx, r: { card: unknown; request: ServiceRequest }) {
  const view = await settle(ctx, r.request);
  return { card: r.card, request: view.request };
}

/** an officer's slot may have freed: let waiting requests of that grid in now, not at the next timer */
async function freed<T extends { request: { gridId: string } }>(ctx: Ctx, view: T): Promise<T> {
  await assignWaitingAndNotify(ctx.ports, ctx.now).catch(logAndGoOn('assign'));
  return view;
}

const logAndGoOn = (what: string) => (e: unknown) => {
  // the timers retry both steps, so a failure here delays but never loses anything
  console.error(`[${what}] deferred to timer:`, (e as Error)?.message ?? e);
};

const ACTIONS: Record<string, Action> = {
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
  'card.issue': async (ctx, input) => {
    const r = await settleCard(ctx, await issueCard(ctx, input));
    await freed(ctx, r);
    return r;
  },
  'card.list': listCards,
  'card.get': async (ctx, input) => {
    const r = await getCard(ctx, input);
    return { ...r, request: (await detailView(ctx, r.request)).request };
  },
  'card.accept': async (ctx, input) => settleCard(ctx, await acceptCard(ctx, input)),
  'card.reply': async (ctx, input) => settleCard(ctx, await replyCard(ctx, input)),
  'card.return': async (ctx, input) => settleCard(ctx, await returnCard(ctx, input)),
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
  // official visits by QR code, planned inspections (core/visits)
  ...VISIT_ACTIONS,
};

export const SERVICE_ACTIONS = Object.keys(ACTIONS);

async function assignWaitingAndNotify(ports: Ports, now: Date, gridId?: string) {
  const r = await assignWaiting(ports, now, gridId ? { gridId } : {});
  for (const id of [...r.assigned, ...r.waiting]) await afterChange(ports, id, now);
  return { assigned: r.assigned.length, waiting: r.waiting.length, skipped: r.skipped.length };
}

async function envelope(run: () => Promise<unknown>): Promise<Envelope> {
  try {
    return { ok: true, data: await run() };
  } catch (e) {
    if (!(e instanceof AppError)) console.error('[internal]', e);
    return toErrorBody(e);
  }
}

/** Timer-triggered calls carry no caller; a person calling an internal function must be desk staff. */
async function requireSystemOrDesk(ports: Ports, caller: Caller | null, now: Date) {
  if (!caller) return;
  const user = await resolveCaller(ports, caller, now);
  if (!hasRole(user, 'dispatcher', 'admin')) throw new AppError('FORBIDDEN', '当前账号无权进行此操作');
}

export function createFunctions(ports: Ports): Record<'service' | 'assign' | 'notify' | 'sweep', Handler> {
  return {
    service: (event, caller) =>
      envelope(async () => {
        const { action, ...input } = event ?? {};
        const run = typeof action === 'string' ? ACTIONS[action] : undefined;
        if (!run) throw new AppError('UNKNOWN_ACTION', '不支持的操作');
        const now = ports.clock.now();
        const user = await resolveCaller(ports, caller, now);
        return run({ ports, now, user }, input);
      }),

    /** event: { requestId } to assign one, or a timer tick to retry every waiting request */
    assign: (event, caller) =>
      envelope(async () => {
        const now = ports.clock.now();
        await requireSystemOrDesk(ports, caller, now);
        if (typeof event?.requestId === 'string') {
          const outcome = await assignRequest(ports, event.requestId, now);
          await afterChange(ports, event.requestId, now);
          return { outcome };
        }
        return assignWaitingAndNotify(ports, now);
      }),

    /** timer: deadlines — response timeouts, colour changes, reminders and urges (indexed on nextCheckAt) */
    sweep: (_event, caller) =>
      envelope(async () => {
        const now = ports.clock.now();
        await requireSystemOrDesk(ports, caller, now);
        // visits nobody checked out of are closed by the same timer
        return { ...(await sweep(ports, now)), visitsClosed: await closeStaleVisits(ports, now) };
      }),

    /** timer: write outbox entries for any request still marked, then send what is due */
    notify: (_event, caller) =>
      envelope(async () => {
        const now = ports.clock.now();
        await requireSystemOrDesk(ports, caller, now);
        const marked = await ports.store.collection<ServiceRequest>(C.requests).find({ needsNotify: true }, { limit: 100 });
        for (const r of marked) await materializeNotifications(ports, r._id, now);
        // dashboard counters: finish any counting a crash interrupted (and count data that predates them)
        const stats = await countPending(ports).catch((e) => { logAndGoOn('stats')(e); return null; });
        return { materialized: marked.length, sent: await sendDue(ports, now), ...(stats?.counted ? { statsCounted: stats.counted } : {}) };
      }),
  };
}

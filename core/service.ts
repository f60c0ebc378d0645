/**
 * The service function's actions: everything the mini-program and the desk call but the spreadsheet
 * work (core/sheets.ts), which carries exceljs and its zip stack and is a function of its own.
 * CloudBase (cloudfunctions/service) and the local server (server/, through core/functions.ts) run
 * the same handler with the same event.
 */
import type { Ctx } from './context';
import { AppError } from './errors';
import { confirmRequest, reopenRequest, supplementRequest } from './feedback/enterprise-feedback';
import { acceptRequest, addProgress, pauseRequest, resolveRequest, resumeRequest } from './handling/officer-actions';
import { submitRequest } from './intake/submit';
import type { Ports } from './ports';
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
import { listLedger } from './ledger/ledger';
import { VISIT_ACTIONS } from './visits/actions';
import { listAudit } from './admin/audit';
import { createOrg, listOrgs, restoreOrg, retireOrg, updateOrg } from './admin/orgs';
import { activateStaff, deactivateStaff, inviteStaff, listStaff, redeemInvite, reinviteStaff, updateStaff } from './admin/staff';
import { listEnterprises, saveEnterprise, setStewardship } from './admin/enterprises';
import { getRules, overview, saveRules } from './admin/rules';
import { approveBinding, bindEnterprise, listBindings, listContacts, myBinding, rejectBinding, unbindEnterprise } from './intake/bind-enterprise';
import { listWarnings } from './sla/calendar-warnings';
import { dashboard } from './stats/dashboard';
import { statsVerify } from './stats/verify';
import { computeRankingAction, configureRankings, getRanking, listRankings, rankingSettings } from './rankings/rankings';
import { viewBriefing } from './briefing/briefing';

import type { FunctionOptions, Handler } from './function-shell';
import { actionFunction, type Action } from './action-function';


/** The service function's actions (answered through a Map: core/action-function.ts). */
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
  'admin.stewardship.set': setStewardship,
  'admin.rules.get': getRules,
  'admin.rules.save': saveRules,
  'admin.audit.list': listAudit,
  'system.warnings': listWarnings,
  // leaders' dashboard, 红黄榜, 简报 (core/stats, core/rankings, core/briefing)
  'stats.dashboard': dashboard,
  'stats.verify': statsVerify,
  'rankings.compute': computeRankingAction,
  'rankings.list': listRankings,
  'rankings.get': getRanking,
  'rankings.settings': rankingSettings,
  'rankings.configure': configureRankings,
  'briefing.view': viewBriefing,
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

/** every action of the service function */
export const SERVICE_ACTIONS: readonly string[] = Object.freeze(Object.keys(ACTION_TABLE));

/** the service function: every action of the mini-program and the desk but the spreadsheets (core/sheets.ts) */
export function createService(hostPorts: Ports, options: FunctionOptions = {}): Handler {
  return actionFunction(hostPorts, ACTION_TABLE, options);
}

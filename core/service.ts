/**
 * The service function's actions: the request loop and everything around it that enterprises,
 * officers, liaisons, dispatchers and departments call on every tap. Spreadsheet work (core/sheets.ts,
 * exceljs), the admin console with the leaders' figures (core/console.ts) and official visits
 * (core/visit-function.ts) are functions of their own, so this one, called most, loads least.
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
import { redeemInvite } from './admin/staff';
import { approveBinding, bindEnterprise, listBindings, listContacts, myBinding, rejectBinding, unbindEnterprise } from './intake/bind-enterprise';

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
  'messages.list': listMessages,
  'messages.read': readMessages,
  // 退回/申请改派 and 延期申请 (core/handling/objections.ts), 回访 (core/feedback/callback.ts)
  ...OBJECTION_ACTIONS,
  ...CALLBACK_ACTIONS,
  // consents, SMS choice, reach (core/notify)
  ...NOTIFY_ACTIONS,
};

/** every action of the service function */
export const SERVICE_ACTIONS: readonly string[] = Object.freeze(Object.keys(ACTION_TABLE));

/** the service function: the request loop's actions (core/functions.ts names the other functions) */
export function createService(hostPorts: Ports, options: FunctionOptions = {}): Handler {
  return actionFunction(hostPorts, ACTION_TABLE, options);
}

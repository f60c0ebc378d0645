/**
 * The service function's actions: the request loop and everything around it that enterprises,
 * officers, liaisons, dispatchers and departments call on every tap. Spreadsheet work (core/sheets.ts,
 * exceljs), the admin console with the leaders' figures (core/console.ts) and official visits
 * (core/visit-function.ts) are functions of their own, so this one, called most, loads least.
 * CloudBase (cloudfunctions/service) and the local server (server/, through core/functions.ts) run
 * the same handler with the same event.
 */
import { confirmRequest, reopenRequest, supplementRequest } from './feedback/enterprise-feedback';
import { urgeRequest } from './feedback/urge';
import { appealRequest } from './feedback/appeal';
import { addEnterpriseNote } from './feedback/note';
import { acceptRequest, addProgress, pauseRequest, resolveRequest, resumeRequest } from './handling/officer-actions';
import { submitRequest } from './intake/submit';
import { fileForEnterprise, fileForOptions } from './intake/file-for';
import { filedByMe } from './intake/filed-by-me';
import type { Ports } from './ports';
import { listMessages, readMessages } from './queries/messages';
import { me, meta } from './queries/me';
import { homeTodo } from './queries/home';
import { getRequest, myRequests, officerInbox } from './queries/read-requests';
import { LEVELS, CHANNELS, COLOURS, REJECT_KINDS, TIERS } from './contract/catalog';
import { CARD_ACTIONS } from './cards/actions';
import { OBJECTION_ACTIONS } from './handling/objections';
import { CALLBACK_ACTIONS } from './feedback/callback';
import { NOTIFY_ACTIONS } from './notify/actions';
import { deskOptions } from './desk/options';
import { escalateRequest, reassignRequest, referRequest, rejectRequest, verifyRequest } from './desk/triage';
import { listLedger } from './ledger/ledger';
import { redeemInvite } from './admin/staff';
import { approveBinding, bindEnterprise, listBindings, listContacts, myBinding, rejectBinding, unbindEnterprise } from './intake/bind-enterprise';
import type { FunctionOptions, Handler } from './function-shell';
import { actionFunction, tableOf } from './action-function';
import { ACTIONS_BY_FUNCTION, type ServiceAction } from './contract/actions';

/**
 * The service function's actions (answered through a Map: core/action-function.ts). Each use case
 * declares what follows it (core/settle.ts: settle, freed, later) where it makes its change.
 */
const ACTION_TABLE = tableOf<ServiceAction>()({
  me: async (ctx) => ({ ...(await me(ctx)), binding: await myBinding(ctx) }),
  meta: async () => ({ ...meta(), levels: LEVELS, channels: CHANNELS, colours: COLOURS, rejectKinds: REJECT_KINDS, tiers: TIERS }),
  'home.todo': homeTodo,
  'enterprise.bind': bindEnterprise,
  'request.submit': submitRequest,
  'request.fileFor': fileForEnterprise,
  'request.fileForOptions': fileForOptions,
  'request.filedByMe': filedByMe,
  'request.mine': myRequests,
  'request.get': getRequest,
  'request.accept': acceptRequest,
  'request.progress': addProgress,
  'request.resolve': resolveRequest,
  'request.confirm': confirmRequest,
  'request.reopen': reopenRequest,
  'request.pause': pauseRequest,
  'request.resume': resumeRequest,
  'request.supplement': supplementRequest,
  'request.urge': urgeRequest,
  'request.appeal': appealRequest,
  'request.note': addEnterpriseNote,
  'officer.inbox': officerInbox,
  'desk.options': deskOptions,
  'desk.verify': verifyRequest,
  'desk.reject': rejectRequest,
  'desk.reassign': reassignRequest,
  'desk.escalate': escalateRequest,
  'desk.refer': referRequest,
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
});
/** what each action answers (core/contract/answers.ts) */
export type ServiceTable = typeof ACTION_TABLE;


/** every action of the service function */
export const SERVICE_ACTIONS: readonly string[] = ACTIONS_BY_FUNCTION.service;

/** the service function: the request loop's actions (core/functions.ts names the other functions) */
export function createService(hostPorts: Ports, options: FunctionOptions = {}): Handler {
  return actionFunction(hostPorts, ACTION_TABLE, options);
}

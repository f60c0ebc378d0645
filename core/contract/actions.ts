/**
 * Every action the app calls, by the cloud function that answers it: the one list both sides read.
 * The server's action tables are typed to these names (core/service.ts, console.ts, visit-function.ts,
 * sheets.ts: a name missing from a table, or a table entry not listed here, does not compile), and
 * the pages call by these names only (src/services/call.ts `callService`), so a page cannot call an
 * action nobody answers. No imports: the mini-program bundles this file as it is.
 */
export const ACTIONS_BY_FUNCTION = {
  service: [
    'me',
    'meta',
    'home.todo',
    'enterprise.bind',
    'request.submit',
    'request.fileFor',
    'request.fileForOptions',
    'request.filedByMe',
    'request.mine',
    'request.get',
    'request.accept',
    'request.progress',
    'request.resolve',
    'request.confirm',
    'request.reopen',
    'request.pause',
    'request.resume',
    'request.supplement',
    'request.urge',
    'request.appeal',
    'request.note',
    'officer.inbox',
    'desk.options',
    'desk.verify',
    'desk.reject',
    'desk.reassign',
    'desk.escalate',
    'desk.refer',
    'card.issue',
    'card.list',
    'card.get',
    'card.accept',
    'card.reply',
    'card.progress',
    'card.final',
    'card.return',
    'card.urge',
    'card.deadline',
    'card.withdraw',
    'card.closeParty',
    'ledger.list',
    'enterprise.unbind',
    'enterprise.contacts',
    'binding.list',
    'binding.approve',
    'binding.reject',
    'invite.redeem',
    'messages.list',
    'messages.read',
    'request.handBack',
    'request.extension.ask',
    'desk.extension.decide',
    'callback.record',
    'notify.settings',
    'notify.consent',
    'notify.smsOptIn',
    'desk.reach',
  ],
  console: [
    'system.warnings',
    'stats.dashboard',
    'stats.verify',
    'stats.notify',
    'rankings.compute',
    'rankings.list',
    'rankings.get',
    'rankings.settings',
    'rankings.configure',
    'briefing.view',
    // the knowledge base: the submit page's suggestions too, so the matcher stays out of the service bundle
    'kb.suggest',
    'kb.helped',
    'kb.list',
    'kb.save',
    'kb.remove',
    // the responsibility list (事项清单): the submit page's items, the dispatcher's triage, the console's upkeep
    'items.suggest',
    'items.triage',
    'items.list',
    'items.save',
    'items.remove',
    // 并件 (core/desk/merge.ts; a linked enterprise's score stays in the service function); the clusters
    // it merges are found in the sheets function, with the duplicate lexicon
    'desk.merge',
    'desk.unmerge',
    // 茶叙会/企业家日: a dispatcher's occasional entry of a meeting's problems (core/intake/meeting.ts)
    'meeting.record',
  ],
  visits: [
    'visit.code',
    'visit.poster',
    'visit.scan',
    'visit.checkin',
    'visit.join',
    'visit.checkout',
    'visit.lateRegister',
    'visit.current',
    'visit.fileRequest',
    'visit.score',
    'visit.complain',
    'visit.mine',
    'visit.get',
    'visit.list',
    'visit.figures',
    'visit.options',
    'visit.officerCode',
    'visit.checkOfficer',
    'plan.create',
    'plan.list',
    'plan.proposals',
    'plan.merge',
    'plan.cancel',
  ],
  sheets: [
    // the admin console's upkeep (orgs, staff, the registry, rules, the audit log): rare calls, beside its imports
    'admin.overview',
    'admin.orgs.list',
    'admin.orgs.create',
    'admin.orgs.update',
    'admin.orgs.retire',
    'admin.orgs.restore',
    'admin.staff.list',
    'admin.staff.invite',
    'admin.staff.update',
    'admin.staff.deactivate',
    'admin.staff.activate',
    'admin.staff.reinvite',
    'admin.enterprises.list',
    'admin.enterprises.save',
    'admin.stewardship.set',
    'admin.rules.get',
    'admin.rules.save',
    'admin.audit.list',
    'ledger.export',
    'admin.enterprises.template',
    'admin.enterprises.import',
    'admin.enterprises.importErrors',
    'hotline.import',
    'kb.template',
    'kb.import',
    'items.template',
    'items.import',
    'briefing.generate',
    // 疑似重复: the desk's clusters and its 不是重复 (core/desk/duplicate-clusters.ts). The duplicate
    // lexicon grows with every sector it learns; in this function's 1 MB it has room, and a
    // dispatcher opens the page a few times a day
    'desk.duplicates',
    'desk.notDuplicate',
  ],
} as const;

export type ActionFunctionName = keyof typeof ACTIONS_BY_FUNCTION;
export type ServiceAction = (typeof ACTIONS_BY_FUNCTION)['service'][number];
export type ConsoleAction = (typeof ACTIONS_BY_FUNCTION)['console'][number];
export type VisitAction = (typeof ACTIONS_BY_FUNCTION)['visits'][number];
export type SheetAction = (typeof ACTIONS_BY_FUNCTION)['sheets'][number];
/** an action's name, as the pages send it */
export type ActionName = ServiceAction | ConsoleAction | VisitAction | SheetAction;

const OWNER = new Map<string, ActionFunctionName>(
  (Object.keys(ACTIONS_BY_FUNCTION) as ActionFunctionName[]).flatMap((fn) => ACTIONS_BY_FUNCTION[fn].map((a) => [a, fn] as [string, ActionFunctionName])),
);

/** the function that answers an action; a name nobody answers goes to service, which says UNKNOWN_ACTION */
export const functionOf = (action: unknown): ActionFunctionName => (typeof action === 'string' && OWNER.get(action)) || 'service';

/** whether some function answers this name */
export const isAction = (name: string): name is ActionName => OWNER.has(name);

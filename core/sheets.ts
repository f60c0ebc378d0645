/**
 * The sheets function: the spreadsheet actions (ledger export, the enterprise registry's template,
 * import and its bad rows as a workbook, the imports of 12345, the knowledge base and the
 * responsibility list, the briefing's workbook), and the admin console's upkeep beside them (orgs,
 * staff, the registry, rules, the audit log), and the desk's duplicate clusters with their lexicon,
 * which grows with every sector it learns. Only the spreadsheets need exceljs and its zip stack
 * (about 1 MB bundled, the budget of this function); the admin's calls are rare and its pages already
 * call here for their imports. So the service function, called on every tap, and the console
 * function, which the submit page's suggestions call, stay small.
 */
import { listAudit } from './admin/audit';
import { createOrg, listOrgs, restoreOrg, retireOrg, updateOrg } from './admin/orgs';
import { activateStaff, deactivateStaff, inviteStaff, listStaff, reinviteStaff, updateStaff } from './admin/staff';
import { getRules, overview, saveRules } from './admin/rules';
import { enterpriseTemplate, importEnterprises, importErrorRows, listEnterprises, saveEnterprise, setStewardship } from './admin/enterprises';
import { generateBriefing } from './briefing/briefing';
import { importHotline } from './intake/hotline';
import { importKb, kbTemplate } from './knowledge/kb-import';
import { importItems, itemTemplate } from './knowledge/items-import';
import { exportLedger } from './ledger/ledger';
import { deskDuplicates, deskNotDuplicate } from './desk/duplicate-clusters';
import { actionFunction, tableOf } from './action-function';
import { ACTIONS_BY_FUNCTION, type SheetAction } from './contract/actions';
import type { FunctionOptions, Handler } from './function-shell';
import type { Ports } from './ports';
import { provideExcel } from './excel';

// the one place exceljs enters a bundle: only this function's
// eslint-disable-next-line @typescript-eslint/no-require-imports
provideExcel(() => require('exceljs'));

const SHEET_TABLE = tableOf<SheetAction>()({
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
  'ledger.export': exportLedger,
  'admin.enterprises.template': enterpriseTemplate,
  'admin.enterprises.import': importEnterprises,
  'admin.enterprises.importErrors': importErrorRows,
  'hotline.import': importHotline,
  'kb.template': kbTemplate,
  'kb.import': importKb,
  'items.template': itemTemplate,
  'items.import': importItems,
  'briefing.generate': generateBriefing,
  'desk.duplicates': deskDuplicates,
  'desk.notDuplicate': deskNotDuplicate,
});
/** what each action answers (core/contract/answers.ts) */
export type SheetTable = typeof SHEET_TABLE;


/** every action of the sheets function (core/contract/actions.ts) */
export const SHEET_ACTIONS: readonly string[] = ACTIONS_BY_FUNCTION.sheets;

export function createSheets(hostPorts: Ports, options: FunctionOptions = {}): Handler {
  return actionFunction(hostPorts, SHEET_TABLE, options);
}

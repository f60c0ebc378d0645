/**
 * The sheets function: the spreadsheet actions (ledger export, the enterprise registry's template,
 * import and its bad rows as a workbook, the briefing's workbook). They alone need exceljs and its
 * zip stack (about 1 MB bundled), so they are a function of their own and the service function,
 * called on every tap, stays small.
 */
import { enterpriseTemplate, importEnterprises, importErrorRows } from './admin/enterprises';
import { generateBriefing } from './briefing/briefing';
import { importHotline } from './intake/hotline';
import { importKb, kbTemplate } from './knowledge/kb-import';
import { importItems, itemTemplate } from './knowledge/items-import';
import { exportLedger } from './ledger/ledger';
import { actionFunction, tableOf } from './action-function';
import { ACTIONS_BY_FUNCTION, type SheetAction } from './contract/actions';
import type { FunctionOptions, Handler } from './function-shell';
import type { Ports } from './ports';
import { provideExcel } from './excel';

// the one place exceljs enters a bundle: only this function's
// eslint-disable-next-line @typescript-eslint/no-require-imports
provideExcel(() => require('exceljs'));

const SHEET_TABLE = tableOf<SheetAction>()({
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
});
/** what each action answers (core/contract/answers.ts) */
export type SheetTable = typeof SHEET_TABLE;


/** every action of the sheets function (core/contract/actions.ts) */
export const SHEET_ACTIONS: readonly string[] = ACTIONS_BY_FUNCTION.sheets;

export function createSheets(hostPorts: Ports, options: FunctionOptions = {}): Handler {
  return actionFunction(hostPorts, SHEET_TABLE, options);
}

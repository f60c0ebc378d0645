/**
 * The sheets function: the spreadsheet actions (ledger export, the enterprise registry's template and
 * import, the briefing's workbook). They alone need exceljs and its zip stack (about 1 MB bundled), so
 * they are a function of their own and the service function, called on every tap, stays small.
 */
import { enterpriseTemplate, importEnterprises } from './admin/enterprises';
import { generateBriefing } from './briefing/briefing';
import { exportLedger } from './ledger/ledger';
import { actionFunction, type Action } from './action-function';
import type { FunctionOptions, Handler } from './function-shell';
import type { Ports } from './ports';
import { provideExcel } from './excel';

// the one place exceljs enters a bundle: only this function's
// eslint-disable-next-line @typescript-eslint/no-require-imports
provideExcel(() => require('exceljs'));

const SHEET_TABLE: Record<string, Action> = {
  'ledger.export': exportLedger,
  'admin.enterprises.template': enterpriseTemplate,
  'admin.enterprises.import': importEnterprises,
  'briefing.generate': generateBriefing,
};

/** every action of the sheets function (src/services/call.ts routes these names to it) */
export const SHEET_ACTIONS: readonly string[] = Object.freeze(Object.keys(SHEET_TABLE));

export function createSheets(hostPorts: Ports, options: FunctionOptions = {}): Handler {
  return actionFunction(hostPorts, SHEET_TABLE, options);
}

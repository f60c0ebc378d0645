// No imports: the tests load this module as it is (tests/integration/client-actions.test.ts).

export type FunctionName = 'service' | 'console' | 'visits' | 'sheets' | 'assign' | 'notify';

/**
 * Which cloud function answers an action (core/functions.ts functionOf; a test holds the two to each
 * other, tests/integration/client-actions.test.ts): the spreadsheet actions go to `sheets` (exceljs),
 * the admin console and leaders' figures to `console`, official visits and plans to `visits`,
 * everything else to `service`.
 */
export const SHEET_ACTIONS: readonly string[] = ['ledger.export', 'admin.enterprises.template', 'admin.enterprises.import', 'briefing.generate'];
const CONSOLE_PREFIXES = ['admin.', 'stats.', 'rankings.', 'briefing.', 'system.'];
const VISIT_PREFIXES = ['visit.', 'plan.'];

export function functionFor(action: string): FunctionName {
  if (SHEET_ACTIONS.includes(action)) return 'sheets';
  if (CONSOLE_PREFIXES.some((p) => action.startsWith(p))) return 'console';
  if (VISIT_PREFIXES.some((p) => action.startsWith(p))) return 'visits';
  return 'service';
}

/**
 * The cloud functions, as plain handlers over the ports. CloudBase (cloudfunctions/*) and the local
 * server (server/) both call these with the same event, so the product behaves the same in WeChat and
 * in a browser. Each deployable function's main imports only its own module (core/service.ts,
 * core/sheets.ts, core/timers.ts), so its bundle holds only what it runs; this module puts them
 * together for the local server and the tests.
 */
import type { FunctionOptions, Handler } from './function-shell';
import type { Ports } from './ports';
import { createService, SERVICE_ACTIONS } from './service';
import { createSheets, SHEET_ACTIONS } from './sheets';
import { createTimers } from './timers';

export { createService, SERVICE_ACTIONS } from './service';
export { createSheets, SHEET_ACTIONS } from './sheets';
export type { Envelope, Handler, FunctionOptions, FollowUpHost } from './function-shell';
export { assertPlainData } from './function-shell';

/** the deployable functions; service and sheets answer actions, the timers refuse any event naming one */
export const FUNCTION_NAMES = Object.freeze(['service', 'sheets', 'assign', 'notify', 'sweep'] as const);
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** every action the app calls, each answered by exactly one function */
export const ACTIONS: readonly string[] = Object.freeze([...SERVICE_ACTIONS, ...SHEET_ACTIONS]);

/** the function that answers an action (service unless it is a spreadsheet action) */
export const functionOf = (action: unknown): 'service' | 'sheets' =>
  typeof action === 'string' && SHEET_ACTIONS.includes(action) ? 'sheets' : 'service';

/** all the functions over one set of ports: the local server and the tests */
export function createFunctions(hostPorts: Ports, options: FunctionOptions = {}): Record<FunctionName, Handler> {
  return { service: createService(hostPorts, options), sheets: createSheets(hostPorts, options), ...createTimers(hostPorts, options) };
}

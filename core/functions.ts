/**
 * The cloud functions, as plain handlers over the ports. CloudBase (cloudfunctions/*) and the local
 * server (server/) both call these with the same event, so the product behaves the same in WeChat and
 * in a browser. Each deployable function's main imports only its own module (core/service.ts,
 * core/console.ts, core/visit-function.ts, core/sheets.ts, core/timers.ts), so its bundle holds only
 * what it runs; this module puts them together for the local server and the tests.
 */
import { assertPlainData, type Envelope, type FollowUpHost, type FunctionOptions, type Handler } from './function-shell';
import type { Ports } from './ports';
import { ACTIONS_BY_FUNCTION, functionOf, type ActionFunctionName } from './contract/actions';
import { createConsole, CONSOLE_ACTIONS } from './console';
import { createService, SERVICE_ACTIONS } from './service';
import { createSheets, SHEET_ACTIONS } from './sheets';
import { createTimers } from './timers';
import { createVisits, VISIT_FUNCTION_ACTIONS } from './visit-function';

export { assertPlainData, createConsole, createService, createSheets, createVisits, CONSOLE_ACTIONS, SERVICE_ACTIONS, SHEET_ACTIONS, VISIT_FUNCTION_ACTIONS };
export type { Envelope, FollowUpHost, FunctionOptions, Handler };

/**
 * The deployable functions. service, console, visits and sheets answer actions, split by who calls
 * them and what they carry so that each bundle holds only what it needs; the timers refuse any event
 * naming one.
 */
export const FUNCTION_NAMES = Object.freeze(['service', 'console', 'visits', 'sheets', 'assign', 'notify', 'sweep'] as const);
export type FunctionName = (typeof FUNCTION_NAMES)[number];
export type { ActionFunctionName };

/** every action the app calls, each answered by exactly one function (core/contract/actions.ts) */
export const ACTIONS: readonly string[] = Object.freeze(Object.values(ACTIONS_BY_FUNCTION).flat());

/** the function that answers an action (service for a name no function has: it answers UNKNOWN_ACTION) */
export { functionOf };

/** all the functions over one set of ports: the local server and the tests */
export function createFunctions(hostPorts: Ports, options: FunctionOptions = {}): Record<FunctionName, Handler> {
  return {
    service: createService(hostPorts, options),
    console: createConsole(hostPorts, options),
    visits: createVisits(hostPorts, options),
    sheets: createSheets(hostPorts, options),
    ...createTimers(hostPorts, options),
  };
}

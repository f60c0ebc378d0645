/**
 * The visits function: official visits by QR code (公务入企扫码备案) and planned inspections
 * (core/visits). Officials scan and check in on their phones, enterprises rate the visit; none of it
 * touches the request loop's hot path but `visit.fileRequest`, which files a request from a visit
 * like a submit does. A function of its own so that the service function stays small.
 */
import { VISIT_ACTIONS } from './visits/actions';
import { actionFunction } from './action-function';
import { ACTIONS_BY_FUNCTION } from './contract/actions';
import type { FunctionOptions, Handler } from './function-shell';
import type { Ports } from './ports';

/** every action of the visits function (core/contract/actions.ts) */
export const VISIT_FUNCTION_ACTIONS: readonly string[] = ACTIONS_BY_FUNCTION.visits;

/** what each action answers (core/contract/answers.ts) */
export type VisitTable = typeof VISIT_ACTIONS;

export function createVisits(hostPorts: Ports, options: FunctionOptions = {}): Handler {
  return actionFunction(hostPorts, VISIT_ACTIONS, options);
}

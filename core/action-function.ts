/**
 * A deployable function that answers named actions (service, sheets): the caller resolved from the
 * transport's identity, a deactivated account refused all but `me` and `meta`, the answer wrapped as
 * plain data with errors as stable codes, and the action's follow-up work (ctx.later) handed to the
 * host after the answer. Only an action of the function's own table answers: a Map, so "constructor",
 * "toString" or "__proto__" name nothing.
 */
import type { Ctx, FollowUp } from './context';
import { AppError } from './errors';
import { resolveCaller } from './identity/resolve-caller';
import type { Ports } from './ports';
import { matchesBootstrapCode } from './admin/staff';
import { envelope, eventOf, forbiddenOf, hasOwn, runFollowUps, withoutBootstrapCode, type FunctionOptions, type Handler } from './function-shell';

export type Action = (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;

/**
 * A function's action table, held to the contract (core/contract/actions.ts): every name the contract
 * gives the function has a use case, and an entry the contract does not list does not compile.
 * `tableOf<ServiceAction>()({ ... })`. The table keeps each use case's own type, so the pages can be
 * typed by what an action answers (core/contract/answers.ts).
 */
export const tableOf =
  <Names extends string>() =>
  <T extends Record<Names, Action>>(table: T & Record<Exclude<keyof T, Names>, never>): T =>
    table;

/** what a deactivated account may still call: who am I (so the app can say it is deactivated), and the catalog */
const INACTIVE_ALLOWED = new Set(['me', 'meta']);

export function actionFunction(hostPorts: Ports, table: Record<string, Action>, options: FunctionOptions = {}): Handler {
  const ACTIONS = new Map<string, Action>(Object.entries(table));
  const ports = withoutBootstrapCode(hostPorts);
  /** compared in constant time; the code itself never enters an action's context */
  const isBootstrapCode = (code: string) => matchesBootstrapCode(hostPorts.config?.bootstrapAdminCode, code);
  const forbidden = (...more: object[]) => forbiddenOf(hostPorts, ports, more);
  return async (event, caller) => {
      let ctx: Ctx | null = null;
      // what the action leaves for after its answer (core/settle.ts); run even if it failed after queueing
      const queued: FollowUp[] = [];
      const answer = await envelope(async () => {
        const ev = eventOf(event);
        const { action: named, ...input } = ev;
        // only the event's own field names an action (an inherited one is no action, as for the other functions)
        const action = hasOwn(ev, 'action') ? named : undefined;
        const run = typeof action === 'string' ? ACTIONS.get(action) : undefined;
        if (!run) throw new AppError('UNKNOWN_ACTION', '不支持的操作');
        const now = ports.clock.now();
        const user = await resolveCaller(ports, caller, now);
        if (!user.active && !INACTIVE_ALLOWED.has(action as string)) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员');
        ctx = { ports, now, user, isBootstrapCode, later: (work) => { queued.push(work); } };
        return run(ctx, input);
      }, () => forbidden(...(ctx ? [ctx] : [])));
      if (queued.length) {
        const go = () => runFollowUps(ports, queued);
        if (options.followUps) await options.followUps(go);
        else await go();
      }
      return answer;
  };
}

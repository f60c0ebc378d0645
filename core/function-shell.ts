/**
 * What every deployable function shares around its work: the answer envelope (plain data only,
 * errors as stable codes), the event's shape, who may call a timer function by hand, and the ports
 * as actions see them (without the bootstrap admin code), and how a host runs an action's follow-ups.
 * core/action-function.ts (the service and sheets functions) and core/timers.ts (assign, notify,
 * sweep) both build on it, so a timer's bundle never carries the actions.
 */
import type { TimerName } from './budget';
import { requireRole } from './context';
import { AppError, toErrorBody, type ErrorBody } from './errors';
import { resolveCaller } from './identity/resolve-caller';
import type { Caller, Ports } from './ports';

export type Envelope<T = unknown> = { ok: true; data: T } | ErrorBody;
export type Handler = (event: Record<string, unknown>, caller: Caller | null) => Promise<Envelope>;

/**
 * What a timer run that stopped early (or filled a page) leaves for the next tick: `more: true` and
 * the counts that are not zero, or nothing when nothing is left. One indexed count each.
 */
export async function leftOver(counts: Record<string, () => Promise<number>>): Promise<{ more?: true; left?: Record<string, number> }> {
  const left: Record<string, number> = {};
  for (const [k, count] of Object.entries(counts)) {
    const n = await count();
    if (n > 0) left[k] = n;
  }
  return Object.keys(left).length ? { more: true, left } : {};
}

/** a pointer to whatever an answer must never carry: the context, the ports and everything in them */
export type Forbidden = ReadonlySet<object>;

const MAX_ANSWER_DEPTH = 40;

/**
 * Answers are data: plain objects, arrays, strings, numbers, booleans, null (and Dates, which
 * serialise as strings). A function, a class instance (a store, a notifier), the context or the
 * ports in an answer is a bug, and the answer is refused instead of serialised. One walk over
 * the answer, the same work JSON.stringify does anyway.
 */
export function assertPlainData(value: unknown, forbidden: Forbidden = new Set()): void {
  const path: string[] = [];
  const refuse = (why: string): never => {
    throw new Error(`answer is not plain data at ${path.join('.') || '(root)'}: ${why}`);
  };
  const walk = (v: unknown): void => {
    if (v === null || v === undefined) return;
    const t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return;
    if (t !== 'object') return refuse(t);
    const obj = v as object;
    if (forbidden.has(obj)) return refuse('the context or a port');
    if (path.length >= MAX_ANSWER_DEPTH) return refuse('too deep (a cycle?)');
    if (obj instanceof Date) return;
    const isArray = Array.isArray(obj);
    if (!isArray) {
      const proto = Object.getPrototypeOf(obj);
      if (proto !== Object.prototype && proto !== null) return refuse(proto?.constructor?.name ?? 'an object with a prototype');
    }
    for (const k of Object.keys(obj)) {
      path.push(k);
      walk((obj as Record<string, unknown>)[k]);
      path.pop();
    }
  };
  walk(value);
}

export async function envelope(run: () => Promise<unknown>, forbidden: () => Forbidden): Promise<Envelope> {
  try {
    const data = await run();
    assertPlainData(data, forbidden());
    return { ok: true, data };
  } catch (e) {
    if (!(e instanceof AppError)) console.error('[internal]', e);
    return toErrorBody(e);
  }
}

export const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** an event is a plain JSON object; anything else reads as an empty one */
export const eventOf = (event: unknown): Record<string, unknown> =>
  event && typeof event === 'object' && !Array.isArray(event) ? (event as Record<string, unknown>) : {};

/** assign, notify and sweep have no actions: an event that names one is a mistake, not a timer tick */
export function refuseActions(event: Record<string, unknown>) {
  if (hasOwn(event, 'action')) throw new AppError('UNKNOWN_ACTION', '不支持的操作：该云函数不接受 action');
}

/** Timer-triggered calls carry no caller; a person calling an internal function must be active desk staff. */
export async function requireSystemOrDesk(ports: Ports, caller: Caller | null, now: Date) {
  if (!caller) return;
  const user = await resolveCaller(ports, caller, now);
  requireRole(user, 'dispatcher', 'admin');
}

/** the deployment config without the bootstrap admin code */
export function publicConfig(config: Ports['config']): Ports['config'] {
  if (!config) return config;
  const { bootstrapAdminCode, ...rest } = config;
  void bootstrapAdminCode;
  return rest;
}

/**
 * The ports as actions see them: live (a test or the host may swap a port later), but the
 * deployment config comes without the bootstrap admin code, so no action can read or return it.
 */
export function withoutBootstrapCode(ports: Ports): Ports {
  return new Proxy(ports, {
    get: (t, k, r) => (k === 'config' ? publicConfig(t.config) : Reflect.get(t, k, r)),
    getOwnPropertyDescriptor: (t, k) => {
      const d = Reflect.getOwnPropertyDescriptor(t, k);
      return d && k === 'config' ? { ...d, value: publicConfig(t.config) } : d;
    },
  });
}

/**
 * How a host runs an action's follow-up work (ctx.later, core/settle.ts). `run` does all of it and
 * never throws. The local server starts it right after the answer is written; the tests' harness
 * runs it before handing the answer to the test; a host that gives none runs it before answering.
 * CloudBase freezes an instance once its function returns, so there the timers do it (core/timers.ts).
 */
export type FollowUpHost = (run: () => Promise<void>) => void | Promise<void>;

/** the queued follow-ups of one call, one after the other; a failure is logged, and the timers redo that step */
export async function runFollowUps(ports: Ports, queued: ReadonlyArray<(ports: Ports) => Promise<unknown>>): Promise<void> {
  for (const work of queued) {
    try {
      await work(ports);
    } catch (e) {
      console.error('[follow-up] deferred to timer:', (e as Error)?.message ?? e);
    }
  }
}

export type FunctionOptions = {
  /** where the service function's follow-up work runs (default: before the answer) */
  followUps?: FollowUpHost;
  /**
   * Wall-clock work budgets of the timers in ms; by default a fraction of each function's timeout
   * in its config.json (core/budget.ts). Tests set them; Infinity for no budget.
   */
  budgetMs?: Partial<Record<TimerName, number>>;
};


/** the ports and everything in them, plus `more` (a context): what no answer may carry */
export function forbiddenOf(hostPorts: Ports, ports: Ports, more: object[] = []): Forbidden {
  const set = new Set<object>([hostPorts, ports, ...more]);
  for (const v of Object.values(hostPorts)) if (v && (typeof v === 'object' || typeof v === 'function')) set.add(v as object);
  return set;
}

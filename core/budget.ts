/**
 * Wall-clock budgets for the timer functions (assign, notify, sweep).
 *
 * CloudBase ends a function at its timeout wherever it is (3 s unless its config.json says
 * otherwise). A timer that meets a backlog must therefore stop starting new work before that
 * happens, answer what it did and that more is left (`more: true`), and let the next tick (every
 * minute, every five for sweep) go on. Each unit of work it starts (one request swept, assigned or
 * notified, one outbox entry sent) is finished, and each unit is already safe to repeat or resume
 * (conditional updates on the version read), so stopping between two units loses nothing.
 *
 * The budget is a fraction of the function's own timeout, read from cloudfunctions/<name>/config.json
 * at build time: the config.json that sets the timeout in the cloud is the one place it is written.
 */
import assignConfig from '../cloudfunctions/assign/config.json';
import notifyConfig from '../cloudfunctions/notify/config.json';
import consoleConfig from '../cloudfunctions/console/config.json';
import serviceConfig from '../cloudfunctions/service/config.json';
import sheetsConfig from '../cloudfunctions/sheets/config.json';
import sweepConfig from '../cloudfunctions/sweep/config.json';
import visitsConfig from '../cloudfunctions/visits/config.json';
import type { Clock } from './ports';

export type FunctionName = 'service' | 'console' | 'visits' | 'sheets' | 'assign' | 'notify' | 'sweep';
export type TimerName = Exclude<FunctionName, 'service' | 'console' | 'visits' | 'sheets'>;

/** CloudBase's timeout when config.json sets none */
export const DEFAULT_TIMEOUT_S = 3;

const CONFIGS: Record<FunctionName, { timeout?: number }> = {
  service: serviceConfig as { timeout?: number },
  console: consoleConfig as { timeout?: number },
  visits: visitsConfig as { timeout?: number },
  sheets: sheetsConfig as { timeout?: number },
  assign: assignConfig as { timeout?: number },
  notify: notifyConfig as { timeout?: number },
  sweep: sweepConfig as { timeout?: number },
};

/** the function's timeout in seconds, as its config.json sets it (CloudBase's default otherwise) */
export function functionTimeoutS(name: FunctionName): number {
  const t = CONFIGS[name]?.timeout;
  return typeof t === 'number' && t > 0 ? t : DEFAULT_TIMEOUT_S;
}

/**
 * How long a run may keep starting new work: the timeout less a reserve for the unit of work in
 * flight when the budget runs out (a sweep that times out an assignment re-assigns and notifies,
 * a few dozen database calls and a subscribe-message push), the answer, and a cold start that
 * the function's own clock does not see. The reserve is a fifth of the timeout and at least 1 s:
 * 3 s → 2 s, 10 s → 8 s, 20 s → 16 s, 30 s → 24 s, 60 s → 48 s.
 */
export function workBudgetMs(timeoutS: number): number {
  const ms = timeoutS * 1000;
  return Math.max(ms - Math.max(1000, ms / 5), ms / 2);
}

/** the work budget of a timer function, derived from its config.json timeout */
export const timerBudgetMs = (name: TimerName): number => workBudgetMs(functionTimeoutS(name));

/**
 * Extra work an interactive call does on the side (a freed slot lets waiting requests in): kept
 * short so the caller's answer is not held up; whatever is left waits for the assign timer.
 */
export const INTERACTIVE_SIDE_WORK_MS = 1000;

export type Budget = {
  /** how long this run may keep starting new work */
  readonly ms: number;
  /** true once the budget is used up: start nothing new */
  spent(): boolean;
  elapsedMs(): number;
};

/** a budget that starts now on the ports' clock (a fake clock in tests, the wall clock in the cloud) */
export function startBudget(clock: Clock, ms: number): Budget {
  const t0 = clock.now().getTime();
  const elapsedMs = () => clock.now().getTime() - t0;
  return { ms, elapsedMs, spent: () => elapsedMs() >= ms };
}

/** never spent: for callers that bound their work some other way */
export const NO_BUDGET: Budget = { ms: Infinity, spent: () => false, elapsedMs: () => 0 };

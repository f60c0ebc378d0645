/**
 * home.todo: what waits for the caller, counted per role, for the 待办 band of the home page. Each
 * count is one indexed count (or a page of cards the department reads anyway); the page opens the
 * filtered list behind each figure. A leader also gets three headline figures of this month.
 */
import { FILED_TAB_STATUSES } from '../contract/file-for';
import { OPEN_STATUSES } from '../contract/catalog';
import { hasRole, type Ctx } from '../context';
import { requestRepo } from '../repos/requests';
import { ledgerQuery } from '../ledger/ledger';
import { listCards } from '../cards/supervision-card';
import { dashboard } from '../stats/dashboard';
import { sent } from '../contract/schema';
import type { CardListInput } from '../contract/desk';
import type { StatsDashboardInput } from '../contract/figures';

/** one figure of the band: what it counts (the page knows its words and where it leads) */
export type TodoKey =
  | 'supplement' | 'rate' | 'overdue' // the enterprise's own requests
  | 'accept' | 'handling' | 'overdueMine' // an officer's or liaison's
  | 'dispatch' | 'callbackDue' // a dispatcher's centers: 待调度, 待回访
  | 'cards' // a department's supervision cards
  | 'filedOpen' | 'filedAnswered'; // what a CPPCC member filed (政协委员直通车): still handled, answered

export type HomeTodo = {
  todo: Array<{ key: TodoKey; count: number }>;
  /** the leader's headline figures of this month */
  month?: { label: string; from: string; to: string; collected: number; overdue: number; satisfactionRate: number | null };
};

export async function homeTodo(ctx: Ctx): Promise<HomeTodo> {
  const u = ctx.user;
  const requests = requestRepo(ctx.ports.store);
  const jobs: Array<Promise<Array<{ key: TodoKey; count: number }>>> = [];
  const counted = (key: TodoKey, n: Promise<number>) => n.then((count) => [{ key, count }]);
  if (hasRole(u, 'enterprise') && u.enterpriseId) {
    const e = u.enterpriseId;
    jobs.push(counted('supplement', requests.countOfEnterprise(e, ['paused'])));
    // 待评价: its answered requests, and (并件) its linked ones whose main is answered
    jobs.push(counted('rate', Promise.all([requests.countOfEnterprise(e, ['resolved']), requests.countLinkedToRate(e)]).then(([a, b]) => a + b)));
    jobs.push(counted('overdue', requests.countOfEnterprise(e, OPEN_STATUSES, 'red')));
  }
  if (hasRole(u, 'officer', 'liaison')) {
    jobs.push(counted('accept', requests.countOfAssignee(u._id, ['assigned'])));
    jobs.push(counted('handling', requests.countOfAssignee(u._id, ['accepted', 'paused'])));
    jobs.push(counted('overdueMine', requests.countOfAssignee(u._id, OPEN_STATUSES, 'red')));
  }
  if (hasRole(u, 'dispatcher')) {
    // the ledger's own queries (the figures open the ledger filtered the same way)
    jobs.push(ledgerQuery(ctx, { status: 'dispatch' }).then((q) => counted('dispatch', requests.ledgerCount(q))));
    jobs.push(ledgerQuery(ctx, { callback: 'due' }).then((q) => counted('callbackDue', requests.ledgerCount(q))));
  }
  if (hasRole(u, 'cppcc')) {
    // the same sets as the tabs these figures open (request.filedByMe)
    jobs.push(counted('filedOpen', requests.countOfFiler(u._id, FILED_TAB_STATUSES.open!)));
    jobs.push(counted('filedAnswered', requests.countOfFiler(u._id, FILED_TAB_STATUSES.answered!)));
  }
  if (hasRole(u, 'department') && u.departmentId) {
    jobs.push(listCards(ctx, sent<typeof CardListInput>({ tab: 'todo' })).then((l) => [{ key: 'cards' as const, count: l.counts.todo }]));
  }
  const [lists, month] = await Promise.all([
    Promise.all(jobs),
    hasRole(u, 'leader') ? dashboard(ctx, sent<typeof StatsDashboardInput>({ period: 'month' })) : null,
  ]);
  return {
    todo: lists.flat(),
    ...(month ? { month: { label: month.period.label, from: month.period.from, to: month.period.to, collected: month.figures.collected, overdue: month.figures.overdue, satisfactionRate: month.figures.satisfactionRate } } : {}),
  };
}

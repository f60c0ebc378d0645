/** home.todo: each role's 待办 figures on the seeded district equal what its own lists count. */
import { OPEN_STATUSES } from '../contract/catalog';
import { seededDistrict } from '../../tests/support/seeded';

const w = seededDistrict();
const { as } = w;
const figure = (d: { todo: Array<{ key: string; count: number }> }, key: string) => d.todo.find((t) => t.key === key)?.count;

test('the enterprise: 需补充材料, 待评价 and 超期 of its own requests', async () => {
  const d = await as('u-linxiao', { action: 'home.todo' });
  const user = await w.h.ports.store.collection<{ _id: string; enterpriseId: string }>('users').get('u-linxiao');
  const mine = await w.h.requests().find({ enterpriseId: user!.enterpriseId }, { limit: 100 });
  // the demo gives 林晓's company an overdue request: the figure is not trivially zero
  expect(mine.some((r) => r.colour === 'red' && OPEN_STATUSES.includes(r.status))).toBe(true);
  expect(figure(d, 'supplement')).toBe(mine.filter((r) => r.status === 'paused').length);
  expect(figure(d, 'rate')).toBe(mine.filter((r) => r.status === 'resolved').length);
  expect(figure(d, 'overdue')).toBe(mine.filter((r) => OPEN_STATUSES.includes(r.status) && r.colour === 'red').length);
  // none of the staff figures, no leader headline
  expect(d.todo.map((t: { key: string }) => t.key).sort()).toEqual(['overdue', 'rate', 'supplement']);
  expect(d.month).toBeUndefined();
});

test('the officer: 待签收 and 办理中 as the inbox counts them, and its own overdue', async () => {
  const d = await as('u-zhangwei', { action: 'home.todo' });
  const inbox = await as('u-zhangwei', { action: 'officer.inbox', tab: 'todo' });
  expect(figure(d, 'accept')).toBe(inbox.counts.todo);
  expect(figure(d, 'handling')).toBe(inbox.counts.doing);
  const red = await w.h.requests().count({ assigneeId: 'u-zhangwei', status: { $in: [...OPEN_STATUSES] }, colour: 'red' });
  expect(figure(d, 'overdueMine')).toBe(red);
});

test('the dispatcher: 待调度 as the ledger filtered to it counts, the department: its cards to accept', async () => {
  const d = await as('u-sunli', { action: 'home.todo' });
  const ledger = await as('u-sunli', { action: 'ledger.list', status: 'dispatch' });
  expect(figure(d, 'dispatch')).toBe(ledger.total);
  const due = await as('u-sunli', { action: 'ledger.list', callback: 'due' });
  expect(figure(d, 'callbackDue')).toBe(due.total);
  const dept = await as('u-qianjun', { action: 'home.todo' });
  const cards = await as('u-qianjun', { action: 'card.list', tab: 'todo' });
  expect(figure(dept, 'cards')).toBe(cards.counts.todo);
});

test("the leader: this month's 收集, 超期 and 满意度 as the dashboard shows them", async () => {
  const d = await as('u-majianguo', { action: 'home.todo' });
  const dash = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  expect(d.month).toEqual({ label: dash.period.label, from: dash.period.from, to: dash.period.to, collected: dash.figures.collected, overdue: dash.figures.overdue, satisfactionRate: dash.figures.satisfactionRate });
  expect(d.month.collected).toBeGreaterThan(0);
});

test("the officer's work in hand comes nearest deadline first; what is done, newest first", async () => {
  // the handler with the most work in hand in the seeded district
  const inHand = await w.h.requests().find({ status: { $in: ['accepted', 'paused'] } }, { limit: 100 });
  const load = new Map<string, number>();
  for (const r of inHand) if (r.assigneeId) load.set(r.assigneeId, (load.get(r.assigneeId) ?? 0) + 1);
  const [busiest] = [...load].sort((a, b) => b[1] - a[1])[0];
  const doing = await as(busiest, { action: 'officer.inbox', tab: 'doing' });
  expect(doing.items.length).toBeGreaterThan(2);
  const due = doing.items.map((r: { dueAt: string | null }) => r.dueAt ?? '');
  expect(due).toEqual([...due].sort());
  // not merely the newest-first order it had before
  const created = doing.items.map((r: { createdAt: string }) => r.createdAt);
  expect(created).not.toEqual([...created].sort().reverse());
  const done = await as(busiest, { action: 'officer.inbox', tab: 'done' });
  const closed = done.items.map((r: { createdAt: string }) => r.createdAt);
  expect(closed).toEqual([...closed].sort().reverse());
});

/**
 * Reach you can see.
 *
 * desk.reach: for each handler in the caller's charge, the share of new work (assignments and
 * supervision cards, messages of kind 'assignment') that reached them outside the app (WeChat or
 * SMS) within 5 minutes, with the consents they hold and whether a phone is on record. Read from
 * the messages (index userId,kind,createdAt): one find per person, 2 for a busy one.
 *
 * stats.notify: the outbox's outcomes per channel in a period (sent, no consent, failed, not
 * configured, pending) and the one-time consents spent: one indexed count each.
 */
import { C } from '../collections';
import { hasRole, requireRole, type Ctx } from '../context';
import type { Message, NotifyChannel, OutboxEntry, User } from '../model';
import { centerScope, orgScope } from '../desk/scope';
import { parseInput } from '../validation';
import { DeskReachInput, StatsNotifyInput } from '../contract/figures';
import type { Sent } from '../contract/schema';
import { periodOf } from '../stats/dashboard';
import { assignmentConsents } from './consent';
import { mobileOf } from './routing';
import { CHANNEL_LABELS, type ChannelCounts, type NotifyStats, type ReachReport, type ReachRow } from './views';
import { userRepo } from '../repos/users';
import { orgRepo } from '../repos/orgs';
import { beijingMidnight, beijingNextMidnight } from '../time';

export const REACH_WITHIN_MINUTES = 5;
const DAY_MS = 86_400_000;
/** assignments read per person for the window (a busy officer gets far fewer in 30 days) */
const PER_PERSON = 500;

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

/** the handlers a desk user may see the reach of: everyone for district-wide staff, else those whose grids are in its charge */
async function handlersInCharge(ctx: Ctx): Promise<User[]> {
  const users = userRepo(ctx.ports.store);
  const all = [
    ...(await users.withRole('officer', { what: '网格员' })),
    ...(await users.withRole('liaison', { what: '特派员' })),
  ];
  const unique = [...new Map(all.map((u) => [u._id, u])).values()];
  // district-wide (leaders, a district dispatcher): everyone, with the departments' handlers (their new work: supervision cards)
  const charge = hasRole(ctx.user, 'leader') ? null : await centerScope(ctx.ports, ctx.user);
  if (!charge) {
    const depts = await users.withRole('department', { what: '部门办理人' });
    return [...new Map([...unique, ...depts].map((u) => [u._id, u])).values()];
  }
  // a street's or community's dispatcher: the handlers of its grids
  const scope = await orgScope(ctx.ports, ctx.user);
  const orgs = orgRepo(ctx.ports.store);
  const gridIds = [...new Set(unique.flatMap((u) => u.gridIds ?? []))];
  const inCharge = new Set<string>();
  for (const g of (await orgs.getMany(gridIds)).values()) {
    if ((g.parentId && scope.has(g.parentId)) || (g.communityIds ?? []).some((c) => scope.has(c))) inCharge.add(g._id);
  }
  return unique.filter((u) => (u.gridIds ?? []).some((g) => inCharge.has(g)));
}

/** how one notice reached its person: the first channel that delivered, within the window or not */
export function reachOf(m: Pick<Message, 'createdAt' | 'delivery'>, withinMs = REACH_WITHIN_MINUTES * 60_000) {
  const created = new Date(m.createdAt).getTime();
  const times = (['wechat', 'sms'] as const)
    .filter((c) => m.delivery?.[c])
    .map((c) => ({ c, at: new Date(m.delivery![c]!).getTime() }))
    .sort((a, b) => a.at - b.at);
  const first = times[0];
  return {
    channel: first ? first.c : m.delivery?.done ? ('inapp' as const) : ('pending' as const),
    inTime: !!first && first.at - created <= withinMs,
  };
}

export async function deskReach(ctx: Ctx, input: Sent<typeof DeskReachInput>): Promise<ReachReport> {
  requireRole(ctx.user, 'dispatcher', 'leader');
  const { days } = parseInput(DeskReachInput, input);
  const to = ctx.now.toISOString();
  const from = new Date(ctx.now.getTime() - days * DAY_MS).toISOString();
  const people = await handlersInCharge(ctx);
  const consents = await assignmentConsents(ctx.ports, people.map((u) => u._id));
  const messages = ctx.ports.store.collection<Message>(C.messages);
  const rows: ReachRow[] = [];
  for (const u of people) {
    const got: Message[] = [];
    for (let skip = 0; skip < PER_PERSON; skip += 100) {
      const page = await messages.find({ userId: u._id, kind: 'assignment', createdAt: { $gte: from, $lte: to } }, { orderBy: [['createdAt', 'desc']], skip, limit: 100 });
      got.push(...page);
      if (page.length < 100) break;
    }
    const byChannel = { wechat: 0, sms: 0, inapp: 0, pending: 0 };
    let reached = 0;
    for (const m of got) {
      const r = reachOf(m);
      byChannel[r.channel]++;
      if (r.inTime) reached++;
    }
    const c = consents.get(u._id) ?? { credits: 0, longTerm: false };
    rows.push({
      id: u._id, name: u.name, roles: u.roles, assignments: got.length, reached, rate: rate(reached, got.length),
      byChannel, credits: c.credits, longTerm: c.longTerm, hasPhone: !!mobileOf(u.phone),
    });
  }
  // the worst reach first: that is who to call
  rows.sort((a, b) => (a.rate ?? 101) - (b.rate ?? 101) || b.assignments - a.assignments || a.name.localeCompare(b.name, 'zh'));
  const assignments = rows.reduce((s, r) => s + r.assignments, 0);
  const reached = rows.reduce((s, r) => s + r.reached, 0);
  return { from, to, days, withinMinutes: REACH_WITHIN_MINUTES, rows, total: { assignments, reached, rate: rate(reached, assignments) } };
}

const CHANNELS: NotifyChannel[] = ['wechat', 'sms', 'robot'];

export async function notifyStats(ctx: Ctx, input: Sent<typeof StatsNotifyInput>): Promise<NotifyStats> {
  requireRole(ctx.user, 'leader', 'dispatcher');
  const period = periodOf(parseInput(StatsNotifyInput, input), ctx.now);
  const fromIso = beijingMidnight(period.from);
  const toIso = beijingNextMidnight(period.to);
  const outbox = ctx.ports.store.collection<OutboxEntry>(C.outbox);
  const createdAt = { $gte: fromIso, $lt: toIso };
  const count = (channel: NotifyChannel, status: OutboxEntry['status']) => outbox.count({ channel, status, createdAt });
  const channels: ChannelCounts[] = [];
  for (const channel of CHANNELS) {
    const [sent, noConsent, failed, skipped, pending] = await Promise.all([
      count(channel, 'sent'), count(channel, 'no_consent'), count(channel, 'failed'), count(channel, 'skipped'), count(channel, 'pending'),
    ]);
    channels.push({ channel, label: CHANNEL_LABELS[channel], sent, noConsent, failed, skipped, pending });
  }
  const consentsSpent = await outbox.count({ channel: 'wechat', status: 'sent', createdAt, consent: 'held' });
  return { period: { label: period.label, from: period.from, to: period.to }, channels, consentsSpent };
}

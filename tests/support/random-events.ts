/**
 * Random traffic through the real actions on the test harness: submissions, officers' work,
 * enterprise scores and reopens, desk triage, supervision cards, and the timers with the clock
 * moving forward. Actions that do not apply (wrong state, a race lost) just fail and are counted.
 * Deterministic for a seed.
 */
import { CATEGORY_CODES, type RequestStatus } from '../../core/contract/catalog';
import type { ServiceRequest, SupervisionCard } from '../../core/model';
import { C } from '../../core/collections';
import type { Harness } from './harness';

export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

const ENTERPRISE_USERS = ['u-linxiao', 'u-gaopeng', 'u-hejun', 'u-songya', 'u-xuming', 'u-hanmei', 'u-dengchao', 'u-caoying'];
const DEPT_HANDLER: Record<string, string> = { 'dep-zrzy': 'u-qianjun', 'dep-zjj': 'u-fengyu' };
const OFFICERS = ['u-zhangwei', 'u-wangfang', 'u-lina', 'u-liuyang', 'u-chenjing', 'u-yangfan', 'u-zhaolei', 'u-huangmin'];
const MINUTE = 60_000;

type Kind =
  | 'submit' | 'accept' | 'progress' | 'resolve' | 'confirm' | 'reopen' | 'pause' | 'supplement' | 'reject' | 'verify'
  | 'escalate' | 'reassign' | 'card.issue' | 'card.accept' | 'card.reply' | 'card.return' | 'sweep' | 'assign' | 'notify'
  // 并件 (core/desk/merge.ts): merged requests count once, their enterprises' scores apart
  | 'merge' | 'unmerge';

const WEIGHTS: Array<[Kind, number]> = [
  ['submit', 14], ['accept', 14], ['progress', 2], ['resolve', 14], ['confirm', 8], ['reopen', 2], ['pause', 2], ['supplement', 2],
  ['reject', 3], ['verify', 3], ['escalate', 2], ['reassign', 2], ['card.issue', 3], ['card.accept', 4], ['card.reply', 4], ['card.return', 1],
  ['sweep', 8], ['assign', 3], ['notify', 1], ['merge', 2], ['unmerge', 1],
];
const TOTAL = WEIGHTS.reduce((s, [, w]) => s + w, 0);

export type EventStats = { ok: number; failed: number; byKind: Record<string, number> };

export async function runRandomEvents(h: Harness, count: number, seed: number, onEach?: (i: number) => Promise<void>): Promise<EventStats> {
  const rnd = prng(seed);
  const stats: EventStats = { ok: 0, failed: 0, byKind: {} };
  const requests = h.requests();
  const cards = h.store.collection<SupervisionCard>(C.cards);
  let clientKeys = 0;

  const pickRequest = async (status: RequestStatus | RequestStatus[]): Promise<ServiceRequest | null> => {
    // newest or oldest first at random, so old overdue requests get worked on too
    const rows = await requests.find({ status: Array.isArray(status) ? { $in: status } : status }, { orderBy: [['createdAt', rnd.next() < 0.5 ? 'desc' : 'asc']], limit: 12 });
    return rows.length ? rnd.pick(rows) : null;
  };
  const ymd = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const run = async (who: string, event: Record<string, unknown>) => {
    const r = await h.call(who, event);
    if (r.ok) stats.ok++;
    else stats.failed++;
    return r;
  };

  for (let i = 0; i < count; i++) {
    let x = rnd.next() * TOTAL;
    let kind: Kind = 'submit';
    for (const [k, w] of WEIGHTS) { if ((x -= w) < 0) { kind = k; break; } }
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
    // a little time passes between any two events
    h.clock.advance(rnd.int(20) * MINUTE);
    switch (kind) {
      case 'submit':
        await run(rnd.pick(ENTERPRISE_USERS), {
          action: 'request.submit', clientKey: `rand-${seed}-${++clientKeys}`, category: rnd.pick(CATEGORY_CODES),
          description: `随机诉求 ${clientKeys}：需要协调解决的问题`, photos: [], phone: '13612340001',
        });
        break;
      case 'accept': case 'progress': case 'resolve': case 'pause': {
        const from: RequestStatus = kind === 'accept' ? 'assigned' : 'accepted';
        const r = await pickRequest(from);
        if (!r?.assigneeId) break;
        const action = { accept: 'request.accept', progress: 'request.progress', resolve: 'request.resolve', pause: 'request.pause' }[kind];
        await run(r.assigneeId, { action, id: r._id, note: '已联系企业了解情况', result: '已协调办结', reason: '请补充相关材料' });
        break;
      }
      case 'confirm': case 'reopen': {
        // now and then a linked request's enterprise scores its main's result (refused while the main is open)
        const r = kind === 'confirm' && rnd.next() < 0.2 ? await pickRequest('merged') : await pickRequest('resolved');
        if (!r) break;
        await run(r.submitterId, kind === 'confirm'
          ? { action: 'request.confirm', id: r._id, score: 1 + rnd.int(5), comment: rnd.next() < 0.5 ? '满意' : '' }
          : { action: 'request.reopen', id: r._id, reason: '问题没有解决' });
        break;
      }
      case 'supplement': {
        const r = await pickRequest('paused');
        if (r) await run(r.submitterId, { action: 'request.supplement', id: r._id, note: '材料已补充' });
        break;
      }
      case 'reject': {
        const r = await pickRequest(['queued', 'dispatch', 'assigned', 'accepted']);
        if (r) await run('u-sunli', { action: 'desk.reject', id: r._id, kind: rnd.pick(['invalid', 'duplicate', 'out_of_scope']), reason: '经核实不属于受理范围' });
        break;
      }
      case 'verify': {
        const r = await pickRequest(['queued', 'dispatch', 'assigned', 'accepted', 'paused']);
        if (!r) break;
        const level = rnd.pick(['general', 'complex', 'special'] as const);
        const due = ymd(new Date(h.clock.now().getTime() + (1 + rnd.int(10)) * 86400_000));
        await run('u-sunli', { action: 'desk.verify', id: r._id, level, category: rnd.next() < 0.7 ? r.category : rnd.pick(CATEGORY_CODES), ...(level === 'special' ? { dueDate: due } : {}) });
        break;
      }
      case 'escalate': {
        const r = await pickRequest(['queued', 'dispatch', 'assigned', 'accepted']);
        if (r) await run('u-sunli', { action: 'desk.escalate', id: r._id, reason: '涉及多个部门，需上级协调' });
        break;
      }
      case 'reassign': {
        const r = await pickRequest(['assigned', 'accepted', 'queued', 'dispatch']);
        if (r) await run('u-sunli', { action: 'desk.reassign', id: r._id, assigneeId: rnd.pick(OFFICERS), note: '熟悉该业务' });
        break;
      }
      case 'card.issue': {
        const r = await pickRequest(['queued', 'dispatch', 'assigned', 'accepted']);
        if (!r) break;
        const lead = rnd.pick(['dep-zrzy', 'dep-zjj']);
        const co = rnd.next() < 0.5 ? [lead === 'dep-zjj' ? 'dep-zrzy' : 'dep-zjj'] : [];
        await run('u-sunli', {
          action: 'card.issue', id: r._id, leadDeptId: lead, coDeptIds: co,
          deadline: ymd(new Date(h.clock.now().getTime() + (1 + rnd.int(8)) * 86400_000)), instructions: '请牵头办理并答复企业',
        });
        break;
      }
      case 'card.accept': case 'card.reply': case 'card.return': {
        const open = await cards.find({ status: 'open' }, { orderBy: [['issuedAt', 'desc']], limit: 30 });
        if (!open.length) break;
        const card = rnd.pick(open);
        const party = rnd.pick(card.parties);
        const who = DEPT_HANDLER[party.deptId];
        if (!who) break;
        // a reply is the co-operating department's opinion, or the lead's confirmed final answer
        const action = kind === 'card.reply' && party.role === 'lead' ? 'card.final' : kind;
        await run(who, { action, cardId: card._id, reply: '已明确办理路径并答复企业', answer: '已明确办理路径并答复企业', confirm: true, reason: '非本部门职责' });
        break;
      }
      case 'merge': {
        const open: RequestStatus[] = ['queued', 'dispatch', 'assigned', 'accepted', 'paused'];
        const [main, other] = [await pickRequest(open), await pickRequest(open)];
        if (main && other && main._id !== other._id) await run('u-sunli', { action: 'desk.merge', mainId: main._id, ids: [other._id] });
        break;
      }
      case 'unmerge': {
        const r = await pickRequest('merged');
        if (r) await run('u-sunli', { action: 'desk.unmerge', id: r._id, reason: '经核实不是同一问题' });
        break;
      }
      case 'sweep':
        // the clock moves: minutes to a couple of working days
        h.clock.advance((rnd.next() < 0.7 ? rnd.int(240) : rnd.int(60 * 48)) * MINUTE);
        // the notify timer runs every minute, so it has run by now too: an interrupted counting is
        // retried long before RING (core/stats/counters.ts) further operations reach its documents
        await h.fns.notify({ Type: 'Timer' }, null);
        await h.fns.sweep({ Type: 'Timer' }, null);
        break;
      case 'assign':
        await h.fns.assign({ Type: 'Timer' }, null);
        break;
      case 'notify':
        await h.fns.notify({ Type: 'Timer' }, null);
        break;
    }
    if (onEach) await onEach(i);
  }
  return stats;
}

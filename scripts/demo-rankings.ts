/**
 * The 红黄榜 of the demo district, printed for the notes (issue 11: the lists before and after).
 *
 *   node --import tsx scripts/demo-rankings.ts [--now=<ISO instant>|--now=now] [--out=<file>]
 *
 * Seeds the demo district on a temporary SQLite store exactly as the local server does
 * (server/app.ts: seedDemoDistrict, seedDemoRequests, seedDemoVisits, countPending), then
 * computes the period's lists twice:
 *   A. the seed alone;
 *   B. the seed plus the tryout of issue 11, played through the real service actions by the
 *      people who did it in the browser: 住建局 answers a fresh 督办卡 before accepting it,
 *      自然资源局 never accepts its two cards, an overdue request is answered late, reopened by the
 *      enterprise (退回重办) and answered again at once, an officer hands a request back, and a
 *      callback finds the enterprise unsatisfied. A step the code refuses (or does not know) is
 *      printed with the refusal and skipped: that is part of the result.
 *
 * The demo seed dates everything relative to "now", so the clock is fixed by default
 * (2026-11-27 15:00 Beijing, a Friday) and the same lists come out whenever this runs;
 * --now=now uses the real clock. The period is the month of that instant (resolvePeriod).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARRAY_FIELDS, INDEXES, C } from '../core/collections';
import { createFunctions, functionOf } from '../core/functions';
import type { Ports } from '../core/ports';
import type { ServiceRequest, SupervisionCard } from '../core/model';
import { seedDemoDistrict, devOpenid } from '../core/seed/demo-district';
import { seedDemoRequests } from '../core/seed/demo-requests';
import { seedDemoVisits } from '../core/seed/demo-visits';
import { countPending } from '../core/stats/counters';
import { resolvePeriod } from '../core/stats/period';
import { computeRanking, type RankingList } from '../core/rankings/rankings';
import { loadSla } from '../core/sla/policy';
import { openSqliteStore } from '../adapters/sqlite-store';
import { localFiles, localQrCode, permissiveContentCheck, recordingNotifier } from '../adapters/local-ports';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const nowArg = arg('now') ?? '2026-11-27T07:00:00Z';
const NOW = nowArg === 'now' ? new Date() : new Date(nowArg);
if (Number.isNaN(NOW.getTime())) throw new Error(`--now: not an instant: ${nowArg}`);

const lines: string[] = [];
const say = (s = '') => { lines.push(s); console.log(s); };
const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`);

async function world() {
  const dir = mkdtempSync(join(tmpdir(), 'demo-rankings-'));
  const store = openSqliteStore({ file: join(dir, 'app.db'), indexes: INDEXES, arrays: ARRAY_FIELDS });
  let t = NOW;
  const ports: Ports = {
    store, clock: { now: () => t }, notifier: recordingNotifier(), contentCheck: permissiveContentCheck, files: localFiles(join(dir, 'uploads')),
  };
  ports.qrCode = localQrCode(localFiles(join(dir, 'uploads')), () => 'http://localhost:3000');
  await seedDemoDistrict(store, NOW);
  const n = await seedDemoRequests(ports, NOW);
  // visits do not enter the 红黄榜; a visit seed that fails (work in progress elsewhere) is reported, not fatal
  const v = await seedDemoVisits(ports, NOW).catch((e: Error) => `none (the visit seed failed: ${e.message})`);
  await countPending(ports);
  const fns = createFunctions(ports);
  return {
    ports, n, v, fns,
    at: (d: Date) => { t = d; },
    cleanup: () => { store.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}
type World = Awaited<ReturnType<typeof world>>;

function printList(title: string, list: RankingList) {
  say(`== ${title} ==`);
  say(`period: ${list.period.label} (${list.period.key}, ${list.period.from} ~ ${list.period.to}); computed at ${list.computedAt}`);
  const w = list.settings.weights as unknown as Record<string, number>;
  say(`weights: ${Object.entries(w).map(([k, x]) => `${k} ${x}`).join(', ')}; minCases ${list.settings.minCases}`);
  say(`红榜: ${list.red.map((u) => u.name).join('、') || '（无）'}`);
  say(`黄榜: ${list.yellow.map((u) => u.name).join('、') || '（无）'}`);
  for (const kind of ['department', 'center'] as const) {
    say(kind === 'department' ? '-- 部门 --' : '-- 街道、社区 --');
    for (const u of list.units.filter((x) => x.kind === kind)) {
      const f = u.figures as unknown as Record<string, number | null>;
      const rank = u.rank === null ? '  —' : `#${String(u.rank).padStart(2)}`;
      const status = u.eligible ? `${u.score ?? '—'}分` : '样本不足';
      const onList = u.list === 'red' ? ' 【红榜】' : u.list === 'yellow' ? ' 【黄榜】' : '';
      say(`${rank} ${u.name}${u.tierLabel ? `（${u.tierLabel}）` : ''}  ${status}${onList}`);
      const extra = Object.entries(f)
        .filter(([k]) => !['collected', 'closed', 'inProgress', 'onTimeRate', 'satisfactionRate', 'meanScore', 'reopenRate', 'overdue', 'urges'].includes(k))
        .map(([k, x]) => `${k} ${typeof x === 'number' && !Number.isInteger(x) && x <= 1 ? pct(x) : x ?? '—'}`);
      say(
        `      收集${f.collected} 办结${f.closed} 在办${f.inProgress} 按期率${pct(f.onTimeRate)} 满意度${pct(f.satisfactionRate)} ` +
          `重办率${pct(f.reopenRate)} 超期${f.overdue} 催办${f.urges}${extra.length ? ' ' + extra.join(' ') : ''}`,
      );
      const c = u.components as unknown as Record<string, number | null>;
      say(`      components: ${Object.entries(c).map(([k, x]) => `${k} ${x === null ? '—' : Math.round(x * 1000) / 1000}`).join(', ')}`);
      if (u.reasons.length) say(`      reasons: ${u.reasons.join('；')}`);
    }
  }
  say();
}

/** the tryout of issue 11, played through the service actions; refusals are printed, not fatal */
async function tryout(w: World) {
  const { calendar } = await loadSla(w.ports);
  const requests = w.ports.store.collection<ServiceRequest>(C.requests);
  const cards = w.ports.store.collection<SupervisionCard>(C.cards);
  const ago = (days: number) => calendar.addWorkingMinutes(NOW, -Math.round(days * calendar.minutesPerDay)).at;
  const ymd = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const byText = async (start: string) => (await requests.find({}, { limit: 100 })).find((r) => r.description.startsWith(start))!;
  /** the first of the candidate actions the code knows; returns its data or null (refusal printed) */
  const step = async (label: string, when: Date, who: string, candidates: Array<Record<string, unknown>>) => {
    w.at(when);
    let last = '';
    for (const event of candidates) {
      const r = await w.fns[functionOf(event.action)](event, { openid: devOpenid(who) });
      if (r.ok) { say(`  ✓ ${label} [${String(event.action)}]`); return r.data as Record<string, unknown>; }
      last = `${r.code} ${r.message}`;
      if (r.code !== 'UNKNOWN_ACTION') break;
    }
    say(`  ✗ ${label}: refused (${last})`);
    return null;
  };

  say('-- tryout of issue 11 --');
  // 1. the dispatcher cards two more requests to 住建局 (one with 自然资源局 co-operating)
  const land = await byText('扩建项目用地规划条件');
  const drain = await byText('厂区外排水管网淤堵');
  const seeded = (await cards.find({}, { limit: 10 }))[0];
  const d1 = ago(2);
  const due = ymd(calendar.addWorkingDays(NOW, 3).at);
  const c1 = await step('孙丽 issues a card on 用地规划 (住建局 lead, 自然资源局 co)', d1, 'u-sunli', [
    { action: 'card.issue', id: land._id, leadDeptId: 'dep-zjj', coDeptIds: ['dep-zrzy'], deadline: due, instructions: '请住建局牵头、自然资源局协办，明确规划条件调整路径。' },
  ]);
  const c2 = await step('孙丽 issues a card on 排水管网 (住建局 lead)', calendar.addWorkingMinutes(d1, 20).at, 'u-sunli', [
    { action: 'card.issue', id: drain._id, leadDeptId: 'dep-zjj', coDeptIds: [], deadline: due, instructions: '请住建局牵头处理厂区外排水管网淤堵。' },
  ]);
  const card1 = (c1?.card as SupervisionCard | undefined)?._id;
  const card2 = (c2?.card as SupervisionCard | undefined)?._id;
  // 2. 住建局's handler answers the fresh card in the only text box, before accepting it
  // the lead's answer: the confirmed 最终答复 (card.final) where it exists, else the old 答复 (card.reply)
  const answer = (cardId: string | undefined, text: string) => [
    { action: 'card.final', cardId, answer: text, confirm: true },
    { action: 'card.reply', cardId, reply: text },
  ];
  if (card1) await step('冯玉 (住建局) answers 用地规划 card before accepting it: "已收到，正在核查。"', calendar.addWorkingMinutes(d1, 60).at, 'u-fengyu', answer(card1, '已收到，正在核查。'));
  // 3. 住建局 accepts and answers the other card, and answers the seeded one (accepted by the seed)
  if (card2) {
    await step('冯玉 accepts 排水管网 card', calendar.addWorkingMinutes(d1, 90).at, 'u-fengyu', [{ action: 'card.accept', cardId: card2 }]);
    await step('冯玉 answers 排水管网 card', ago(1), 'u-fengyu', answer(card2, '已安排市政养护单位疏通管网，并加装防倒灌阀。'));
  }
  if (seeded) await step('冯玉 answers the seeded 施工许可 card', ago(0.9), 'u-fengyu', answer(seeded._id, '已明确施工许可办理路径：先调整规划许可，再并联办理施工许可。'));
  // 4. a reopen that hides lateness: the overdue 增容 request answered late, reopened, answered again at once
  const power = await byText('新建二号车间需增容');
  const officer = power.assigneeId ?? 'u-zhangwei';
  await step('the officer answers the overdue 增容 request (late)', ago(0.8), officer, [{ action: 'request.resolve', id: power._id, result: '已协调供电公司出具供电方案。' }]);
  await step('林晓 reopens it (退回重办)', ago(0.7), 'u-linxiao', [{ action: 'request.reopen', id: power._id, reason: '供电方案未明确送电时间' }]);
  await step('the officer accepts the rework', ago(0.65), officer, [{ action: 'request.accept', id: power._id }]);
  await step('the officer answers it again at once', ago(0.6), officer, [{ action: 'request.resolve', id: power._id, result: '供电公司承诺12月10日前送电。' }]);
  // 5. a hand-back by an officer, and an unsatisfied callback on a closed request
  const traffic = await byText('厂区门口道路缺少限速');
  if (traffic.assigneeId) {
    await step('the officer hands the 限速标志 request back (退回/申请改派)', ago(0.3), traffic.assigneeId, [
      { action: 'request.handBack', id: traffic._id, reason: '属交通部门职责，非本网格事项' },
    ]);
  }
  const closed = await byText('营业执照经营范围变更');
  await step('孙丽 calls back the closed 经营范围 request: unsatisfied', ago(0.2), 'u-sunli', [
    { action: 'callback.record', id: closed._id, method: 'call', outcome: 'unsatisfied', note: '企业反映变更后仍无法开具发票' },
  ]);
  // the sweep and the counters up to now
  w.at(NOW);
  await w.fns.sweep({ Type: 'Timer' }, null);
  await countPending(w.ports);
  say();
}

async function main() {
  const period = resolvePeriod({ period: 'month' }, NOW);
  say(`demo 红黄榜 — clock ${NOW.toISOString()} (${nowArg === 'now' ? 'the real clock' : 'fixed; --now=now for the real clock'}), period ${period.label} ${period.from} ~ ${period.to}`);
  const a = await world();
  say(`seeded the demo district: ${a.n} requests, ${a.v} visits`);
  say();
  printList('A. the demo seed alone', await computeRanking(a.ports, period, null, NOW));
  a.cleanup();
  const b = await world();
  await tryout(b);
  printList('B. the demo seed and the tryout of issue 11', await computeRanking(b.ports, period, null, NOW));
  b.cleanup();
  const out = arg('out');
  if (out) writeFileSync(out, lines.join('\n') + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });

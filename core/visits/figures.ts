/**
 * Visit figures for the desk and the dashboards: enterprises visited, visits, by purpose and by
 * department, flagged visits, visit scores. Supervisors get everything in their area; a
 * department gets its own figures, with its average score only once enough scores exist that
 * no single enterprise's score can be read off it, and no complaint counts.
 */
import { OFFICERS } from './staff';
import { Ctx } from '../context';
import type { Filter } from '../ports';
import { parseInput } from '../validation';
import { FiguresInput } from '../contract/visit-inputs';
import type { Sent } from '../contract/schema';
import { FEEDBACK_FLAGS, FLAGS, PURPOSE_KEYS, PURPOSES, type Visit, type VisitFlag } from './model';
import { visits } from './records';
import { listFilter, visitScope } from './queries';
import { loadVisitSettings } from './settings';

const MAX_ROWS = 20_000;
const avg = (sum: number, n: number) => (n ? Math.round((sum / n) * 100) / 100 : null);

async function loadAll(ctx: Ctx, filter: Filter): Promise<Visit[]> {
  const out: Visit[] = [];
  for (let skip = 0; skip < MAX_ROWS; skip += 100) {
    const page = await visits(ctx.ports).find(filter, { orderBy: [['checkinAt', 'asc'], ['_id', 'asc']], skip, limit: 100 });
    out.push(...page);
    if (page.length < 100) break;
  }
  return out;
}

export type VisitFigures = Awaited<ReturnType<typeof visitFigures>>;

export async function visitFigures(ctx: Ctx, input: Sent<typeof FiguresInput>) {
  const { from, to, mine } = parseInput(FiguresInput, input);
  const scope = await visitScope(ctx, mine);
  const supervisor = scope.kind === 'supervisor';
  const { minScoresShown } = await loadVisitSettings(ctx.ports);
  const rows = await loadAll(ctx, listFilter(scope, { from, to }));
  const shownScore = (sum: number, n: number) => (supervisor || n >= minScoresShown ? { avg: avg(sum, n), count: n } : { avg: null, count: n, hidden: true });

  const depts = new Map<string, { deptId: string; deptName: string; visits: number; enterprises: Set<string>; flagged: number; scoreSum: number; scoreCount: number; complaints: number }>();
  const flags = new Map<VisitFlag, number>();
  let scoreSum = 0;
  let scoreCount = 0;
  let complaints = 0;
  const perEnterprise = new Map<string, { name: string; visits: number; unrequested: number }>();
  for (const v of rows) {
    for (const f of v.flags) if (supervisor || !FEEDBACK_FLAGS.includes(f)) flags.set(f, (flags.get(f) ?? 0) + 1);
    scoreSum += v.scoreSum;
    scoreCount += v.scoreCount;
    complaints += v.complaintCount;
    const e = perEnterprise.get(v.enterpriseId) ?? { name: v.enterpriseName, visits: 0, unrequested: 0 };
    e.visits++;
    if (!v.requested) e.unrequested++;
    perEnterprise.set(v.enterpriseId, e);
    // a joint visit counts once for each department on it
    for (const deptId of v.deptIds) {
      // every grid officer counts in one group: its members carry their own grids' names
      const name = deptId === OFFICERS ? '网格员' : v.members.find((m) => m.deptId === deptId)?.deptName ?? deptId;
      const d = depts.get(deptId) ?? { deptId, deptName: name, visits: 0, enterprises: new Set<string>(), flagged: 0, scoreSum: 0, scoreCount: 0, complaints: 0 };
      d.visits++;
      d.enterprises.add(v.enterpriseId);
      if (supervisor ? v.flagged : v.conductFlagged) d.flagged++;
      d.scoreSum += v.scoreSum;
      d.scoreCount += v.scoreCount;
      d.complaints += v.complaintCount;
      depts.set(deptId, d);
    }
  }
  const flagKeys = (Object.keys(FLAGS) as VisitFlag[]).filter((k) => supervisor || !FEEDBACK_FLAGS.includes(k));
  return {
    scope: scope.kind,
    from: from ?? null,
    to: to ?? null,
    enterprisesVisited: perEnterprise.size,
    visits: rows.length,
    open: rows.filter((v) => v.status === 'open').length,
    requested: rows.filter((v) => v.requested).length,
    unrequested: rows.filter((v) => !v.requested).length,
    flagged: rows.filter((v) => (supervisor ? v.flagged : v.conductFlagged)).length,
    red: rows.filter((v) => (supervisor ? v.red : v.flags.includes('no_approval'))).length,
    requestsFiled: rows.reduce((n, v) => n + v.requestIds.length, 0),
    byPurpose: PURPOSE_KEYS.map((key) => ({ key, label: PURPOSES[key], count: rows.filter((v) => v.purpose === key).length })),
    byDepartment: [...depts.values()]
      .sort((a, b) => b.visits - a.visits)
      .map((d) => ({
        deptId: d.deptId, deptName: d.deptName, visits: d.visits, enterprises: d.enterprises.size, flagged: d.flagged,
        score: shownScore(d.scoreSum, d.scoreCount),
        ...(supervisor ? { complaints: d.complaints } : {}),
      })),
    flags: flagKeys.map((key) => ({ key, label: FLAGS[key], count: flags.get(key) ?? 0 })),
    score: shownScore(scoreSum, scoreCount),
    ...(supervisor
      ? {
          complaints,
          // the most visited without having asked: where 无事不扰 is at risk
          mostVisited: [...perEnterprise.entries()]
            .map(([id, e]) => ({ enterpriseId: id, enterpriseName: e.name, visits: e.visits, unrequested: e.unrequested }))
            .sort((a, b) => b.unrequested - a.unrequested || b.visits - a.visits)
            .slice(0, 5),
        }
      : {}),
  };
}

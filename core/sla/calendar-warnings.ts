/**
 * A deadline that crosses a year without official holiday data is computed on a Monday–Friday
 * week and marked provisional; that must never be silent. The first time it happens for a year,
 * a warning is stored and every admin gets an in-app message asking for that year's schedule.
 * Once the admin covers the year (its holidays entered and the year added to adminYears) and the
 * deadlines are laid again (core/sla/recompute.ts), the warning is resolved; should the year lose
 * its cover again, the next provisional deadline opens it again and the admins are told again.
 */
import { C } from '../collections';
import { Ctx, requireRole } from '../context';
import type { Message, ServiceRequest } from '../model';
import { ignoreDuplicate, type Ports } from '../ports';
import { loadSla, type SlaContext } from './policy';
import { userRepo } from '../repos/users';
import { beijingParts } from '../time';

export type SystemWarning = { _id: string; kind: 'calendar'; year: number; message: string; createdAt: string; resolved: boolean };

export function uncoveredYearsOf(req: Pick<ServiceRequest, 'startedAt' | 'dueAt'>, { calendar }: SlaContext): number[] {
  if (!req.startedAt || !req.dueAt) return [];
  const from = beijingParts(req.startedAt).year;
  const to = beijingParts(req.dueAt).year;
  const out: number[] = [];
  for (let y = from; y <= to; y++) if (calendar.coverage(y) === 'none') out.push(y);
  return out;
}


/** a request whose deadline was laid on a year without holiday data: warn for those years (once each) */
export async function warnIfProvisional(ports: Ports, req: Pick<ServiceRequest, 'slaProvisional' | 'startedAt' | 'dueAt'>, now: Date): Promise<void> {
  if (req.slaProvisional) await warnUncoveredYears(ports, uncoveredYearsOf(req, await loadSla(ports)), now);
}

export async function warnUncoveredYears(ports: Ports, years: number[], now: Date) {
  for (const year of years) {
    const id = `calendar-${year}`;
    const message = `${year}年官方节假日数据缺失：涉及${year}年的办理期限暂按周一至周五计算，请管理员尽快录入${year}年节假日与调休安排。`;
    const warnings = ports.store.collection<SystemWarning>(C.warnings);
    const known = await warnings.get(id);
    if (known && !known.resolved) continue;
    const created = !known && (await warnings
      .add({ _id: id, kind: 'calendar', year, message, createdAt: now.toISOString(), resolved: false })
      .then(() => true, (e) => (ignoreDuplicate(e), false)));
    // resolved once, uncovered again (the admin took the year back out): open it again
    const reopened = !!known && (await warnings.update(id, { $set: { resolved: false, createdAt: now.toISOString(), message } }, { resolved: true }));
    if (!created && !reopened) continue;
    const admins = await userRepo(ports.store).activeAdmins(50);
    for (const a of admins) {
      await ports.store
        .collection<Message>(C.messages)
        .add({ _id: created ? `${id}:${a._id}` : `${id}:${now.getTime()}:${a._id}`, userId: a._id, requestId: '', title: '工作日历数据缺失', body: message, read: false, createdAt: now.toISOString() })
        .catch(ignoreDuplicate);
    }
  }
}

/**
 * The calendar warnings of years the calendar now covers are resolved (called when a calendar
 * change has been laid on every open request, core/sla/recompute.ts). Returns the years resolved.
 */
export async function resolveCoveredWarnings(ports: Ports, calendar: SlaContext['calendar']): Promise<number[]> {
  const warnings = ports.store.collection<SystemWarning>(C.warnings);
  const open = await warnings.find({ resolved: false }, { orderBy: [['createdAt', 'desc']], limit: 50 });
  const out: number[] = [];
  for (const w of open) {
    if (w.kind !== 'calendar' || calendar.coverage(w.year) === 'none') continue;
    if (await warnings.update(w._id, { $set: { resolved: true } }, { resolved: false })) out.push(w.year);
  }
  return out;
}

/** system.warnings takes no input */
export async function listWarnings(ctx: Ctx) {
  requireRole(ctx.user, 'admin', 'dispatcher', 'leader');
  const items = await ctx.ports.store.collection<SystemWarning>(C.warnings).find({ resolved: false }, { orderBy: [['createdAt', 'desc']], limit: 50 });
  return { items };
}

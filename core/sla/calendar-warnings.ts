/**
 * A deadline that crosses a year without official holiday data is computed on a Monday–Friday
 * week and marked provisional; that must never be silent. The first time it happens for a year,
 * a warning is stored and every admin gets an in-app message asking for that year's schedule.
 */
import { z } from 'zod';
import { C } from '../collections';
import { Ctx, requireRole } from '../context';
import type { Message, ServiceRequest, User } from '../model';
import { StoreError, type Ports } from '../ports';
import { parseInput } from '../validation';
import type { SlaContext } from './policy';

export type SystemWarning = { _id: string; kind: 'calendar'; year: number; message: string; createdAt: string; resolved: boolean };

export function uncoveredYearsOf(req: Pick<ServiceRequest, 'startedAt' | 'dueAt'>, { calendar }: SlaContext): number[] {
  if (!req.startedAt || !req.dueAt) return [];
  const from = new Date(new Date(req.startedAt).getTime() + 8 * 3600_000).getUTCFullYear();
  const to = new Date(new Date(req.dueAt).getTime() + 8 * 3600_000).getUTCFullYear();
  const out: number[] = [];
  for (let y = from; y <= to; y++) if (calendar.coverage(y) === 'none') out.push(y);
  return out;
}

const ignoreDuplicate = (e: unknown) => {
  if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
};

export async function warnUncoveredYears(ports: Ports, years: number[], now: Date) {
  for (const year of years) {
    const id = `calendar-${year}`;
    const message = `${year}年官方节假日数据缺失：涉及${year}年的办理期限暂按周一至周五计算，请管理员尽快录入${year}年节假日与调休安排。`;
    const created = await ports.store
      .collection<SystemWarning>(C.warnings)
      .add({ _id: id, kind: 'calendar', year, message, createdAt: now.toISOString(), resolved: false })
      .then(() => true, (e) => (ignoreDuplicate(e), false));
    if (!created) continue;
    const admins = await ports.store.collection<User>(C.users).find({ roles: { $all: ['admin'] }, active: true }, { limit: 50 });
    for (const a of admins) {
      await ports.store
        .collection<Message>(C.messages)
        .add({ _id: `${id}:${a._id}`, userId: a._id, requestId: '', title: '工作日历数据缺失', body: message, read: false, createdAt: now.toISOString() })
        .catch(ignoreDuplicate);
    }
  }
}

export async function listWarnings(ctx: Ctx, input: unknown) {
  requireRole(ctx.user, 'admin', 'dispatcher', 'leader');
  parseInput(z.object({}).passthrough(), input);
  const items = await ctx.ports.store.collection<SystemWarning>(C.warnings).find({ resolved: false }, { orderBy: [['createdAt', 'desc']], limit: 50 });
  return { items };
}

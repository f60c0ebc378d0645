/**
 * Reading and changing visit documents. Every change is a conditional update on the version
 * read (retried a few times on a race), like requests; one lock document per enterprise
 * (visit_open/<enterpriseId>) makes "at most one open visit per enterprise" atomic, so two
 * officials scanning at once end up in one joint visit instead of two.
 */
import { C } from '../collections';
import { AppError } from '../errors';
import type { Enterprise } from '../model';
import type { Ports, Update } from '../ports';
import { beijingDateKey } from '../time';
import type { Visit } from './model';
import { enterpriseRepo } from '../repos/enterprises';

export type OpenLock = { _id: string; visitId: string; createdAt: string };

export const visits = (ports: Ports) => ports.store.collection<Visit>(C.visits);

export async function loadVisit(ports: Ports, id: string): Promise<Visit> {
  const v = await visits(ports).get(id);
  if (!v) throw new AppError('NOT_FOUND', '未找到该入企记录');
  return v;
}

export async function loadEnterprise(ports: Ports, id: string): Promise<Enterprise> {
  const ent = await enterpriseRepo(ports.store).get(id);
  if (!ent) throw new AppError('ENTERPRISE_NOT_FOUND', '该企业已不在本区企业名录中');
  return ent;
}

/** the visit the user is on site for right now, anywhere */
export async function presentVisitOf(ports: Ports, userId: string): Promise<Visit | null> {
  const [v] = await visits(ports).find({ status: 'open', presentIds: { $all: [userId] } }, { orderBy: [['checkinAt', 'desc']], limit: 1 });
  return v ?? null;
}

/** the enterprise's open visit, if any */
export async function openVisitAt(ports: Ports, enterpriseId: string): Promise<Visit | null> {
  const lock = await ports.store.collection<OpenLock>(C.visitOpen).get(enterpriseId);
  if (lock) {
    const v = await visits(ports).get(lock.visitId);
    if (v && v.status === 'open') return v;
  }
  const [v] = await visits(ports).find({ enterpriseId, status: 'open' }, { limit: 1 });
  return v ?? null;
}

export async function releaseLock(ports: Ports, v: Visit) {
  const locks = ports.store.collection<OpenLock>(C.visitOpen);
  const lock = await locks.get(v.enterpriseId);
  if (lock && lock.visitId === v._id) await locks.remove(v.enterpriseId);
}

export async function nextVisitNo(ports: Ports, now: Date): Promise<string> {
  const key = beijingDateKey(now);
  const n = await ports.store.collection(C.counters).increment(`visit-${key}`, 'seq', 1);
  return `GW${key}${String(n).padStart(4, '0')}`;
}

/**
 * Read, decide, write conditioned on the version read; on a race, read again and decide again.
 * `change` returns the update to apply, or null when there is nothing to do.
 */
export async function patchVisit(
  ports: Ports,
  id: string,
  change: (v: Visit) => Update | null,
  now: Date,
): Promise<Visit> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const v = await loadVisit(ports, id);
    const u = change(v);
    if (!u) return v;
    const update: Update = { ...u, $set: { ...(u.$set ?? {}), version: v.version + 1, updatedAt: now.toISOString() } };
    if (await visits(ports).update(id, update, { version: v.version })) return loadVisit(ports, id);
  }
  throw new AppError('CONFLICT', '入企记录正在被更新，请稍后重试');
}

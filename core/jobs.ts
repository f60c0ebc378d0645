/**
 * Work longer than one cloud-function call: the registry import (up to 5,000 rows) and the ledger
 * export (up to 5,000 rows).
 *
 * A CloudBase function times out after 3 s by default and each store call costs 5–20 ms, so 5,000
 * writes (50–100 s) cannot finish in one call. Such work runs as a job: a document in `jobs` with
 * the progress and a cursor, its rows in numbered part documents in `job_parts`. Each call works
 * until its time budget is spent, saves the progress and answers it; the caller calls again with
 * the job id until the job is finished. A call that dies mid-way loses only work since the last
 * saved progress, and every step is written so that redoing it is harmless.
 *
 * One call at a time works on a job: it takes a lease (a conditional update, so two calls that
 * race cannot both hold it) that runs out by itself after LEASE_MS if the call dies.
 */
import { C } from './collections';
import type { Ctx } from './context';
import { AppError } from './errors';
import type { Doc, Ports } from './ports';

/** time one call may spend, measured from the call's start (ctx.now): 1 s left of the 3 s timeout for cold start and the answer */
export const CALL_BUDGET_MS = 2000;
/** kept for the closing writes (progress, the last part, audit: 2–3 calls) after the last unit of work of up to 2 calls */
export const RESERVE_MS = 300;
/** longer than the function timeout: a lease of a call that died runs out after this */
export const LEASE_MS = 5000;

export type JobKind = 'enterprise.import' | 'ledger.export';

export type JobBase = Doc & {
  kind: JobKind;
  /** who started it: only they continue it */
  userId: string;
  createdAt: string;
  updatedAt: string;
  finished: boolean;
  /** parts written so far */
  parts: number;
  /** the call working on the job: its token and until when ('' when free) */
  lease: string;
  leaseUntil: string;
};

export type JobPart<R> = Doc & { jobId: string; index: number; rows: R[] };

/** how much of this call's budget is spent; `over()` when the next unit of work should wait for the next call */
export function callBudget(ctx: Ctx, ms = CALL_BUDGET_MS) {
  const start = ctx.now.getTime();
  const spent = () => ctx.ports.clock.now().getTime() - start;
  return { ms, spent, over: (reserve = RESERVE_MS) => spent() >= ms - reserve };
}

export const jobs = <J extends JobBase>(ports: Ports) => ports.store.collection<J>(C.jobs);
const parts = <R>(ports: Ports) => ports.store.collection<JobPart<R>>(C.jobParts);
const partId = (jobId: string, index: number) => `${jobId}.p${String(index).padStart(4, '0')}`;

/** the caller's own job of this kind; anybody else's answers like a missing one */
export async function loadJob<J extends JobBase>(ctx: Ctx, id: string, kind: JobKind): Promise<J> {
  const job = await jobs<J>(ctx.ports).get(id);
  if (!job || job.kind !== kind || job.userId !== ctx.user._id) throw new AppError('NOT_FOUND', '未找到该任务，请重新开始');
  return job;
}

/** take the job for this call; false if another call holds it (or it is finished) */
export async function claimJob(ports: Ports, id: string, token: string): Promise<boolean> {
  const now = ports.clock.now();
  return jobs(ports).update(
    id,
    { $set: { lease: token, leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(), updatedAt: now.toISOString() } },
    { leaseUntil: { $lt: now.toISOString() }, finished: false },
  );
}

/**
 * Save progress and let go of the job, if this call still holds it (a call that overran its lease
 * may have lost it to a later one: then the later one's progress stands).
 */
export async function saveJob(ports: Ports, id: string, token: string, set: Record<string, unknown>, release = true): Promise<boolean> {
  const now = ports.clock.now().toISOString();
  return jobs(ports).update(id, { $set: { ...set, updatedAt: now, ...(release ? { lease: '', leaseUntil: '' } : {}) } }, { lease: token });
}

/** write part `index` of a job; writing the same part again (a redo after a call died) replaces it */
export async function writePart<R>(ports: Ports, jobId: string, index: number, rows: R[]): Promise<void> {
  try {
    await parts<R>(ports).add({ _id: partId(jobId, index), jobId, index, rows });
  } catch (e) {
    if ((e as { code?: string }).code !== 'DUPLICATE_ID') throw e;
    await parts<R>(ports).update(partId(jobId, index), { $set: { rows } });
  }
}

export async function readPart<R>(ports: Ports, jobId: string, index: number): Promise<R[]> {
  const part = await parts<R>(ports).get(partId(jobId, index));
  if (!part) throw new AppError('INTERNAL', '任务数据缺失，请重新开始');
  return part.rows;
}

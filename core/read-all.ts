/**
 * Reading a whole set through paged finds.
 *
 * CloudBase answers one find with at most MAX_PAGE (100) documents, so a read that asks once and
 * stops silently loses the 101st org, grid or officer: a district has ~1,000 grids and as many
 * officers. These helpers page by `_id` (keyset: `_id > last`, which stays correct while others
 * write, unlike `skip`) until a short page, and refuse to read more than a cap so a runaway set
 * fails with a clear message instead of a function timeout.
 *
 * Cost: ceil((n + 1) / 100) store calls for n documents (the last, short page tells us it is
 * the last), e.g. 11 calls for 1,000 grids. getMany costs ceil(ids / 100) calls.
 */
import { AppError } from './errors';
import { MAX_PAGE, type Collection, type Doc, type Filter } from './ports';

/** more than this is not a "whole set" any action should hold in memory */
export const READ_ALL_CAP = 20_000;

type Bounds = { $gt?: unknown; $gte?: unknown; [op: string]: unknown };

/** the filter narrowed to documents after `last` in _id order; null when nothing can follow */
function after(filter: Filter, last: string | null): Filter | null {
  if (last === null) return filter;
  const own = filter._id;
  if (own === undefined) return { ...filter, _id: { $gt: last } };
  if (own !== null && typeof own === 'object' && !Array.isArray(own)) {
    const c = own as Bounds;
    if (c.$gt !== undefined || c.$gte !== undefined) throw new Error('readAll: the filter already bounds _id from below');
    return { ...filter, _id: { ...c, $gt: last } } as Filter;
  }
  // an _id equality matches one document at most: the first page had it
  return null;
}

/** the documents matching `filter`, one page (at most 100) at a time, in _id order */
export async function* pagesOf<T extends Doc>(col: Collection<T>, filter: Filter): AsyncGenerator<T[]> {
  let last: string | null = null;
  for (;;) {
    const next = after(filter, last);
    if (!next) return;
    const page = await col.find(next, { orderBy: [['_id', 'asc']], limit: MAX_PAGE });
    if (page.length) yield page;
    if (page.length < MAX_PAGE) return;
    last = page[page.length - 1]._id;
  }
}

/**
 * Every document matching `filter`, in _id order. `what` names the set in the error when there
 * are more than `cap` (e.g. '网格').
 */
export async function readAll<T extends Doc>(col: Collection<T>, filter: Filter, opts: { cap?: number; what?: string } = {}): Promise<T[]> {
  const cap = opts.cap ?? READ_ALL_CAP;
  const out: T[] = [];
  for await (const page of pagesOf(col, filter)) {
    out.push(...page);
    if (out.length > cap) throw new AppError('INTERNAL', `${opts.what ?? '数据'}超过${cap}条，超出系统单次读取上限，请联系技术支持`);
  }
  return out;
}

/** the documents with these ids (missing ones are absent from the map): ceil(ids / 100) calls */
export async function getMany<T extends Doc>(col: Collection<T>, ids: Iterable<string | null | undefined>): Promise<Map<string, T>> {
  const unique = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.length > 0))];
  const out = new Map<string, T>();
  for (let i = 0; i < unique.length; i += MAX_PAGE) {
    const chunk = unique.slice(i, i + MAX_PAGE);
    for (const doc of await col.find({ _id: { $in: chunk } }, { limit: MAX_PAGE })) out.set(doc._id, doc);
  }
  return out;
}

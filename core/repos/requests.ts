/**
 * The requests collection: every way the use cases read it, each beside the index of
 * core/collections.ts (INDEXES.requests) that serves it, and the guarded writes. Use cases name
 * what they want (`recentOfEnterprise`, `dueForCheck`, a ledger query) and read as the business
 * rule; the filters live here only (tests/integration/repositories.test.ts holds every other module
 * of core/ to that, and query-coverage.test.ts every query here to an index).
 *
 * A repository is a thin view over the store port: it costs one store call per method call
 * (`getMany` ceil(ids / 100)), the same as the find it replaces.
 */
import { OPEN_STATUSES, type Channel, type Colour, type RequestStatus, type Tier } from '../contract/catalog';
import { C } from '../collections';
import type { ServiceRequest } from '../model';
import { MAX_PAGE, type Filter, type FindOptions, type Store, type Update } from '../ports';
import { getMany, readAll } from '../read-all';

/**
 * What a write expects the request to be (a conditional update: no write when it is not):
 * the version read (`seq`), a status among some, and the counting protocol's marks
 * (core/stats/counters.ts).
 */
export type RequestGuard = {
  seq?: number;
  status?: readonly RequestStatus[];
  statsOp?: null;
  'statsOp.id'?: string;
  'stats.seq'?: number | null;
  /** a linked request with no unmerge begun (core/desk/merge.ts settleLink) */
  'mergedInto.unmerging'?: { $exists: false };
};

/**
 * A ledger query (台账), already narrowed to what the caller may see (core/ledger/ledger.ts decides
 * that). Each field alone leads one index ('<field>,createdAt,_id'), newest first.
 */
export type LedgerQuery = {
  colour?: Colour;
  tier?: Tier;
  /** one stored code, or several (a group, or a leaf with the old codes mapped to it) */
  category?: string | readonly string[];
  channel?: Channel;
  /** one status; an empty list matches nothing (回访 with another status picked) */
  status?: RequestStatus | readonly RequestStatus[];
  assigneeId?: string;
  /** 回访: closed requests called back (done) or not yet (due) */
  callback?: 'due' | 'done';
  /** ISO instants: created at or after, and before */
  createdFrom?: string;
  createdBefore?: string;
  /** every one of these departments is a party (the side table of deptIds) */
  deptIds?: string[];
  /** left out (complaints about the caller, core/recusal.ts) */
  excludeIds?: string[];
  /** only requests at these centers (a dispatcher's scope, core/desk/scope.ts; a center picked) */
  tierOrgIds?: string[];
  /**
   * 超期 as the dashboard counts it (core/stats/figures.ts: odOpen + late): open and red, or open
   * again after a late first answer; or answered late (closedOnTime false) or first answered late.
   * One branch per way of being late, each led by its statuses ('status,createdAt,_id').
   */
  overdue?: boolean;
  /** only the requests of these enterprises (a ledger search by enterprise, core/ledger/search.ts): 'enterpriseId,createdAt,_id' */
  enterpriseIds?: string[];
};

/** a position in the ledger's order (createdAt desc, _id desc): the last row read */
export type LedgerCursor = { createdAt: string; id: string };

const guardFilter = (g: RequestGuard): Filter => {
  const { status, ...rest } = g;
  return { ...(status ? { status: { $in: [...status] } } : {}), ...rest } as Filter;
};

/** answered: 办结 on the dashboard (resolved 待评价, closed 已办结) */
export const DONE_STATUSES: readonly RequestStatus[] = ['resolved', 'closed'];

/** the ways a request counts as 超期 (see LedgerQuery.overdue), as branches of an $or */
const OVERDUE: Filter[] = [
  { status: { $in: [...OPEN_STATUSES] }, colour: 'red' },
  { status: { $in: [...OPEN_STATUSES, ...DONE_STATUSES] }, firstLate: true },
  { status: { $in: [...DONE_STATUSES] }, closedOnTime: false },
];

function ledgerFilter(q: LedgerQuery): Filter {
  const f: Filter = {};
  if (q.tier) f.tier = q.tier;
  if (q.category) f.category = typeof q.category === 'string' ? q.category : { $in: [...q.category] };
  if (q.channel) f.channel = q.channel;
  if (q.colour) f.colour = q.colour;
  if (q.status !== undefined) f.status = typeof q.status === 'string' ? q.status : { $in: [...q.status] };
  if (q.assigneeId) f.assigneeId = q.assigneeId;
  if (q.callback) f.callbackDone = q.callback === 'done' ? true : { $ne: true };
  if (q.createdFrom || q.createdBefore) f.createdAt = { ...(q.createdFrom ? { $gte: q.createdFrom } : {}), ...(q.createdBefore ? { $lt: q.createdBefore } : {}) };
  if (q.deptIds?.length) f.deptIds = { $all: q.deptIds };
  if (q.excludeIds?.length) f._id = { $nin: q.excludeIds };
  if (q.tierOrgIds) f.tierOrgId = { $in: q.tierOrgIds };
  if (q.overdue) f.$or = OVERDUE;
  if (q.enterpriseIds) f.enterpriseId = { $in: q.enterpriseIds };
  return f;
}

const NEWEST: FindOptions['orderBy'] = [['createdAt', 'desc'], ['_id', 'desc']];

export function requestRepo(store: Store) {
  const c = store.collection<ServiceRequest>(C.requests);
  const page = (filter: Filter, n: number, size: number) => c.find(filter, { orderBy: [['createdAt', 'desc']], skip: (n - 1) * size, limit: size });

  return {
    get: (id: string) => c.get(id),
    /** by ids, one read per 100 (absent ones are missing from the map) */
    getMany: (ids: Array<string | null | undefined>) => getMany(c, ids),
    add: (doc: ServiceRequest) => c.add(doc),
    /** a write that happens only if the request is as expected (the version read): false when it is not */
    update: (id: string, update: Update, guard?: RequestGuard) => c.update(id, update, guard ? guardFilter(guard) : undefined),
    /** by its number (SQ…): 'no' */
    byNo: async (no: string) => (await c.find({ no }, { limit: 1 }))[0] ?? null,
    /** the store has none at all (the demo seeds only an empty store) */
    none: async () => (await c.count({})) === 0,

    // --- one enterprise's requests: 'enterpriseId,createdAt,_id' ---
    /** created since an instant, newest first (submit: the hour's rate limit and a retried submit) */
    recentOfEnterprise: (enterpriseId: string, since: string, limit: number) =>
      c.find({ enterpriseId, createdAt: { $gte: since } }, { orderBy: [['createdAt', 'desc']], limit: Math.min(limit, MAX_PAGE) }),
    /** the latest ones (a visit's 回访 candidates) */
    latestOfEnterprise: (enterpriseId: string, limit: number) => c.find({ enterpriseId }, { orderBy: [['createdAt', 'desc']], limit: Math.min(limit, MAX_PAGE) }),
    /** one page of 我的诉求, newest first, and how many there are */
    pageOfEnterprise: (enterpriseId: string, n: number, size: number, statuses?: readonly RequestStatus[], colour?: Colour) => {
      const f: Filter = { enterpriseId, ...(statuses ? { status: { $in: [...statuses] } } : {}), ...(colour ? { colour } : {}) };
      return Promise.all([page(f, n, size), c.count(f)]);
    },
    /** the n-th hundred of one enterprise's requests in these statuses (and of this colour), newest first (a search looks through them) */
    hundredOfEnterprise: (enterpriseId: string, n: number, statuses?: readonly RequestStatus[], colour?: Colour) =>
      page({ enterpriseId, ...(statuses ? { status: { $in: [...statuses] } } : {}), ...(colour ? { colour } : {}) }, n, MAX_PAGE),
    /** 并件: one enterprise's linked requests it may score now (their main answered, core/desk/merge-rules.ts), newest first, at most MAX_PAGE */
    linkedToRate: (enterpriseId: string) => page({ enterpriseId, status: 'merged', linkedAnswered: true }, 1, MAX_PAGE),
    countLinkedToRate: (enterpriseId: string) => c.count({ enterpriseId, status: 'merged', linkedAnswered: true }),
    /** 并件: a linked request may be scored now or not (its main answered), never once scored or unlinked */
    markLinkedAnswered: (id: string, answered: boolean) => c.update(id, { $set: { linkedAnswered: answered } }, { status: 'merged', score: null }),
    /** one enterprise's requests in these statuses from the `skip`-th, newest first */
    sliceOfEnterprise: (enterpriseId: string, statuses: readonly RequestStatus[], skip: number, limit: number) =>
      c.find({ enterpriseId, status: { $in: [...statuses] } }, { orderBy: [['createdAt', 'desc']], skip, limit }),
    /** how many of one enterprise's requests are in these statuses (and of this colour) */
    countOfEnterprise: (enterpriseId: string, statuses: readonly RequestStatus[], colour?: Colour) =>
      c.count({ enterpriseId, status: { $in: [...statuses] }, ...(colour ? { colour } : {}) }),

    // --- one handler's requests: 'assigneeId,status,dueAt' ---
    /** one page of an officer's tab, the nearest deadline first (urgent) or newest first, and how many there are */
    pageOfAssignee: (assigneeId: string, statuses: readonly RequestStatus[], n: number, size: number, order: 'urgent' | 'newest' = 'newest') => {
      const f = { assigneeId, status: { $in: [...statuses] } };
      const items = order === 'urgent'
        ? c.find(f, { orderBy: [['dueAt', 'asc']], skip: (n - 1) * size, limit: size })
        : page(f, n, size);
      return Promise.all([items, c.count(f)]);
    },
    countOfAssignee: (assigneeId: string, statuses: readonly RequestStatus[], colour?: Colour) =>
      c.count({ assigneeId, status: { $in: [...statuses] }, ...(colour ? { colour } : {}) }),
    /** up to `limit` of a handler's requests in these statuses (a deactivated officer's open work) */
    ofAssignee: (assigneeId: string, statuses: readonly RequestStatus[], limit: number) => c.find({ assigneeId, status: { $in: [...statuses] } }, { limit }),

    // --- waiting for an officer: 'status,createdAt,_id' ---
    /** the queue, oldest first, of one grid or of all */
    queued: (gridId: string | undefined, limit: number) =>
      c.find({ status: 'queued', ...(gridId ? { gridId } : {}) }, { orderBy: [['createdAt', 'asc']], limit }),
    countQueued: () => c.count({ status: 'queued' }),
    /** in some statuses, created after an instant (or from the start) up to another, in (createdAt, _id) order (the calendar recompute's pages) */
    inStatusesCreatedBetween: (statuses: readonly RequestStatus[], after: string | null, until: string, limit: number) =>
      c.find({ status: { $in: [...statuses] }, createdAt: { ...(after ? { $gt: after } : {}), $lte: until } }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit }),
    /** the rest of those created at one instant, after an id (the recompute's cursor) */
    inStatusesCreatedAtAfterId: (statuses: readonly RequestStatus[], createdAt: string, afterId: string, limit: number) =>
      c.find({ status: { $in: [...statuses] }, createdAt, _id: { $gt: afterId } }, { orderBy: [['_id', 'asc']], limit }),

    // --- the timers' marks ---
    /** deadlines whose check time has come, earliest first: 'nextCheckAt' */
    dueForCheck: (now: string, limit: number) => c.find({ nextCheckAt: { $lte: now } }, { orderBy: [['nextCheckAt', 'asc']], limit }),
    countDueForCheck: (now: string) => c.count({ nextCheckAt: { $lte: now } }),
    /** changes whose notifications are not written yet: 'needsNotify' */
    markedForNotify: (limit: number) => c.find({ needsNotify: true }, { limit }),
    countMarkedForNotify: () => c.count({ needsNotify: true }),
    /** changes not counted yet: 'statsPending' */
    markedForStats: (limit: number) => c.find({ statsPending: true }, { limit }),
    countMarkedForStats: () => c.count({ statsPending: true }),
    /** requests from before counting existed (once, after the upgrade): 'statsPending' leads, none of these carry it */
    neverCounted: (limit: number) => c.find({ stats: { $exists: false } }, { limit }),
    /** every request in _id order, a page after `after` (a full recount) */
    pageById: (after: string | null, limit: number) => c.find(after ? { _id: { $gt: after } } : {}, { orderBy: [['_id', 'asc']], limit }),

    // --- what one filer filed (代报, 直通车): 'filedBy.id,createdAt,_id' ---
    /** one page of a filer's requests in these statuses (or all), newest first, and how many there are */
    pageOfFiler: (filerId: string, n: number, size: number, statuses?: readonly RequestStatus[]) => {
      const f: Filter = { 'filedBy.id': filerId, ...(statuses ? { status: { $in: [...statuses] } } : {}) };
      return Promise.all([c.find(f, { orderBy: NEWEST, skip: (n - 1) * size, limit: size }), c.count(f)]);
    },
    countOfFiler: (filerId: string, statuses: readonly RequestStatus[]) => c.count({ 'filedBy.id': filerId, status: { $in: [...statuses] } }),

    /** complaints about a user (回避): 'recusal.userIds,_id' */
    recusing: (userId: string, cap: number) => readAll(c, { 'recusal.userIds': { $all: [userId] } }, { cap, what: '回避诉求' }),

    // --- the briefing's cases: 'status,createdAt,_id' and 'colour,urgeCount,createdAt' ---
    praisedIn: (from: string, before: string, limit: number) =>
      c.find({ status: 'closed', createdAt: { $gte: from, $lt: before }, score: 5 }, { orderBy: [['createdAt', 'desc']], limit }),
    mostUrgedRedIn: (from: string, before: string, limit: number) =>
      c.find({ colour: 'red', createdAt: { $gte: from, $lt: before } }, { orderBy: [['urgeCount', 'desc'], ['createdAt', 'asc']], limit }),

    // --- the ledger (台账) ---
    ledgerPage: (q: LedgerQuery, n: number, size: number) => c.find(ledgerFilter(q), { orderBy: NEWEST, skip: (n - 1) * size, limit: size }),
    ledgerCount: (q: LedgerQuery) => c.count(ledgerFilter(q)),
    /** the request with this number among the query's (a ledger search by number): 'no' */
    ledgerByNo: async (q: LedgerQuery, no: string) => (await c.find({ ...ledgerFilter(q), no }, { limit: 1 }))[0] ?? null,
    /** the next rows after a cursor, in the ledger's order (an export reads page after page, a search its window) */
    ledgerAfter: (q: LedgerQuery, cursor: LedgerCursor | null, limit: number) => {
      const { $or: figure, ...f } = ledgerFilter(q);
      if (!cursor) return c.find(figure ? { ...f, $or: figure } : f, { orderBy: NEWEST, limit });
      // the filter's own $or (超期) goes inside each branch of the cursor's
      const after: Filter[] = [{ createdAt: { $lt: cursor.createdAt } }, { createdAt: cursor.createdAt, _id: { $lt: cursor.id } }];
      return c.find({ ...f, $or: figure ? after.map((b) => ({ ...b, $or: figure })) : after }, { orderBy: NEWEST, limit });
    },
  };
}

export type RequestRepo = ReturnType<typeof requestRepo>;

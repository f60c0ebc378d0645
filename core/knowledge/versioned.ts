/**
 * What the knowledge base (kb.ts) and the responsibility list (items.ts) share: a collection of
 * entries with `active`, whose version (one settings document) moves with every change, so that each
 * function instance keeps the text index it built until the version moves; and the admin's list
 * (a page, or the search's hits) and its 下线 / 恢复 of one entry.
 */
import { C } from '../collections';
import { newId, type Ctx } from '../context';
import { orgById } from '../org-cache';
import { AppError } from '../errors';
import { ignoreDuplicate, MAX_PAGE, type Doc, type Ports, type Store } from '../ports';
import { readAll } from '../read-all';
import { audit } from '../admin/audit';
import type { textIndex } from './text-match';

type Entry = Doc & { _id: string; active: boolean; updatedAt: string; updatedBy?: string };
export type Built<T> = { version: number; index: ReturnType<typeof textIndex>; byId: Map<string, T> };

/** the entries of `collection`, and the version in settings document `versionDoc` */
export function versionedRepo<T extends Entry>(store: Store, collection: string, versionDoc: string, what: string) {
  const c = store.collection<T>(collection);
  const settings = store.collection<{ _id: string; version?: number }>(C.settings);
  return {
    c,
    get: (id: string) => c.get(id),
    add: (e: T) => c.add(e),
    update: (id: string, set: Partial<T>) => c.update(id, { $set: set }),
    /** every active entry (the index's source): pages of 100 */
    allActive: () => readAll(c, { active: true }, { what }),
    version: async () => (await settings.get(versionDoc))?.version ?? 0,
    /** after any change: every instance rebuilds its index on its next suggestion */
    bump: () => settings.increment(versionDoc, 'version', 1),
  };
}

/** the entries whose `field` is exactly one of `values`, active or not (an import's match), first found per value: one call per 90 */
export async function entriesBy<T extends Entry>(repo: ReturnType<typeof versionedRepo<T>>, field: keyof T & string, values: string[]): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += 90) {
    for (const e of await repo.c.find({ [field]: { $in: unique.slice(i, i + 90) } }, { limit: MAX_PAGE })) {
      const key = e[field] as unknown as string;
      if (!out.has(key)) out.set(key, e);
    }
  }
  return out;
}

/**
 * An import's plan and, when confirmed, its writes (kb-import.ts, items-import.ts): each checked row
 * is new (added under `idFor`), changed (its entry, found by `keyOf`, updated) or unchanged (nothing
 * written). The dry run writes nothing; a confirmed run writes until the call's time is spent and is
 * called again until `finished` (what it wrote then reads as unchanged), moving the version and
 * writing one audit entry for what it wrote.
 */
export async function importEntries<F extends object, T extends Entry, E>(ctx: Ctx, repo: ReturnType<typeof versionedRepo<T>>, o: {
  total: number; ok: Array<{ f: F }>; errors: E[]; found: Map<string, T>; confirm: boolean | undefined; budget: { over(): boolean };
  keyOf: (f: F) => string; same: (f: F, e: T) => boolean; idFor: (f: F) => string; audit: (created: number, updated: number) => Promise<unknown>;
}) {
  const plan = o.ok.map((c) => {
    const prev = o.found.get(o.keyOf(c.f)) ?? null;
    return { ...c, prev, verdict: !prev ? 'create' as const : o.same(c.f, prev) ? 'unchanged' as const : 'update' as const };
  });
  const count = (v: string) => plan.filter((p) => p.verdict === v).length;
  const base = { total: o.total, create: count('create'), update: count('update'), unchanged: count('unchanged'), errors: o.errors, errorCount: o.errors.length };
  if (!o.confirm) return { dryRun: true as const, ...base, created: 0, updated: 0, remaining: base.create + base.update, finished: false };

  const at = ctx.now.toISOString();
  let created = 0;
  let updated = 0;
  for (const p of plan) {
    if (p.verdict === 'unchanged') continue;
    if (o.budget.over()) break;
    const fields = { ...p.f, updatedAt: at, updatedBy: ctx.user._id } as unknown as Partial<T>;
    if (p.prev) { await repo.update(p.prev._id, fields); updated++; continue; }
    await repo.add({ _id: o.idFor(p.f), ...fields, active: true, createdAt: at } as unknown as T).catch(ignoreDuplicate);
    created++;
  }
  if (created || updated) {
    await repo.bump();
    await o.audit(created, updated);
  }
  const remaining = base.create + base.update - created - updated;
  return { dryRun: false as const, ...base, created, updated, remaining, finished: remaining === 0 };
}

/** the index of the active entries, as of the current version: rebuilt (by `build`) only when it moved */
export function versionedIndex<T extends Entry>(repoOf: (store: Store) => ReturnType<typeof versionedRepo<T>>, build: (entries: T[]) => ReturnType<typeof textIndex>) {
  const built = new WeakMap<Store, Built<T>>();
  return async (ports: Ports): Promise<Built<T>> => {
    const repo = repoOf(ports.store);
    const version = await repo.version();
    const have = built.get(ports.store);
    if (have && have.version === version) return have;
    const entries = await repo.allActive();
    const next: Built<T> = { version, byId: new Map(entries.map((e) => [e._id, e])), index: build(entries) };
    built.set(ports.store, next);
    return next;
  };
}

const PAGE = 20;

/** the admin's list: the search's hits (active ones) for `q`, else a page of the active or the inactive entries, newest change first */
export async function adminList<T extends Entry, V>(
  repo: ReturnType<typeof versionedRepo<T>>, index: () => Promise<Built<T>>, view: (e: T) => V,
  { page, q, inactive }: { page: number; q?: string; inactive?: boolean },
) {
  if (q) {
    const b = await index();
    const hits = b.index.search(q, { limit: PAGE, minCover: 0.05 }).map((m) => b.byId.get(m.id)!).filter(Boolean);
    return { items: hits.map(view), total: hits.length, page: 1, pageSize: PAGE, searched: true };
  }
  const filter = { active: !inactive };
  const [items, total] = await Promise.all([
    repo.c.find(filter, { orderBy: [['updatedAt', 'desc'], ['_id', 'desc']], skip: (page - 1) * PAGE, limit: PAGE }),
    repo.c.count(filter),
  ]);
  return { items: items.map(view), total, page, pageSize: PAGE, searched: false };
}

/**
 * 下线 (out of the suggestions, kept on record) or, with `restore`, 恢复 one entry: audited as
 * `<kind>.remove` / `<kind>.restore`, the version bumped; nothing written when it already is so.
 * `what` names the entry in the audit (知识库条目, 事项), `label` its title, `missing` the page's words for an unknown id.
 */
export async function setActive<T extends Entry>(
  ctx: Ctx, repo: ReturnType<typeof versionedRepo<T>>, id: string, restore: boolean | undefined,
  o: { kind: 'kb' | 'item'; what: string; missing: string; label: (e: T) => string },
) {
  const { kind, what, label } = o;
  const before = await repo.get(id);
  if (!before) throw new AppError('NOT_FOUND', o.missing);
  const active = !!restore;
  if (before.active !== active) {
    await repo.update(id, { active, updatedAt: ctx.now.toISOString(), updatedBy: ctx.user._id } as Partial<T>);
    await audit(ctx, `${kind}.${active ? 'restore' : 'remove'}`, kind, id, `${active ? '恢复' : '下线'}${what}「${label(before)}」`, { active: before.active }, { active });
    await repo.bump();
  }
  return { id, active };
}

/** a chosen department must be one (field `departmentId`) */
export async function requireDepartment(ctx: Ctx, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const org = await orgById(ctx.ports, departmentId);
  if (!org || org.kind !== 'department') throw new AppError('VALIDATION_FAILED', '所选部门不存在', [{ field: 'departmentId', message: '所选部门不存在' }]);
}

/**
 * Saves an edit of entry `id` (its `missing` words when there is none), or, without `id`, a new
 * entry (id `<idPrefix>-<time>-<random>`, active); audited as `<kind>.update` / `<kind>.create`, the
 * version bumped. Answers the entry as stored.
 */
export async function saveEntry<T extends Entry>(
  ctx: Ctx, repo: ReturnType<typeof versionedRepo<T>>, id: string | undefined, given: Omit<T, '_id' | 'active' | 'createdAt' | 'updatedAt' | 'updatedBy'>,
  o: { kind: 'kb' | 'item'; what: string; missing: string; label: string; idPrefix: string },
): Promise<T> {
  const at = ctx.now.toISOString();
  const fields = { ...given, updatedAt: at, updatedBy: ctx.user._id } as unknown as Partial<T>;
  let entry: T;
  if (id) {
    const before = await repo.get(id);
    if (!before) throw new AppError('NOT_FOUND', o.missing);
    entry = { ...before, ...fields };
    await repo.update(id, fields);
    await audit(ctx, `${o.kind}.update`, o.kind, id, `修改${o.what}「${o.label}」`, before, entry);
  } else {
    entry = { _id: `${o.idPrefix}-${ctx.now.getTime().toString(36)}-${newId(ctx.ports)}`, ...fields, active: true, createdAt: at } as unknown as T;
    await repo.add(entry);
    await audit(ctx, `${o.kind}.create`, o.kind, entry._id, `新增${o.what}「${o.label}」`, null, entry);
  }
  await repo.bump();
  return entry;
}

/**
 * Store wrappers for tests that watch what the core does with the database, whatever the store:
 *  - tickingStore: every call costs time on a fake clock (CloudBase answers in 5–20 ms), so a
 *    timer's wall-clock budget can be checked without waiting;
 *  - recordingStore: notes every find and count (collection, filter, order), so the queries can be
 *    held against the declared indexes.
 * Both hand everything else through unchanged.
 */
import type { Collection, Doc, Filter, FindOptions, Store } from '../../core/ports';

const METHODS = ['get', 'add', 'find', 'count', 'update', 'increment', 'remove'] as const;

/** a store whose every call first advances the clock by `msPerCall()` (0 while it answers 0) */
export function tickingStore<S extends Store>(store: S, clock: { advance(ms: number): void }, msPerCall: () => number): S & { calls(): number } {
  let calls = 0;
  const collection = <T extends Doc = Doc>(name: string): Collection<T> => {
    const inner = store.collection<T>(name);
    const out = {} as Record<string, unknown>;
    for (const m of METHODS) {
      out[m] = (...args: unknown[]) => {
        const ms = msPerCall();
        if (ms > 0) { calls++; clock.advance(ms); }
        return (inner[m] as (...a: unknown[]) => unknown).apply(inner, args);
      };
    }
    return out as unknown as Collection<T>;
  };
  return Object.assign(Object.create(store) as S, { collection, calls: () => calls });
}

export type QueryRecord = { collection: string; op: 'find' | 'count'; filter: Filter; orderBy: Array<[string, 'asc' | 'desc']> };

/** a store that appends every find and count to `log` while `on()` says so */
export function recordingStore<S extends Store>(store: S, log: QueryRecord[], on: () => boolean = () => true): S {
  const collection = <T extends Doc = Doc>(name: string): Collection<T> => {
    const inner = store.collection<T>(name);
    return {
      get: (id) => inner.get(id),
      add: (doc) => inner.add(doc),
      update: (id, u, where) => inner.update(id, u, where),
      increment: (id, f, by) => inner.increment(id, f, by),
      remove: (id) => inner.remove(id),
      find: (filter: Filter, options?: FindOptions) => {
        if (on()) log.push({ collection: name, op: 'find', filter: structuredClone(filter), orderBy: options?.orderBy ?? [] });
        return inner.find(filter, options);
      },
      count: (filter: Filter) => {
        if (on()) log.push({ collection: name, op: 'count', filter: structuredClone(filter), orderBy: [] });
        return inner.count(filter);
      },
    };
  };
  return Object.assign(Object.create(store) as S, { collection });
}

/** a store that counts every call (any method, any collection) while `on()` says so: the cost of an action on CloudBase */
export function countingStore<S extends Store>(store: S, on: () => boolean = () => true): S & { calls(): number; log(): string[] } {
  let calls = 0;
  const log: string[] = [];
  const collection = <T extends Doc = Doc>(name: string): Collection<T> => {
    const inner = store.collection<T>(name);
    const out = {} as Record<string, unknown>;
    for (const m of METHODS) {
      out[m] = (...args: unknown[]) => {
        if (on()) { calls++; log.push(`${name}.${m}`); }
        return (inner[m] as (...a: unknown[]) => unknown).apply(inner, args);
      };
    }
    return out as unknown as Collection<T>;
  };
  return Object.assign(Object.create(store) as S, { collection, calls: () => calls, log: () => [...log] });
}

/**
 * Filter and update semantics shared by every Store adapter.
 *
 * `normalizeFilter` validates a Filter once and turns it into a flat list of clauses; the
 * SQLite compiler, the CloudBase mapper and the in-memory matcher below all walk that same
 * shape, so they accept and reject exactly the same filters.
 *
 * Semantics follow Mongo / CloudBase for the supported subset:
 * - `null` (or `$eq: null`) matches a missing field or an explicit null; `$ne` and `$nin`
 *   also match missing fields.
 * - comparisons only match values of the same type family (numbers with numbers, strings with
 *   strings), strings compare by UTF-8 bytes; booleans never equal 0/1.
 * - `$all` matches when an array field contains every value (a scalar counts as a
 *   one-element array, as in Mongo); `$all: []` matches nothing.
 * Deliberate gap: plain equality does NOT match elements inside arrays (use `$all`), so that
 * equality stays an index lookup in SQLite. Don't rely on Mongo's array-equality behaviour.
 */
import { MAX_PAGE, StoreError, type Filter, type FindOptions, type Update } from '../core/ports';

export type Scalar = string | number | boolean | null;
export type Op = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'all' | 'exists';
export type Clause =
  | { path: string; op: 'eq' | 'ne'; value: Scalar }
  | { path: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number | string }
  | { path: string; op: 'in' | 'nin' | 'all'; value: Scalar[] }
  | { path: string; op: 'exists'; value: boolean };
/** All clauses ANDed, then (if present) at least one of `or` must hold. */
export type NormalFilter = { clauses: Clause[]; or?: NormalFilter[] };

// Each segment starts with a letter or underscore: keeps JSON paths unambiguous (no array
// indexes) and makes field names safe to inline into SQL.
const FIELD_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function checkField(path: unknown, code: 'BAD_FILTER' | 'BAD_UPDATE'): string {
  if (typeof path !== 'string' || path.length > 200 || !FIELD_RE.test(path)) {
    throw new StoreError(code, `invalid field name: ${JSON.stringify(path)}`);
  }
  return path;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  // compare by tag, not prototype identity: vm contexts (jest) give objects another realm's
  // Object.prototype
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.prototype.toString.call(v) === '[object Object]' && Object.getPrototypeOf(proto) === null;
}

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

const badFilter = (msg: string) => new StoreError('BAD_FILTER', msg);

function scalarOperand(field: string, op: string, v: unknown): Scalar {
  if (!isScalar(v)) throw badFilter(`${op} on ${field} needs a string, finite number, boolean or null`);
  return v;
}

function listOperand(field: string, op: string, v: unknown): Scalar[] {
  if (!Array.isArray(v)) throw badFilter(`${op} on ${field} needs an array`);
  return v.map((x) => scalarOperand(field, op, x));
}

function toClause(path: string, op: string, v: unknown): Clause {
  switch (op) {
    case '$eq':
      return { path, op: 'eq', value: scalarOperand(path, op, v) };
    case '$ne':
      return { path, op: 'ne', value: scalarOperand(path, op, v) };
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
        throw badFilter(`${op} on ${path} needs a string or a finite number`);
      }
      return { path, op: op.slice(1) as 'gt', value: v };
    case '$in':
    case '$nin':
    case '$all':
      return { path, op: op.slice(1) as 'in', value: listOperand(path, op, v) };
    case '$exists':
      if (typeof v !== 'boolean') throw badFilter(`$exists on ${path} needs a boolean`);
      return { path, op: 'exists', value: v };
    default:
      throw badFilter(`unknown operator ${op} on ${path}`);
  }
}

/** Validate a Filter and flatten it. Throws StoreError('BAD_FILTER'). */
export function normalizeFilter(filter: Filter): NormalFilter {
  if (!isPlainObject(filter)) throw badFilter('filter must be a plain object');
  const clauses: Clause[] = [];
  let or: NormalFilter[] | undefined;
  for (const [key, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    if (key === '$or') {
      if (!Array.isArray(cond) || cond.length === 0) throw badFilter('$or needs a non-empty array of filters');
      or = cond.map((sub) => normalizeFilter(sub as Filter));
      continue;
    }
    if (key.startsWith('$')) throw badFilter(`unknown operator ${key}`);
    checkField(key, 'BAD_FILTER');
    if (isScalar(cond)) {
      clauses.push({ path: key, op: 'eq', value: cond });
      continue;
    }
    // Arrays, Dates, nested documents: whole-value equality is not part of the subset.
    if (!isPlainObject(cond)) throw badFilter(`unsupported condition for ${key}`);
    const ops = Object.entries(cond).filter(([, v]) => v !== undefined);
    if (ops.length === 0) throw badFilter(`empty condition for ${key}`);
    for (const [op, v] of ops) clauses.push(toClause(key, op, v));
  }
  return or ? { clauses, or } : { clauses };
}

/** Value at a dotted path; undefined when missing or when an intermediate is not an object. */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const seg of path.split('.')) {
    if (!isPlainObject(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

type Family = 'null' | 'num' | 'str' | 'bool' | 'array' | 'object';

function family(v: unknown): Family {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return 'num';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : 'object';
}

function eqScalar(x: unknown, v: Scalar): boolean {
  if (v === null) return x === null || x === undefined;
  return family(x) === family(v) && x === v;
}

/** Same order as SQLite's BINARY collation on UTF-8 text (and Mongo's simple collation). */
function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Buffer.compare(Buffer.from(String(a), 'utf8'), Buffer.from(String(b), 'utf8'));
}

function matchClause(x: unknown, c: Clause): boolean {
  switch (c.op) {
    case 'eq':
      return eqScalar(x, c.value);
    case 'ne':
      return !eqScalar(x, c.value);
    case 'in':
      return c.value.some((v) => eqScalar(x, v));
    case 'nin':
      return !c.value.some((v) => eqScalar(x, v));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (family(x) !== family(c.value)) return false;
      const d = compare(x as number | string, c.value);
      return c.op === 'gt' ? d > 0 : c.op === 'gte' ? d >= 0 : c.op === 'lt' ? d < 0 : d <= 0;
    }
    case 'all': {
      if (x === undefined || family(x) === 'object' || c.value.length === 0) return false;
      const arr = Array.isArray(x) ? x : [x];
      return c.value.every((v) => arr.some((e) => eqScalar(e, v)));
    }
    case 'exists':
      return (x !== undefined) === c.value;
  }
}

export function matchNormal(doc: unknown, f: NormalFilter): boolean {
  return (
    f.clauses.every((c) => matchClause(getPath(doc, c.path), c)) &&
    (!f.or || f.or.some((sub) => matchNormal(doc, sub)))
  );
}

/** Does `doc` match `filter`? Same semantics as the SQLite and CloudBase adapters. */
export function matches(doc: unknown, filter: Filter): boolean {
  return matchNormal(doc, normalizeFilter(filter));
}

/** Validated sort terms. */
export function checkOrderBy(orderBy: FindOptions['orderBy']): Array<[string, 'asc' | 'desc']> {
  if (orderBy === undefined) return [];
  if (!Array.isArray(orderBy)) throw badFilter('orderBy must be an array of [field, direction]');
  return orderBy.map(([field, dir]) => {
    checkField(field, 'BAD_FILTER');
    if (dir !== 'asc' && dir !== 'desc') throw badFilter(`bad sort direction for ${field}`);
    return [field, dir];
  });
}

/** skip/limit with defaults; the page size is capped at MAX_PAGE. */
export function pageOf(options: FindOptions = {}): { skip: number; limit: number } {
  const { skip = 0, limit = MAX_PAGE } = options;
  if (!Number.isInteger(skip) || skip < 0) throw badFilter('skip must be a non-negative integer');
  if (!Number.isInteger(limit) || limit < 1) throw badFilter('limit must be a positive integer');
  return { skip, limit: Math.min(limit, MAX_PAGE) };
}

// ---------------------------------------------------------------------------------------------
// Updates

const badUpdate = (msg: string) => new StoreError('BAD_UPDATE', msg);
const UPDATE_OPS = new Set(['$set', '$inc', '$push', '$unset']);

/** A validated update; undefined values in $set/$inc/$push are dropped (as CloudBase does). */
export type NormalUpdate = {
  set: Array<[string, unknown]>;
  inc: Array<[string, number]>;
  push: Array<[string, unknown[]]>;
  unset: string[];
};

function updateField(path: unknown): string {
  checkField(path, 'BAD_UPDATE');
  if (path === '_id' || (path as string).startsWith('_id.')) throw badUpdate('_id cannot be updated');
  return path as string;
}

function entriesOf(op: string, v: unknown): Array<[string, unknown]> {
  if (v === undefined) return [];
  if (!isPlainObject(v)) throw badUpdate(`${op} needs an object`);
  return Object.entries(v).filter(([, x]) => x !== undefined);
}

/** Validate an Update. Throws StoreError('BAD_UPDATE'). */
export function normalizeUpdate(update: Update): NormalUpdate {
  if (!isPlainObject(update)) throw badUpdate('update must be a plain object');
  for (const key of Object.keys(update)) {
    if (!UPDATE_OPS.has(key)) throw badUpdate(`unknown update operator ${key}`);
  }
  const set = entriesOf('$set', update.$set).map(([p, v]) => [updateField(p), v] as [string, unknown]);
  const inc = entriesOf('$inc', update.$inc).map(([p, v]) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw badUpdate(`$inc on ${p} needs a finite number`);
    return [updateField(p), v] as [string, number];
  });
  const push = entriesOf('$push', update.$push).map(([p, v]) => {
    if (isPlainObject(v) && Object.keys(v).some((k) => k.startsWith('$'))) {
      const keys = Object.keys(v);
      if (keys.length !== 1 || keys[0] !== '$each' || !Array.isArray(v.$each)) {
        throw badUpdate(`$push on ${p} supports only { $each: [...] }`);
      }
      return [updateField(p), v.$each] as [string, unknown[]];
    }
    return [updateField(p), [v]] as [string, unknown[]];
  });
  if (update.$unset !== undefined && !Array.isArray(update.$unset)) throw badUpdate('$unset needs an array of field names');
  const unset = (update.$unset ?? []).map(updateField);

  // Mongo rejects updates touching the same path (or a parent and its child) twice.
  const paths = [...set, ...inc, ...push].map(([p]) => p).concat(unset);
  if (paths.length === 0) throw badUpdate('empty update');
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1] || sorted[i].startsWith(sorted[i - 1] + '.')) {
      throw badUpdate(`conflicting updates on ${sorted[i - 1]} and ${sorted[i]}`);
    }
  }
  return { set, inc, push, unset };
}

/** Parent object of a dotted path, creating missing objects; fails on a non-object in the way. */
function parentFor(doc: Record<string, unknown>, path: string): [Record<string, unknown>, string] {
  const segs = path.split('.');
  let cur = doc;
  for (const seg of segs.slice(0, -1)) {
    const next = cur[seg];
    if (next === undefined) cur[seg] = {};
    else if (!isPlainObject(next)) throw badUpdate(`cannot create field under non-object ${seg} in ${path}`);
    cur = cur[seg] as Record<string, unknown>;
  }
  return [cur, segs[segs.length - 1]];
}

/**
 * A deep copy of document data: plain objects, arrays, Dates and byte arrays. Not structuredClone:
 * the cloud functions are bundled from this file for CloudBase's Nodejs16.13 runtime, and
 * structuredClone arrived in Node 17 (https://nodejs.org/api/globals.html#structuredclonevalue-options).
 */
export function cloneData<V>(v: V): V {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime()) as V;
  if (ArrayBuffer.isView(v)) return (v as unknown as Uint8Array).slice() as unknown as V;
  if (Array.isArray(v)) return v.map(cloneData) as V;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = cloneData((v as Record<string, unknown>)[k]);
  return out as V;
}

export function applyNormalUpdate<T extends Record<string, unknown>>(doc: T, u: NormalUpdate, o: { inPlace?: boolean } = {}): T {
  // in place: a document the caller owns alone (just parsed from storage); the values set are still copied
  const out = (o.inPlace ? doc : cloneData(doc)) as Record<string, unknown>;
  for (const [p, v] of u.set) {
    const [parent, key] = parentFor(out, p);
    parent[key] = cloneData(v);
  }
  for (const [p, by] of u.inc) {
    const [parent, key] = parentFor(out, p);
    const cur = parent[key] === undefined ? 0 : parent[key];
    if (typeof cur !== 'number') throw badUpdate(`$inc on non-numeric field ${p}`);
    parent[key] = cur + by;
  }
  for (const [p, values] of u.push) {
    const [parent, key] = parentFor(out, p);
    const cur = parent[key] === undefined ? [] : parent[key];
    if (!Array.isArray(cur)) throw badUpdate(`$push on non-array field ${p}`);
    parent[key] = [...cur, ...cloneData(values)];
  }
  for (const p of u.unset) {
    const segs = p.split('.');
    const target = segs.length === 1 ? out : getPath(out, segs.slice(0, -1).join('.'));
    if (isPlainObject(target)) delete target[segs[segs.length - 1]];
  }
  return out as T;
}


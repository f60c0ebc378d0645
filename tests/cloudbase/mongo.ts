/**
 * The document database under CloudBase, as the test bed imitates it: MongoDB query, sort and
 * update semantics evaluated on the JSON that @cloudbase/database's serializers produce (the very
 * documents wx-server-sdk sends to the server). Not the SQLite adapter's semantics, and no code
 * shared with adapters/filter-match.ts, so a difference between the two shows up as a failing test.
 *
 * What each rule rests on (MongoDB manual, which CloudBase's document database follows; "CloudBase
 * 数据库基于 MongoDB": https://docs.cloudbase.net/database/introduce):
 * - equality on a field holding an array matches when any element equals, or the whole array equals
 *   (https://www.mongodb.com/docs/manual/tutorial/query-arrays/); dotted paths descend into arrays of
 *   documents (https://www.mongodb.com/docs/manual/tutorial/query-array-of-documents/).
 * - `{f: null}` / `$eq: null` match a missing field too; `$ne`/`$nin` match documents without the
 *   field (https://www.mongodb.com/docs/manual/tutorial/query-for-null-fields/,
 *   https://www.mongodb.com/docs/manual/reference/operator/query/ne/).
 * - comparisons only match within a type bracket ("type bracketing",
 *   https://www.mongodb.com/docs/manual/reference/method/db.collection.find/#type-bracketing);
 *   numbers compare by value across int/double; strings by UTF-8 bytes (simple binary collation).
 * - `$all: []` matches nothing; `$all` on a scalar field behaves like equality
 *   (https://www.mongodb.com/docs/manual/reference/operator/query/all/).
 * - sort uses the BSON comparison order (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/):
 *   missing/null < numbers < strings < objects < arrays < booleans < dates; an array sorts by its
 *   smallest element ascending and its largest descending; an empty array sorts before null.
 * - updates: `$set` creates missing parents and fails through a non-object; `$inc` on a missing field
 *   sets it, on a non-number fails; `$push` on a non-array fails; `$unset` of a missing path is a no-op;
 *   two operators on the same path, or on a path and its parent, fail ("would create a conflict");
 *   the modified count is 0 when nothing changed (`nModified`,
 *   https://www.mongodb.com/docs/manual/reference/method/WriteResult/).
 * Operators our adapter never sends ($regex, $elemMatch, $size, $pull, $addToSet, …) are rejected
 * with a clear message instead of being half-imitated.
 */
import { Buffer } from 'buffer';

export class MongoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MongoError';
  }
}

type Json = unknown;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !Buffer.isBuffer(v);

// ------------------------------------------------------------------------------------------------
// stored values: what a document looks like after the EJSON round trip to the server

/** A stored copy: undefined object members dropped, undefined array members become null (EJSON/JSON). */
export function toStored(v: Json): Json {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'function' || typeof v === 'symbol') return undefined;
    return v;
  }
  if (v instanceof Date) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : toStored(x)));
  if (Buffer.isBuffer(v)) return Buffer.from(v);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const s = toStored(x);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

export const clone = <T>(v: T): T => toStored(v) as T;

// ------------------------------------------------------------------------------------------------
// BSON order and equality

/** canonical type order rank (MinKey 1 … MaxKey 255 in the manual; only the relative order matters) */
function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (Buffer.isBuffer(v)) return 6;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  return 4; // embedded document
}

const SURROGATE = /[\ud800-\udfff]/;

/** UTF-8 byte order; equal to UTF-16 code unit order unless a surrogate pair is involved */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : 1;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** total BSON order of two values (used for sorting and for $gt/$lt inside one type bracket) */
export function bsonCompare(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 1:
      return 0;
    case 2:
      return (a as number) === (b as number) ? 0 : (a as number) < (b as number) ? -1 : 1;
    case 3:
      return compareStrings(a as string, b as string);
    case 8:
      return Number(a) - Number(b);
    case 9:
      return (a as Date).getTime() - (b as Date).getTime();
    case 6:
      return Buffer.compare(a as Buffer, b as Buffer);
    case 5: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = bsonCompare(x[i], y[i]);
        if (c) return c;
      }
      return x.length - y.length;
    }
    default: {
      // documents compare field by field, in order: name, then value
      const xe = Object.entries(a as Record<string, unknown>);
      const ye = Object.entries(b as Record<string, unknown>);
      for (let i = 0; i < Math.min(xe.length, ye.length); i++) {
        const c = bsonCompare(xe[i][1], ye[i][1]) || compareStrings(xe[i][0], ye[i][0]);
        if (c) return c;
      }
      return xe.length - ye.length;
    }
  }
}

/** BSON equality: same type bracket and same value; documents are equal only with the same field order */
export function bsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  if (typeRank(a) !== typeRank(b)) return false;
  if (isPlainObject(a)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b as Record<string, unknown>);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && bsonEquals(a[k], (b as Record<string, unknown>)[k]));
  }
  return bsonCompare(a, b) === 0;
}

// ------------------------------------------------------------------------------------------------
// paths

/**
 * The values a dotted path reaches: arrays of documents are traversed (each element), numeric
 * segments index arrays. `found` is false when no branch reaches the field.
 */
export function reach(doc: unknown, segs: string[]): { values: unknown[]; found: boolean } {
  if (segs.length === 0) return { values: [doc], found: true };
  const [head, ...rest] = segs;
  if (Array.isArray(doc)) {
    const out: unknown[] = [];
    let found = false;
    if (/^\d+$/.test(head) && Number(head) < doc.length) {
      const r = reach(doc[Number(head)], rest);
      out.push(...r.values);
      found = found || r.found;
    }
    for (const el of doc) {
      if (!isPlainObject(el)) continue;
      const r = reach(el, segs);
      out.push(...r.values);
      found = found || r.found;
    }
    return { values: out, found };
  }
  if (!isPlainObject(doc) || !Object.prototype.hasOwnProperty.call(doc, head)) return { values: [], found: false };
  return reach(doc[head], rest);
}

// ------------------------------------------------------------------------------------------------
// queries

const UNSUPPORTED = (op: string) =>
  new MongoError(`test bed: query operator ${op} is not imitated (our adapters never send it); add it to tests/cloudbase/mongo.ts with its documented semantics first`);

/** does one candidate value (or, for arrays, one of its elements) satisfy the predicate? */
function anyCandidate(values: unknown[], pred: (v: unknown) => boolean): boolean {
  for (const v of values) {
    if (pred(v)) return true;
    if (Array.isArray(v) && v.some(pred)) return true;
  }
  return false;
}

function eqMatch(r: { values: unknown[]; found: boolean }, operand: unknown): boolean {
  if (operand === null) {
    // null matches a missing field, an explicit null, or an array holding null
    if (!r.found) return true;
    return anyCandidate(r.values, (v) => v === null || v === undefined);
  }
  return anyCandidate(r.values, (v) => bsonEquals(v, operand));
}

function cmpMatch(r: { values: unknown[]; found: boolean }, operand: unknown, test: (c: number) => boolean): boolean {
  const bracket = typeRank(operand);
  return anyCandidate(r.values, (v) => typeRank(v) === bracket && bracket !== 5 && test(bsonCompare(v, operand)));
}

function fieldMatch(doc: unknown, path: string, cond: unknown): boolean {
  const r = reach(doc, path.split('.'));
  const isOpDoc = isPlainObject(cond) && Object.keys(cond).length > 0 && Object.keys(cond).every((k) => k.startsWith('$'));
  if (!isOpDoc) return eqMatch(r, cond);
  for (const [op, operand] of Object.entries(cond as Record<string, unknown>)) {
    let ok: boolean;
    switch (op) {
      case '$eq': ok = eqMatch(r, operand); break;
      case '$ne': ok = !eqMatch(r, operand); break;
      case '$gt': ok = cmpMatch(r, operand, (c) => c > 0); break;
      case '$gte': ok = cmpMatch(r, operand, (c) => c >= 0); break;
      case '$lt': ok = cmpMatch(r, operand, (c) => c < 0); break;
      case '$lte': ok = cmpMatch(r, operand, (c) => c <= 0); break;
      case '$in':
        if (!Array.isArray(operand)) throw new MongoError('$in needs an array');
        ok = operand.some((x) => eqMatch(r, x));
        break;
      case '$nin':
        if (!Array.isArray(operand)) throw new MongoError('$nin needs an array');
        ok = !operand.some((x) => eqMatch(r, x));
        break;
      case '$all':
        if (!Array.isArray(operand)) throw new MongoError('$all needs an array');
        ok = operand.length > 0 && operand.every((x) => eqMatch(r, x));
        break;
      case '$exists': ok = Boolean(operand) === r.found; break;
      default: throw UNSUPPORTED(op);
    }
    if (!ok) return false;
  }
  return true;
}

/** Does `doc` match the Mongo query document? */
export function matchQuery(doc: unknown, query: unknown): boolean {
  if (query === undefined || query === null) return true;
  if (!isPlainObject(query)) throw new MongoError(`query must be a document, got ${typeof query}`);
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(cond) || cond.length === 0) throw new MongoError(`${key} must be a nonempty array`);
      const results = cond.map((sub) => matchQuery(doc, sub));
      const ok = key === '$and' ? results.every(Boolean) : key === '$or' ? results.some(Boolean) : !results.some(Boolean);
      if (!ok) return false;
      continue;
    }
    if (key.startsWith('$')) throw UNSUPPORTED(key);
    if (!fieldMatch(doc, key, cond)) return false;
  }
  return true;
}

// ------------------------------------------------------------------------------------------------
// sorting

/** the sort key of a document for one field: min element ascending, max descending */
function sortKey(doc: unknown, path: string, dir: 1 | -1): unknown {
  const r = reach(doc, path.split('.'));
  if (!r.found) return null;
  const flat: unknown[] = [];
  let emptyArray = false;
  for (const v of r.values) {
    if (Array.isArray(v)) {
      if (v.length === 0) emptyArray = true;
      flat.push(...v);
    } else flat.push(v);
  }
  if (flat.length === 0) return emptyArray ? EMPTY_ARRAY : null;
  return flat.reduce((best, v) => (dir === 1 ? (bsonCompare(v, best) < 0 ? v : best) : bsonCompare(v, best) > 0 ? v : best));
}
const EMPTY_ARRAY = Symbol('empty array');

/**
 * Sort. Equal keys have no defined order in MongoDB ("documents containing those values may be
 * returned in any order", https://www.mongodb.com/docs/manual/reference/method/cursor.sort/#sort-consistency);
 * what CloudBase gives in practice, once the README's indexes exist, is the order of an index scan:
 * ties by record id (insertion order), backwards when the first key is descending. `docs` come in
 * natural (insertion) order, so ties follow it, reversed for a descending first key.
 */
export function sortDocs<T>(docs: T[], order: Array<[string, 1 | -1]>): T[] {
  if (!order.length) return docs;
  const keyed = docs.map((d, i) => ({ d, i, keys: order.map(([p, dir]) => sortKey(d, p, dir)) }));
  keyed.sort((x, y) => {
    for (let k = 0; k < order.length; k++) {
      const a = x.keys[k];
      const b = y.keys[k];
      let c: number;
      if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) c = a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1;
      else c = bsonCompare(a, b);
      if (c) return c * order[k][1];
    }
    return (x.i - y.i) * order[0][1];
  });
  return keyed.map((k) => k.d);
}

// ------------------------------------------------------------------------------------------------
// updates

const UPDATE_OPS = new Set(['$set', '$unset', '$inc', '$push']);

function describe(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** parent container of a path for writing, creating documents on the way; Mongo's errors otherwise */
function parentForWrite(doc: Record<string, unknown>, path: string): [Record<string, unknown> | unknown[], string] {
  const segs = path.split('.');
  let cur: Record<string, unknown> | unknown[] = doc;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i];
    let next: unknown;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) throw new MongoError(`Cannot create field '${seg}' in element {${segs.slice(0, i).join('.')}: ${describe(cur)}}`);
      next = cur[Number(seg)];
      if (next === undefined || next === null) {
        while (cur.length < Number(seg)) cur.push(null);
        next = {};
        cur[Number(seg)] = next;
      }
    } else {
      next = cur[seg];
      if (next === undefined) {
        next = {};
        cur[seg] = next;
      }
    }
    if (!isPlainObject(next) && !Array.isArray(next)) {
      throw new MongoError(`Cannot create field '${segs[i + 1]}' in element {${seg}: ${describe(next)}}`);
    }
    cur = next as Record<string, unknown> | unknown[];
  }
  return [cur, segs[segs.length - 1]];
}

function getIn(parent: Record<string, unknown> | unknown[], key: string): unknown {
  return Array.isArray(parent) ? (/^\d+$/.test(key) ? parent[Number(key)] : undefined) : parent[key];
}

function setIn(parent: Record<string, unknown> | unknown[], key: string, value: unknown): void {
  if (Array.isArray(parent)) {
    if (!/^\d+$/.test(key)) throw new MongoError(`Cannot create field '${key}' in an array`);
    while (parent.length < Number(key)) parent.push(null);
    parent[Number(key)] = value;
  } else parent[key] = value;
}

/** Apply a Mongo update document; returns the new document and whether anything changed. */
export function applyUpdate(doc: Record<string, unknown>, update: unknown): { doc: Record<string, unknown>; modified: boolean } {
  if (!isPlainObject(update)) throw new MongoError('update must be a document');
  const ops = Object.keys(update);
  if (ops.length === 0) throw new MongoError('Update document requires atomic operators');
  const paths: string[] = [];
  for (const op of ops) {
    if (!op.startsWith('$')) throw new MongoError(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update`);
    if (!UPDATE_OPS.has(op)) throw new MongoError(`test bed: update operator ${op} is not imitated (our adapters never send it)`);
    const body = update[op];
    if (!isPlainObject(body)) throw new MongoError(`Modifiers operate on fields but we found type ${typeof body} instead`);
    if (Object.keys(body).length === 0) throw new MongoError(`'${op}' is empty. You must specify a field like so: {${op}: {<field>: ...}}`);
    for (const p of Object.keys(body)) {
      if (p === '_id' || p.startsWith('_id.')) throw new MongoError("Performing an update on the path '_id' would modify the immutable field '_id'");
      if (p === '' || p.split('.').some((s) => s === '' || s.startsWith('$'))) throw new MongoError(`The update path '${p}' contains an empty field name or a $-prefixed name, which is not allowed`);
      paths.push(p);
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1] || sorted[i].startsWith(`${sorted[i - 1]}.`)) {
      throw new MongoError(`Updating the path '${sorted[i]}' would create a conflict at '${sorted[i - 1]}'`);
    }
  }
  const out = clone(doc);
  const set = (update.$set ?? {}) as Record<string, unknown>;
  for (const [p, v] of Object.entries(set)) {
    const [parent, key] = parentForWrite(out, p);
    setIn(parent, key, clone(v) ?? null);
  }
  for (const [p, by] of Object.entries((update.$inc ?? {}) as Record<string, unknown>)) {
    if (typeof by !== 'number') throw new MongoError(`Cannot increment with non-numeric argument: {${p}: ${describe(by)}}`);
    const [parent, key] = parentForWrite(out, p);
    const cur = getIn(parent, key);
    if (cur === undefined) setIn(parent, key, by);
    else if (typeof cur !== 'number') {
      throw new MongoError(`Cannot apply $inc to a value of non-numeric type. {_id: ${describe(doc._id)}} has the field '${key}' of non-numeric type ${typeRank(cur) === 3 ? 'string' : typeof cur}`);
    } else setIn(parent, key, cur + by);
  }
  for (const [p, spec] of Object.entries((update.$push ?? {}) as Record<string, unknown>)) {
    let values: unknown[];
    if (isPlainObject(spec) && Object.keys(spec).some((k) => k.startsWith('$'))) {
      const keys = Object.keys(spec);
      if (keys.some((k) => k !== '$each')) throw new MongoError(`test bed: $push modifiers ${keys.join(', ')} are not imitated`);
      if (!Array.isArray(spec.$each)) throw new MongoError(`The argument to $each in $push must be an array but it was of type ${typeof spec.$each}`);
      values = spec.$each;
    } else values = [spec];
    const [parent, key] = parentForWrite(out, p);
    const cur = getIn(parent, key);
    if (cur === undefined) setIn(parent, key, values.map((v) => clone(v) ?? null));
    else if (!Array.isArray(cur)) {
      throw new MongoError(`The field '${key}' must be an array but is of type ${typeof cur} in document {_id: ${describe(doc._id)}}`);
    } else cur.push(...values.map((v) => clone(v) ?? null));
  }
  for (const p of Object.keys((update.$unset ?? {}) as Record<string, unknown>)) {
    const segs = p.split('.');
    let cur: unknown = out;
    for (const seg of segs.slice(0, -1)) {
      cur = Array.isArray(cur) ? (/^\d+$/.test(seg) ? cur[Number(seg)] : undefined) : isPlainObject(cur) ? cur[seg] : undefined;
    }
    const last = segs[segs.length - 1];
    if (isPlainObject(cur)) delete cur[last];
    else if (Array.isArray(cur) && /^\d+$/.test(last) && Number(last) < cur.length) cur[Number(last)] = null; // $unset leaves null in arrays
  }
  // BSON equality is order-sensitive, as the stored bytes are: any difference counts as modified
  return { doc: out, modified: !bsonEquals(doc, out) };
}

/** the whole document replaced (doc.set): the stored copy, _id first as MongoDB keeps it */
export function replacement(id: unknown, data: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignored, ...rest } = clone(data);
  return { _id: id, ...rest };
}

/**
 * Contract every Store adapter must satisfy. Run it from a *.test.ts file:
 *   storeContract('sqlite', async () => ({ store, cleanup }))
 *
 * Collection names carry a per-run prefix so a shared CloudBase environment never sees data
 * from another run; only four collections are used per run to stay well under CloudBase's
 * collection quota.
 */
import { MAX_PAGE, StoreError, type Collection, type Doc, type Filter, type Store } from '../../core/ports';

// Generous: the same suite runs against a remote CloudBase environment.
const T = 60_000;

type Fixture = Doc & Record<string, unknown>;

/** Query fixture: mixed types on purpose (n is a string in f, flag is the number 1 in g). */
const FIXTURE: Fixture[] = [
  { _id: 'a', n: 1, s: 'apple', flag: true, tags: ['x', 'y'], contact: { phone: '111', city: 'sh' }, opt: null },
  { _id: 'b', n: 2, s: 'banana', flag: false, tags: ['y'], contact: { phone: '222' } },
  { _id: 'c', n: 3, s: 'cherry', flag: true, tags: [], opt: 'set' },
  { _id: 'd', n: 10, s: 'date', tags: ['x', 'y', 'z'], contact: { city: 'bj' } },
  { _id: 'e', n: 2.5, s: 'Elder', flag: false, opt: 0 },
  { _id: 'f', n: '5', s: '10' },
  { _id: 'g', n: 0, s: 'grape', flag: 1 },
];
const ALL = FIXTURE.map((d) => d._id);

/** [title, filter, ids expected to match]; checked through find, count and conditional update. */
const CASES: Array<[string, Filter, string[]]> = [
  ['empty filter matches everything', {}, ALL],
  ['string equality', { s: 'apple' }, ['a']],
  ['integer equality', { n: 2 }, ['b']],
  ['real equality', { n: 2.5 }, ['e']],
  ['number does not equal its string form', { n: 5 }, []],
  ['$eq', { s: { $eq: 'date' } }, ['d']],
  ['boolean true (not the number 1)', { flag: true }, ['a', 'c']],
  ['boolean false (not missing, not 0)', { flag: false }, ['b', 'e']],
  ['number 1 does not match true', { flag: 1 }, ['g']],
  ['null matches null and missing, not 0', { opt: null }, ['a', 'b', 'd', 'f', 'g']],
  ['$eq null', { opt: { $eq: null } }, ['a', 'b', 'd', 'f', 'g']],
  ['$ne matches missing too', { flag: { $ne: true } }, ['b', 'd', 'e', 'f', 'g']],
  ['$ne null', { opt: { $ne: null } }, ['c', 'e']],
  ['$exists true includes explicit null', { opt: { $exists: true } }, ['a', 'c', 'e']],
  ['$exists false', { opt: { $exists: false } }, ['b', 'd', 'f', 'g']],
  ['$gt only compares numbers with numbers', { n: { $gt: 2 } }, ['c', 'd', 'e']],
  ['$gte + $lte range', { n: { $gte: 2, $lte: 3 } }, ['b', 'c', 'e']],
  ['$lt', { n: { $lt: 2 } }, ['a', 'g']],
  ['string range', { s: { $gte: 'b', $lt: 'd' } }, ['b', 'c']],
  ['strings compare by code point (uppercase and digits first)', { s: { $lt: 'a' } }, ['e', 'f']],
  ['$in strings', { s: { $in: ['apple', 'date', 'zzz'] } }, ['a', 'd']],
  ['$in mixed types', { n: { $in: [1, '5'] } }, ['a', 'f']],
  ['$in with null matches missing', { opt: { $in: [0, null] } }, ['a', 'b', 'd', 'e', 'f', 'g']],
  ['$in booleans', { flag: { $in: [false] } }, ['b', 'e']],
  ['$in empty matches nothing', { s: { $in: [] } }, []],
  ['$nin matches missing too', { flag: { $nin: [true] } }, ['b', 'd', 'e', 'f', 'g']],
  ['$nin strings', { s: { $nin: ['apple', 'banana'] } }, ['c', 'd', 'e', 'f', 'g']],
  ['$nin with null excludes missing', { opt: { $nin: [null] } }, ['c', 'e']],
  ['$all two values', { tags: { $all: ['x', 'y'] } }, ['a', 'd']],
  ['$all one value', { tags: { $all: ['y'] } }, ['a', 'b', 'd']],
  ['$all order does not matter', { tags: { $all: ['z', 'x'] } }, ['d']],
  ['$all between other conditions', { n: { $gte: 2 }, tags: { $all: ['y'] }, s: { $lt: 'c' } }, ['b']],
  ['$all in each branch of $or', { $or: [{ tags: { $all: ['z'] } }, { tags: { $all: ['y'] }, n: 2 }] }, ['b', 'd']],
  ['$all ANDed with an $or holding $all', { tags: { $all: ['x'] }, $or: [{ tags: { $all: ['z'] } }, { s: 'apple' }] }, ['a', 'd']],
  ['dotted path equality', { 'contact.phone': '111' }, ['a']],
  ['dotted path $exists', { 'contact.city': { $exists: true } }, ['a', 'd']],
  ['dotted path null matches missing parent', { 'contact.phone': null }, ['c', 'd', 'e', 'f', 'g']],
  ['fields are ANDed', { flag: true, n: { $gt: 1 } }, ['c']],
  ['$or', { $or: [{ s: 'apple' }, { n: { $gte: 10 } }] }, ['a', 'd']],
  ['$or ANDed with fields', { flag: true, $or: [{ n: 1 }, { n: 10 }] }, ['a']],
  ['$or with nested $or', { $or: [{ s: 'grape' }, { $or: [{ 'contact.city': 'bj' }, { opt: 'set' }] }] }, ['c', 'd', 'g']],
  ['_id equality', { _id: 'b' }, ['b']],
  ['_id $in', { _id: { $in: ['a', 'f', 'zz'] } }, ['a', 'f']],
];

const sortedIds = (docs: Doc[]) => docs.map((d) => d._id).sort();

async function expectStoreError(p: Promise<unknown>, code: StoreError['code']): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(StoreError);
  await expect(p).rejects.toMatchObject({ code });
}

async function seed(c: Collection, docs: Fixture[]): Promise<void> {
  // Small batches: fast locally, polite to a remote environment.
  for (let i = 0; i < docs.length; i += 10) {
    await Promise.all(docs.slice(i, i + 10).map((d) => c.add(d)));
  }
}

export function storeContract(
  name: string,
  makeStore: () => Promise<{ store: Store; cleanup(): Promise<void> }>,
): void {
  describe(`Store contract: ${name}`, () => {
    const run = `ct_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
    let store: Store;
    let cleanup: (() => Promise<void>) | undefined;
    const col = (suffix: 'query' | 'match' | 'page' | 'write') => store.collection(`${run}_${suffix}`);
    let seq = 0;
    /** Fresh id per test so write tests never interfere with each other. */
    const uid = (label: string) => `${label}_${++seq}`;

    beforeAll(async () => {
      ({ store, cleanup } = await makeStore());
      await seed(col('query'), FIXTURE);
      await seed(col('match'), FIXTURE);
      await seed(
        col('page'),
        Array.from({ length: MAX_PAGE + 5 }, (_, i) => ({ _id: `p${String(i).padStart(3, '0')}`, i })),
      );
    }, 5 * T);

    afterAll(async () => {
      await cleanup?.();
    }, 5 * T);

    describe('filters', () => {
      it.each(CASES)('find: %s', async (_title, filter, expected) => {
        expect(sortedIds(await col('query').find(filter))).toEqual([...expected].sort());
      }, T);

      it.each(CASES)('count: %s', async (_title, filter, expected) => {
        expect(await col('query').count(filter)).toBe(expected.length);
      }, T);

      // The condition of an update is evaluated by the adapter's write path (a JS matcher in
      // SQLite, the server in CloudBase); it must agree with find.
      it.each(CASES)('conditional update: %s', async (_title, filter, expected) => {
        const results = await Promise.all(ALL.map((id) => col('match').update(id, { $inc: { hits: 1 } }, filter)));
        const applied = ALL.filter((_, i) => results[i]);
        expect(applied.sort()).toEqual([...expected].sort());
      }, T);

      it('returns whole documents including _id', async () => {
        const [doc] = await col('query').find({ _id: 'a' });
        expect(doc).toEqual(FIXTURE[0]);
      }, T);

      it.each<[string, Filter]>([
        ['unknown field operator', { n: { $regex: 'x' } } as unknown as Filter],
        ['unknown top-level operator', { $and: [{ n: 1 }] } as unknown as Filter],
        ['empty $or', { $or: [] }],
        ['object as a value', { contact: { phone: '111' } } as unknown as Filter],
        ['array as a value', { tags: ['x'] } as unknown as Filter],
        ['$in without an array', { n: { $in: 1 } } as unknown as Filter],
        ['$gt with a boolean', { n: { $gt: true } } as unknown as Filter],
        ['field name with quotes', { "a'); DROP TABLE x;--": 1 }],
        ['field name with a $', { 'a.$b': 1 }],
      ])('rejects a bad filter: %s', async (_title, filter) => {
        await expectStoreError(col('query').find(filter), 'BAD_FILTER');
        await expectStoreError(col('query').count(filter), 'BAD_FILTER');
        await expectStoreError(col('query').update('a', { $set: { x: 1 } }, filter), 'BAD_FILTER');
      }, T);

      it('rejects a bad orderBy field or direction', async () => {
        await expectStoreError(col('query').find({}, { orderBy: [['n; --', 'asc']] }), 'BAD_FILTER');
        await expectStoreError(col('query').find({}, { orderBy: [['n', 'up' as 'asc']] }), 'BAD_FILTER');
      }, T);
    });

    describe('ordering and paging', () => {
      const order = async (filter: Filter, orderBy: Array<[string, 'asc' | 'desc']>) =>
        (await col('query').find(filter, { orderBy })).map((d) => d._id);

      it('orders by a number', async () => {
        expect(await order({ n: { $gte: 0 } }, [['n', 'asc']])).toEqual(['g', 'a', 'b', 'e', 'c', 'd']);
        expect(await order({ n: { $gte: 0 } }, [['n', 'desc']])).toEqual(['d', 'c', 'e', 'b', 'a', 'g']);
      }, T);

      it('orders by a string', async () => {
        expect(await order({ s: { $gte: 'a' } }, [['s', 'asc']])).toEqual(['a', 'b', 'c', 'd', 'g']);
        expect(await order({ s: { $gte: 'a' } }, [['s', 'desc']])).toEqual(['g', 'd', 'c', 'b', 'a']);
      }, T);

      it('orders by several keys', async () => {
        const ids = await order({ flag: { $in: [true, false] } }, [['flag', 'desc'], ['n', 'asc']]);
        expect(ids).toEqual(['a', 'c', 'b', 'e']);
      }, T);

      it('orders by a dotted path', async () => {
        expect(await order({ 'contact.phone': { $exists: true } }, [['contact.phone', 'desc']])).toEqual(['b', 'a']);
      }, T);

      it('pages with skip and limit', async () => {
        const page = await col('page').find({}, { orderBy: [['i', 'asc']], skip: 20, limit: 10 });
        expect(page.map((d) => d.i)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
      }, T);

      it('returns the remainder on the last page', async () => {
        const page = await col('page').find({}, { orderBy: [['i', 'asc']], skip: MAX_PAGE, limit: 10 });
        expect(page.map((d) => d.i)).toEqual([100, 101, 102, 103, 104]);
      }, T);

      it('defaults to MAX_PAGE documents when no limit is given', async () => {
        const page = await col('page').find({}, { orderBy: [['i', 'asc']] });
        expect(page).toHaveLength(MAX_PAGE);
        expect(page[0].i).toBe(0);
      }, T);

      it('caps limit at MAX_PAGE', async () => {
        expect(await col('page').find({}, { limit: MAX_PAGE * 10 })).toHaveLength(MAX_PAGE);
      }, T);

      it('pages through a filtered, descending result without gaps', async () => {
        const seen: number[] = [];
        for (let skip = 0; skip < 30; skip += 7) {
          const page = await col('page').find({ i: { $lt: 30 } }, { orderBy: [['i', 'desc']], skip, limit: 7 });
          seen.push(...page.map((d) => d.i as number));
        }
        expect(seen).toEqual(Array.from({ length: 30 }, (_, k) => 29 - k));
      }, T);

      it('counts beyond MAX_PAGE', async () => {
        expect(await col('page').count({})).toBe(MAX_PAGE + 5);
        expect(await col('page').count({ i: { $gte: 100 } })).toBe(5);
      }, T);

      it('rejects a negative skip or a non-positive limit', async () => {
        await expectStoreError(col('page').find({}, { skip: -1 }), 'BAD_FILTER');
        await expectStoreError(col('page').find({}, { limit: 0 }), 'BAD_FILTER');
      }, T);
    });

    describe('add, get, remove', () => {
      it('adds with a given _id and reads it back', async () => {
        const id = uid('given');
        expect(await col('write').add({ _id: id, title: 'hello', nested: { a: [1, 2] } })).toBe(id);
        expect(await col('write').get(id)).toEqual({ _id: id, title: 'hello', nested: { a: [1, 2] } });
      }, T);

      it('generates a unique _id when none is given', async () => {
        const a = await col('write').add({ title: 'generated' });
        const b = await col('write').add({ title: 'generated' });
        expect(typeof a).toBe('string');
        expect(a.length).toBeGreaterThanOrEqual(12);
        expect(a).not.toBe(b);
        expect(await col('write').get(a)).toEqual({ _id: a, title: 'generated' });
      }, T);

      it('fails with DUPLICATE_ID and keeps the original', async () => {
        const id = uid('dup');
        await col('write').add({ _id: id, v: 1 });
        await expectStoreError(col('write').add({ _id: id, v: 2 }), 'DUPLICATE_ID');
        expect(await col('write').get(id)).toEqual({ _id: id, v: 1 });
      }, T);

      it('returns null for a missing document', async () => {
        expect(await col('write').get(uid('missing'))).toBeNull();
      }, T);

      it('reads a collection that has never been written as empty', async () => {
        const empty = store.collection(`${run}_never`);
        expect(await empty.get('x')).toBeNull();
        expect(await empty.find({ a: 1 })).toEqual([]);
        expect(await empty.count({})).toBe(0);
        expect(await empty.update('x', { $set: { a: 1 } })).toBe(false);
        expect(await empty.remove('x')).toBe(false);
      }, T);

      it('removes a document once', async () => {
        const id = uid('rm');
        await col('write').add({ _id: id });
        expect(await col('write').remove(id)).toBe(true);
        expect(await col('write').get(id)).toBeNull();
        expect(await col('write').remove(id)).toBe(false);
      }, T);
    });

    describe('update', () => {
      const make = async (doc: Record<string, unknown>) => {
        const id = uid('upd');
        await col('write').add({ _id: id, ...doc });
        return id;
      };
      const get = (id: string) => col('write').get(id);

      it('applies when the condition matches, and not again once it no longer does', async () => {
        const id = await make({ status: 'open', owner: null });
        expect(await col('write').update(id, { $set: { status: 'taken' } }, { status: 'open' })).toBe(true);
        expect(await col('write').update(id, { $set: { status: 'closed' } }, { status: 'open' })).toBe(false);
        expect(await get(id)).toEqual({ _id: id, status: 'taken', owner: null });
      }, T);

      it('applies without a condition', async () => {
        const id = await make({ v: 1 });
        expect(await col('write').update(id, { $set: { v: 2 } })).toBe(true);
        expect((await get(id))?.v).toBe(2);
      }, T);

      it('combines the condition with operators, dotted paths and $or', async () => {
        const id = await make({ status: 'open', contact: { phone: '1' }, tags: ['a', 'b'] });
        const where: Filter = { 'contact.phone': '1', tags: { $all: ['b'] }, $or: [{ status: 'open' }, { status: 'new' }] };
        expect(await col('write').update(id, { $set: { seen: true } }, where)).toBe(true);
        expect(await col('write').update(id, { $set: { seen: false } }, { ...where, 'contact.phone': '2' })).toBe(false);
        expect((await get(id))?.seen).toBe(true);
      }, T);

      it('counts a matching update that changes nothing as applied, and a non-matching one not', async () => {
        const id = await make({ status: 'open', n: 1, contact: { phone: '1' }, list: [1, 2], gone: null });
        expect(await col('write').update(id, { $set: { status: 'open' } }, { status: 'open' })).toBe(true);
        expect(await col('write').update(id, { $set: { contact: { phone: '1' }, list: [1, 2], gone: null }, $unset: ['nothing'] })).toBe(true);
        expect(await col('write').update(id, { $inc: { n: 0 } })).toBe(true);
        expect(await col('write').update(id, { $push: { list: { $each: [] } } })).toBe(true);
        expect(await col('write').update(id, { $set: { status: 'open' } }, { status: 'closed' })).toBe(false);
        expect(await col('write').update(id, { $set: { status: 'open', missing: null } }, { status: 'open' })).toBe(true);
        expect(await col('write').update(uid('nope'), { $set: { status: 'open' } })).toBe(false);
        expect(await get(id)).toEqual({ _id: id, status: 'open', n: 1, contact: { phone: '1' }, list: [1, 2], gone: null, missing: null });
      }, T);

      it('returns false for a missing document', async () => {
        expect(await col('write').update(uid('nope'), { $set: { a: 1 } })).toBe(false);
        expect(await col('write').update(uid('nope'), { $set: { a: 1 } }, { a: null })).toBe(false);
      }, T);

      it('$inc adds to a number and starts a missing field at 0', async () => {
        const id = await make({ n: 5 });
        expect(await col('write').update(id, { $inc: { n: 2, m: -3, 'stats.views': 1 } })).toBe(true);
        expect(await get(id)).toEqual({ _id: id, n: 7, m: -3, stats: { views: 1 } });
      }, T);

      it('$push appends one value, an array as one element, or several with $each', async () => {
        const id = await make({ list: [1] });
        await col('write').update(id, { $push: { list: 2, fresh: 'x', pairs: [1, 2] } });
        await col('write').update(id, { $push: { list: { $each: [3, 4] } } });
        expect(await get(id)).toEqual({ _id: id, list: [1, 2, 3, 4], fresh: ['x'], pairs: [[1, 2]] });
      }, T);

      it('$unset removes top-level and nested fields, ignoring missing ones', async () => {
        const id = await make({ a: 1, b: 2, contact: { phone: '1', city: 'x' } });
        expect(await col('write').update(id, { $unset: ['a', 'contact.city', 'nothing', 'x.y'] })).toBe(true);
        expect(await get(id)).toEqual({ _id: id, b: 2, contact: { phone: '1' } });
      }, T);

      it('$set with a dotted path creates nested objects and keeps siblings', async () => {
        const id = await make({ contact: { phone: '1' } });
        await col('write').update(id, { $set: { 'contact.city': 'sh', 'deep.er.est': true } });
        expect(await get(id)).toEqual({ _id: id, contact: { phone: '1', city: 'sh' }, deep: { er: { est: true } } });
      }, T);

      it('$set of an object replaces the whole value (no merge)', async () => {
        const id = await make({ contact: { phone: '1', city: 'x' }, list: [1, 2, 3] });
        await col('write').update(id, { $set: { contact: { phone: '2' }, list: [9], empty: {}, gone: null } });
        expect(await get(id)).toEqual({ _id: id, contact: { phone: '2' }, list: [9], empty: {}, gone: null });
      }, T);

      it('combines operators in one update', async () => {
        const id = await make({ n: 1, list: [], old: true });
        await col('write').update(id, { $set: { s: 'x' }, $inc: { n: 1 }, $push: { list: 'a' }, $unset: ['old'] });
        expect(await get(id)).toEqual({ _id: id, n: 2, list: ['a'], s: 'x' });
      }, T);

      it.each<[string, unknown]>([
        ['$set _id', { $set: { _id: 'other' } }],
        ['$unset _id', { $unset: ['_id'] }],
        ['$inc _id', { $inc: { _id: 1 } }],
        ['unknown operator', { $rename: { a: 'b' } }],
        ['empty update', {}],
        ['same field twice', { $set: { a: 1 }, $inc: { a: 1 } }],
        ['parent and child', { $set: { a: {} }, $unset: ['a.b'] }],
        ['non-numeric $inc', { $inc: { a: 'x' } }],
        ['bad field name', { $set: { "a'); DROP TABLE x;--": 1 } }],
      ])('rejects a bad update: %s', async (_title, update) => {
        const id = await make({ a: 1 });
        await expectStoreError(col('write').update(id, update as never), 'BAD_UPDATE');
        expect(await get(id)).toEqual({ _id: id, a: 1 });
      }, T);

      it('exactly one of 20 concurrent conditional updates wins', async () => {
        const id = await make({ owner: null });
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => col('write').update(id, { $set: { owner: i } }, { owner: null })),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await get(id))?.owner).toBe(results.indexOf(true));
      }, T);
    });

    describe('increment', () => {
      it('creates the document when missing, then adds', async () => {
        const id = uid('ctr');
        expect(await col('write').increment(id, 'views')).toBe(1);
        expect(await col('write').increment(id, 'views', 5)).toBe(6);
        expect(await col('write').increment(id, 'views', -2)).toBe(4);
        expect(await col('write').get(id)).toEqual({ _id: id, views: 4 });
      }, T);

      it('starts a missing field at 0 on an existing document and supports dotted paths', async () => {
        const id = uid('ctr');
        await col('write').add({ _id: id, name: 'x' });
        expect(await col('write').increment(id, 'stats.views', 3)).toBe(3);
        expect(await col('write').get(id)).toEqual({ _id: id, name: 'x', stats: { views: 3 } });
      }, T);

      it('is atomic under concurrency', async () => {
        const id = uid('ctr');
        const values = await Promise.all(Array.from({ length: 10 }, () => col('write').increment(id, 'n')));
        expect([...values].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect((await col('write').get(id))?.n).toBe(10);
      }, T);

      it('rejects _id and invalid field names', async () => {
        await expectStoreError(col('write').increment(uid('ctr'), '_id'), 'BAD_UPDATE');
        await expectStoreError(col('write').increment(uid('ctr'), 'a b'), 'BAD_UPDATE');
      }, T);
    });
  });
}

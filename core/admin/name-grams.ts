/**
 * Enterprises registered before their names' character pairs were kept (nameGrams, core/repos/
 * enterprises.ts) are found by a word from the middle of the name only once they carry them: the
 * sweep timer walks the registry once, a page of 100 at a time in _id order within its budget, and
 * writes the pairs where they are missing or stale. Its place is kept in the settings document
 * `migration-nameGrams` (after: the last _id done; done: true at the end), so a crash or a spent
 * budget resumes where it stopped, and once done a tick costs one read (none after the first, per store).
 */
import { C } from '../collections';
import type { Budget } from '../budget';
import type { Ports } from '../ports';
import { ignoreDuplicate, MAX_PAGE } from '../ports';
import { enterpriseRepo, nameGrams } from '../repos/enterprises';

export const NAME_GRAMS_MARK = 'migration-nameGrams';
type Mark = { _id: string; after: string; done: boolean };
const finished = new WeakSet<object>();

const same = (a: unknown, b: string[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

/** one slice of the pass; answers how many enterprises it wrote */
export async function backfillNameGrams(ports: Ports, budget: Pick<Budget, 'spent'>): Promise<{ written: number; done: boolean }> {
  if (finished.has(ports.store)) return { written: 0, done: true };
  const marks = ports.store.collection<Mark>(C.settings);
  let mark = await marks.get(NAME_GRAMS_MARK);
  if (!mark) {
    await marks.add({ _id: NAME_GRAMS_MARK, after: '', done: false }).catch(ignoreDuplicate);
    mark = { _id: NAME_GRAMS_MARK, after: '', done: false };
  }
  if (mark.done) { finished.add(ports.store); return { written: 0, done: true }; }
  const ents = enterpriseRepo(ports.store);
  let { after } = mark;
  let written = 0;
  while (!budget.spent()) {
    const page = await ents.pageById(after, MAX_PAGE);
    for (const e of page) {
      // the repository writes the pairs with every name it writes
      if (!same((e as { nameGrams?: unknown }).nameGrams, nameGrams(e.name))) { await ents.update(e._id, { $set: { name: e.name } }); written++; }
    }
    if (page.length) after = page[page.length - 1]._id;
    const done = page.length < MAX_PAGE;
    await marks.update(NAME_GRAMS_MARK, { $set: { after, done } });
    if (done) { finished.add(ports.store); return { written, done: true }; }
  }
  return { written, done: false };
}

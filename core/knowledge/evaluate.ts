/**
 * How well the matcher does on the hand-labelled sets (core/knowledge/fixtures): the figures
 * `npm run bench` prints, and the floor text-match.test.ts holds them to. Counts, not times.
 */
import { textIndex } from './text-match';
import { kbTextIndex } from './kb';
import { itemTextIndex, type ItemEntry } from './items';
import type { ItemQuestionFixture } from './fixtures/item-questions';
import type { KbEntryFixture } from './fixtures/kb-entries';
import type { KbQuestionFixture } from './fixtures/kb-questions';
import type { DupRequestFixture } from './fixtures/requests-dup';


/**
 * precision@1: of the questions the matcher answered, the share whose first answer is the right one;
 * recall@3: of all answerable questions, the share whose right answer is among the (at most) three
 * shown; and how many problems no entry answers still got something shown.
 */
export function answerFigures(entries: readonly KbEntryFixture[], questions: readonly KbQuestionFixture[], unanswerable: readonly string[]) {
  // built as the suggestions build it (kb.ts), so the figures measure what enterprises meet
  const idx = kbTextIndex(entries);
  let shown = 0;
  let first = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const q of questions) {
    const hits = idx.search(q.text, { limit: 3 });
    if (hits.length) shown++;
    if (hits[0]?.id === q.answer) first++;
    else misses.push(`${q.answer}: ${q.text} → ${hits.map((h) => h.id).join(', ') || '（无）'}`);
    if (hits.some((h) => h.id === q.answer)) top3++;
  }
  const falselyShown = unanswerable.filter((t) => idx.search(t, { limit: 3 }).length > 0).length;
  return {
    questions: questions.length,
    shown,
    precisionAt1: shown ? first / shown : 0,
    recallAt3: questions.length ? top3 / questions.length : 0,
    unanswerable: unanswerable.length,
    falselyShown,
    misses,
  };
}

/**
 * Duplicates as the dispatcher would be shown them: within each grid, each request's closest others
 * (at least `minCover` of its character pairs shared); a pair counts once whichever side found it.
 */
export function duplicateFigures(requests: readonly DupRequestFixture[], pairs: ReadonlyArray<readonly [string, string]>, minCover = 0.2) {
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const truth = new Set(pairs.map(([a, b]) => key(a, b)));
  const byGrid = new Map<string, DupRequestFixture[]>();
  for (const r of requests) byGrid.set(r.gridId, [...(byGrid.get(r.gridId) ?? []), r]);
  const found = new Set<string>();
  for (const group of byGrid.values()) {
    const idx = textIndex(group.map((r) => ({ id: r.id, title: r.text })));
    for (const r of group) for (const m of idx.search(r.text, { limit: 6, minCover })) if (m.id !== r.id) found.add(key(r.id, m.id));
  }
  const right = [...found].filter((k) => truth.has(k)).length;
  return { pairs: truth.size, found: found.size, precision: found.size ? right / found.size : 0, recall: truth.size ? right / truth.size : 0 };
}

/**
 * The responsibility list as the submit page offers it (items.ts, the index the suggestions build):
 * top-1, the share of the labelled phrasings whose first item is the right one; top-3, whose right
 * item is among the first three; and how many were offered nothing.
 */
export function itemFigures(items: ReadonlyArray<Pick<ItemEntry, '_id' | 'name' | 'keywords' | 'phrasings'>>, questions: readonly ItemQuestionFixture[]) {
  const idx = itemTextIndex(items);
  let first = 0;
  let top3 = 0;
  let none = 0;
  const misses: string[] = [];
  for (const q of questions) {
    const hits = idx.search(q.text, { limit: 3 });
    if (!hits.length) none++;
    if (hits[0]?.id === q.item) first++;
    else misses.push(`${q.item}: ${q.text} → ${hits.map((h) => h.id).join(', ') || '（无）'}`);
    if (hits.some((h) => h.id === q.item)) top3++;
  }
  const n = questions.length;
  return { questions: n, top1: n ? first / n : 0, top3: n ? top3 / n : 0, none, misses };
}

/**
 * The dispatcher's suggestion on requests as enterprises write them (requests-dup.ts, each labelled
 * with its category by hand): how many get an item at all, and for how many the first item's category
 * is the labelled one. The two category lists overlap (用电 sits in 获得电力 and 用电/供水/管网), so a
 * disagreement is not always a wrong item; the figure is a floor, not the item's precision.
 */
export function itemCategoryFigures(items: ReadonlyArray<Pick<ItemEntry, '_id' | 'name' | 'keywords' | 'phrasings' | 'category'>>, requests: readonly DupRequestFixture[]) {
  const idx = itemTextIndex(items);
  const byId = new Map(items.map((i) => [i._id, i]));
  let suggested = 0;
  let agree = 0;
  for (const r of requests) {
    const top = idx.search(r.text, { limit: 1 })[0];
    if (!top) continue;
    suggested++;
    if (byId.get(top.id)?.category === r.category) agree++;
  }
  return { requests: requests.length, suggested, agree, agreement: suggested ? agree / suggested : 0 };
}

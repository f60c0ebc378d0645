/**
 * How well the matcher does on the hand-labelled sets (core/knowledge/fixtures): the figures
 * `npm run bench` prints, and the floor text-match.test.ts holds them to. Counts, not times.
 */
import { duplicateLinks, type DupCandidate } from '../intake/duplicates';
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

/** the demo district's grids and their communities (core/seed/demo-district.ts), which the labelled requests live in */
const DEMO_COMMUNITY: Record<string, string> = {
  'g-dc1': 'c-dongcheng', 'g-dc2': 'c-dongcheng', 'g-cy1': 'c-chaoyang', 'g-xh1': 'c-xihu', 'g-xh2': 'c-xihu', 'g-la1': 'c-liuan',
};

/**
 * Duplicates as the API proposes them (core/intake/duplicates.ts, duplicateLinks over the whole set,
 * each request with its grid and community): precision and recall over every labelled pair (the
 * enterprise's own resubmissions included, as the submit page's hint asks for them), and over the
 * pairs of two enterprises alone (what the dispatcher's merge is shown); and how many near misses
 * were proposed. The fixtures carry no dates, so time says nothing here (every request is of one day).
 */
export function duplicateFigures(requests: readonly DupRequestFixture[], pairs: ReadonlyArray<readonly [string, string]>, nearMisses: ReadonlyArray<readonly [string, string]> = []) {
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const byId = new Map(requests.map((r) => [r.id, r]));
  const cands: DupCandidate[] = requests.map((r) => ({ ...r, communityId: DEMO_COMMUNITY[r.gridId] ?? null, createdAt: 0 }));
  const figures = (truth: Set<string>, found: Set<string>) => {
    const right = [...found].filter((k) => truth.has(k)).length;
    return { pairs: truth.size, found: found.size, precision: found.size ? right / found.size : 0, recall: truth.size ? right / truth.size : 0 };
  };
  const all = new Set(duplicateLinks(cands, { sameEnterprise: true }).map((l) => key(l.a, l.b)));
  const across = new Set(duplicateLinks(cands).map((l) => key(l.a, l.b)));
  const truth = new Set(pairs.map(([a, b]) => key(a, b)));
  const truthAcross = new Set(pairs.filter(([a, b]) => byId.get(a)?.enterpriseId !== byId.get(b)?.enterpriseId).map(([a, b]) => key(a, b)));
  const misses = [...truth].filter((k) => !all.has(k));
  const wrong = [...all].filter((k) => !truth.has(k));
  return {
    ...figures(truth, all),
    across: figures(truthAcross, across),
    nearMissesProposed: nearMisses.filter(([a, b]) => all.has(key(a, b))).length,
    nearMisses: nearMisses.length,
    misses,
    wrong,
  };
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
 * is the labelled one. A problem can sit near two categories (a flooded road: 交通 or 环境), so a
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

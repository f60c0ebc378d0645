/**
 * Chinese text matching for intake (issue 15): the knowledge base's answers, the responsibility
 * list's items and an enterprise's own open requests, ranked against what the enterprise types.
 *
 * MiniSearch (BM25, ~18 KB minified, no dependencies) does the indexing and scoring; what it cannot
 * know is where Chinese words begin, so text is cut into character n-grams, the usual way to search
 * Chinese without a dictionary: every pair of neighbouring characters (bigrams carry most of the
 * meaning: 增容, 执照, 社保) and every single character at a low weight, so a typo or a homophone
 * slip (增溶 for 增容) still shares its first character. Latin words and numbers stay whole (KVA, 5G,
 * 800). A small table of the domain's abbreviations rewrites them to one form on both sides, since
 * no n-gram joins 社保 to 社会保险. A segmentation dictionary (jieba and its kin) weighs megabytes,
 * far beyond a cloud function's budget, and n-grams are what it would be approximating here.
 */
import MiniSearch from 'minisearch';

/** one form for the domain's abbreviations: each long form (and variant) is rewritten to the short form both sides share */
const SAME: Array<[canonical: string, variants: string[]]> = [
  ['营业执照', ['执照', '营业证']],
  ['社保', ['社会保险', '社会保障']],
  ['公积金', ['住房公积金']],
  ['专票', ['增值税专用发票', '专用发票']],
  ['普票', ['增值税普通发票', '普通发票']],
  ['个税', ['个人所得税']],
  ['高企', ['高新技术企业', '高新企业']],
  ['环评', ['环境影响评价', '环境评价']],
  ['消防验收', ['消防竣工验收']],
  ['施工许可', ['施工许可证', '建筑工程施工许可']],
  ['不动产登记', ['不动产权登记', '房产证', '房本']],
  ['千伏安', ['kva', 'kv a']],
  ['增容', ['扩容', '加容量', '增加容量', '提容']],
  ['变压器', ['变电器']],
  ['贷款', ['借款', '融资贷']],
  ['欠款', ['拖欠款', '欠账', '账款', '欠钱']],
  ['补贴', ['补助', '奖补']],
  ['招聘', ['招工', '招人']],
  ['一网通办', ['网上办理', '网上办']],
];

/** characters that say nothing alone (their pairs still count: 我们, 怎么 are rare in entries, so they weigh little anyway) */
const QUIET = new Set('的了是在和与及或就都也还很吗呢吧啊呀哦嗯请问您我你他她它们这那个有没要能会可以怎么如何什么为一下些把被给让从到对于'.split(''));


/**
 * each variant → its canonical form, matched in one pass, longest first (增值税专用发票 before 专用发票);
 * the canonical forms map to themselves, so 执照 inside 营业执照 is not rewritten again
 */
const CANONICAL = new Map(SAME.flatMap(([canonical, variants]) => [canonical, ...variants].map((v) => [v, canonical] as [string, string])));
const VARIANTS = new RegExp([...CANONICAL.keys()].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/** rewrites full-width forms, case and the domain's variants: the same text for indexing and for queries */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(VARIANTS, (v) => CANONICAL.get(v)!);
}

const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/**
 * The terms of a text: each pair of neighbouring CJK characters, and (`singles`) each CJK character
 * that says something alone; latin words and numbers whole. One pass over the characters.
 */
export function terms(text: string, singles = true): string[] {
  const t = normalize(text);
  const out: string[] = [];
  let wordStart = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isWord(c)) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) { out.push(t.slice(wordStart, i)); wordStart = -1; }
    if (!isCjk(c)) continue;
    if (singles && !QUIET.has(t[i])) out.push(t[i]);
    if (i + 1 < t.length && isCjk(t.charCodeAt(i + 1))) out.push(t.slice(i, i + 2));
  }
  if (wordStart >= 0) out.push(t.slice(wordStart));
  return out;
}

/** a single CJK character weighs a quarter of a pair: it only breaks ties and survives typos */
const isSingle = (t: string) => t.length === 1 && isCjk(t.charCodeAt(0));
const termBoost = (term: string) => (isSingle(term) ? 0.25 : 1);

export type Matchable = {
  id: string;
  /** the name or question: what the text is most likely to say */
  title: string;
  /** other phrasings and keywords */
  alias?: string;
  /** the answer or description: a weaker signal */
  body?: string;
};

export type Match = {
  id: string;
  /** BM25, for the order */
  score: number;
  /** the share of the text's distinct character pairs the item holds: how much of the text it speaks to */
  cover: number;
  terms: string[];
};

/**
 * From this many items on, a search takes the two steps (textIndex): the single characters' posting
 * lists then cover most of the base. Below it (every labelled set, most districts' bases) one BM25
 * search does everything.
 */
const LARGE_BASE = 1000;
/** the name's and the phrasings' boosts (textIndex's searchOptions), for the single characters a large base adds itself */
const FIELD_BOOST = [3, 2];

/** a single character is no evidence by itself: an item must share at least this many pairs with the text */
const MIN_PAIRS = 2;

/**
 * An index over some items. `search` answers the best `limit` items, in BM25 order, that share at
 * least `minCover` of the text's distinct character pairs (and two at least). The share, unlike the
 * BM25 score, does not grow with the text's length, so one threshold serves a five-character question
 * and a paragraph; the default keeps what shares nearly nothing with the text out of sight.
 */
export function textIndex(items: readonly Matchable[]) {
  // a large base answers in two steps (search below); for it, each item's single characters of its
  // name and phrasings, and how many items hold each
  const large = items.length >= LARGE_BASE;
  const singlesOf = new Map<string, [title: Set<string>, alias: Set<string>]>();
  const singleDf = [new Map<string, number>(), new Map<string, number>()];
  if (large) {
    for (const i of items) {
      const sets = [i.title, i.alias ?? ''].map((t) => new Set(terms(t).filter(isSingle))) as [Set<string>, Set<string>];
      singlesOf.set(i.id, sets);
      sets.forEach((set, f) => { for (const c of set) singleDf[f].set(c, (singleDf[f].get(c) ?? 0) + 1); });
    }
  }
  const ms = new MiniSearch<Matchable>({
    fields: ['title', 'alias', 'body'],
    storeFields: [],
    // the body (an answer, a description) is long: its distinct pairs only, no single characters,
    // which keeps a large base quick to build; the name and the other phrasings carry everything
    tokenize: (text, field) => (field === 'body' ? [...new Set(terms(text, false))] : terms(text)),
    // normalize() already lowered and rewrote the text
    processTerm: (term) => term,
    searchOptions: { boost: { title: FIELD_BOOST[0], alias: FIELD_BOOST[1], body: 1 }, combineWith: 'OR', boostTerm: termBoost },
  });
  ms.addAll(items.map((i) => ({ ...i, alias: i.alias ?? '', body: i.body ?? '' })));
  return {
    size: items.length,
    search(text: string, opts: { limit?: number; minCover?: number } = {}): Match[] {
      const q = terms(text);
      if (!q.length) return [];
      const pairs = new Set(q.filter((t) => t.length > 1));
      const minCover = opts.minCover ?? DEFAULT_MIN_COVER;
      const limit = opts.limit ?? 3;
      const keep = (r: { terms: string[] }) => {
        const shared = r.terms.filter((t) => pairs.has(t)).length;
        const cover = pairs.size ? shared / pairs.size : 0;
        return shared < Math.min(MIN_PAIRS, pairs.size) || cover < minCover ? null : cover;
      };
      const byTerms = (query: string[]) => ms.search(query.join(' '), { tokenize: (s) => s.split(' ') });
      if (!large || pairs.size < MIN_PAIRS) {
        const out: Match[] = [];
        for (const r of byTerms(q)) {
          const cover = keep(r);
          if (cover === null) continue;
          out.push({ id: String(r.id), score: r.score, cover, terms: r.terms });
          if (out.length >= limit) break;
        }
        return out;
      }
      // a large base: every item that can be shown shares two pairs with the text, so the pairs (and
      // latin words) find them all; the single characters, whose posting lists are most of a large
      // base and most of a search's time, only add to their scores, as BM25 would weigh them: by
      // how rare each is, at a single's weight, in the name (or phrasings) that holds it
      const singles = [...new Set(q.filter(isSingle))];
      const n = items.length;
      const out: Match[] = [];
      for (const r of byTerms(q.filter((t) => !isSingle(t)))) {
        const cover = keep(r);
        if (cover === null) continue;
        const held = singlesOf.get(String(r.id));
        // MiniSearch multiplies the summed score by how many of the query's terms an item holds
        const matched = r.queryTerms.length || 1;
        let sum = r.score / matched;
        let more = 0;
        for (const c of singles) {
          let hit = false;
          held?.forEach((set, f) => {
            if (!set.has(c)) return;
            const df = singleDf[f].get(c) ?? 0;
            sum += termBoost(c) * FIELD_BOOST[f] * Math.log(1 + (n - df + 0.5) / (df + 0.5));
            hit = true;
          });
          if (hit) more++;
        }
        out.push({ id: String(r.id), score: sum * (matched + more), cover, terms: r.terms });
      }
      return out.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}

/**
 * The share of the text's pairs an item must hold to be shown: chosen on the labelled set
 * (core/knowledge/fixtures; `npm run bench` prints the figures), where 0.09 keeps 14 of 15 problems
 * no entry answers out of sight while losing few answerable questions.
 */
export const DEFAULT_MIN_COVER = 0.09;

/**
 * The words of a text a match rests on, for a person to read ("增容、变压器"): the runs of the text
 * (normalized) its matched character pairs cover, joined where they overlap, and its matched latin
 * words and numbers. Single characters are no reason on their own and are left out.
 */
export function matchedWords(text: string, matched: readonly string[]): string[] {
  const t = normalize(text);
  const pairs = new Set(matched.filter((m) => m.length === 2 && isCjk(m.charCodeAt(0))));
  const out: string[] = [];
  let start = -1;
  let end = -1;
  for (let i = 0; i + 1 < t.length; i++) {
    if (!pairs.has(t.slice(i, i + 2))) continue;
    if (start >= 0 && i < end) { end = i + 2; continue; }
    if (start >= 0) out.push(t.slice(start, end));
    start = i;
    end = i + 2;
  }
  if (start >= 0) out.push(t.slice(start, end));
  const latin = matched.filter((m) => !isCjk(m.charCodeAt(0)));
  return [...new Set([...out, ...latin])];
}

/**
 * The knowledge base (政策问答 / 常见问题): entries staff publish, matched against what an enterprise
 * types on the submit page so that a question with a known answer is answered at once (issue 15).
 *
 * Each function instance keeps the index it built, stamped with the base's version (one settings
 * document, bumped by every edit): while nothing changed the index costs one store call (that
 * version), and an edit is seen by every instance on its next suggestion. Validity dates are checked at
 * each suggestion (Beijing date), so the cached index never needs rebuilding at midnight.
 */
import { C } from '../collections';
import type { Store } from '../ports';
import { entriesBy, versionedIndex, versionedRepo, type Built } from './versioned';
import { textIndex, type Match } from './text-match';
import type { StoredCategory } from '../contract/catalog';

export type KbEntry = {
  _id: string;
  question: string;
  /** plain text; links written as [text](https://…) */
  answer: string;
  /** a leaf; an entry from before the taxonomy may carry an old code, read as its leaf */
  category: StoredCategory;
  departmentId?: string | null;
  /** other ways people ask it */
  phrasings?: string[];
  /** YYYY-MM-DD, Beijing dates, inclusive; absent: always */
  validFrom?: string | null;
  validTo?: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy?: string;
};

/** the settings document whose `version` moves with every change of the base */
export const KB_VERSION_DOC = 'kb';

export function kbRepo(store: Store) {
  const repo = versionedRepo<KbEntry>(store, C.kb, KB_VERSION_DOC, '知识库条目');
  return {
    ...repo,
    /** the entries with these exact questions, active or not (an import's match): one call per 90 ('question') */
    byQuestions: (questions: string[]) => entriesBy(repo, 'question', questions),
  };
}

/**
 * The matcher over some entries: the question as the title, the other phrasings beside it, the
 * answer as the body. The one way it is built, for the suggestions and for the labelled-set figures.
 */
export const kbTextIndex = (entries: ReadonlyArray<Pick<KbEntry, '_id' | 'question' | 'answer' | 'phrasings'>>) =>
  textIndex(entries.map((e) => ({ id: e._id, title: e.question, alias: (e.phrasings ?? []).join('；'), body: e.answer })));

/** the index of the active entries, as of the base's current version (rebuilt when it moved) */
export const kbIndex = versionedIndex<KbEntry>(kbRepo, kbTextIndex);

/** valid on this Beijing date (YYYY-MM-DD) */
export const validOn = (e: Pick<KbEntry, 'validFrom' | 'validTo'>, day: string) =>
  (!e.validFrom || e.validFrom <= day) && (!e.validTo || day <= e.validTo);

/** the best entries for a text, valid today: at most `limit`, each close enough (text-match.ts DEFAULT_MIN_COVER) */
export function bestEntries(b: Built<KbEntry>, text: string, day: string, limit = 3): Array<{ entry: KbEntry; match: Match }> {
  return b.index.search(text, { limit: limit + 5 })
    .map((match) => ({ entry: b.byId.get(match.id)!, match }))
    .filter((x) => x.entry && validOn(x.entry, day))
    .slice(0, limit);
}

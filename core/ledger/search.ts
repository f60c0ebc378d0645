/**
 * The ledger searched (台账 搜索, issue 14): a request number, an enterprise (its credit code, the
 * start of its name or a word inside it) or words, inside the ledger's filters and the caller's scope (the LedgerQuery
 * core/ledger/ledger.ts built; the search only narrows it).
 *
 * CloudBase has no index that finds words inside a text, and a district's ledger holds tens of
 * thousands of requests, so each kind of search reads what an index can give it:
 *  - a request number (SQ + 12 digits): one indexed find ('no'), complete;
 *  - a credit code (18 characters): the enterprise ('creditCode', one find), then its requests;
 *  - a word that starts registered enterprises' names (at most SEARCH_LIMITS.enterprises of them,
 *    'name' as a range, one find per word tried), or else a word inside their names (the word's
 *    pairs of characters, all on the enterprise's `nameGrams`, 'nameGrams,_id': a second find per
 *    word tried; core/repos/enterprises.ts): their requests by 'enterpriseId,createdAt,_id', however old;
 *  - otherwise the newest `window` requests under the filters, a page of 100 per find, matched here.
 * An enterprise's requests are read the same way, up to the same window. The other words must all
 * be found (any case, any order) in the number, enterprise, description, category, handler or
 * result. When the window was full the answer says so (仅搜索最近 N 件), so nobody takes a short
 * list for the whole ledger. Cost: 1–2 finds for a number; for the rest, 1 or 2 finds per word tried
 * as a name (SEARCH_LIMITS.nameLookups words at most: 4), then the requests a page of 100 per find.
 */
import { LEDGER_SEARCH_WINDOW } from '../contract/figures';
import { categoryName } from '../contract/catalog';
import type { Ctx } from '../context';
import type { Enterprise, ServiceRequest } from '../model';
import { MAX_PAGE } from '../ports';
import { enterpriseRepo } from '../repos/enterprises';
import { requestRepo, type LedgerCursor, type LedgerQuery } from '../repos/requests';

/** the bounds of a search; tests lower them to see what happens at the edge */
export const SEARCH_LIMITS = {
  /** requests looked through at most, newest first */
  window: LEDGER_SEARCH_WINDOW,
  /** enterprises a name may stand for: a word that starts more names is searched as a word */
  enterprises: 50,
  /** words tried as the start of an enterprise's name (one find each) */
  nameLookups: 2,
};

const NUMBER = /^SQ\d{12}$/i;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/i;

/** what the search understood and how far it looked: the page shows it under the search box */
export type LedgerSearchInfo = {
  q: string;
  /** number: one request by its number; enterprise: the requests of `enterprises`; words: the newest requests */
  by: 'number' | 'enterprise' | 'words';
  /** the enterprises searched (by credit code or the start of their name), up to 3 names, and how many */
  enterprises: string[];
  enterpriseCount: number;
  /** requests looked through */
  scanned: number;
  /** the window was full: older requests were not looked through */
  cut: boolean;
  window: number;
  /** one line for the page: how the words were read, and the window when it was cut */
  note: string;
};

export type LedgerSearch = { found: ServiceRequest[]; info: LedgerSearchInfo };

const textOf = (r: ServiceRequest) =>
  [r.no, r.enterpriseName, r.description, categoryName(r.category), r.assigneeName ?? '', r.result ?? ''].join(' ').toLowerCase();

/** the requests of `base` (colour not applied: the caller counts colours over them) that the words find, newest first */
export async function searchLedger(ctx: Ctx, base: LedgerQuery, q: string): Promise<LedgerSearch> {
  const requests = requestRepo(ctx.ports.store);
  const words = q.split(/\s+/).filter(Boolean);
  const matchAll = (rest: string[]) => {
    const lower = rest.map((w) => w.toLowerCase());
    return (r: ServiceRequest) => {
      const text = textOf(r);
      return lower.every((w) => text.includes(w));
    };
  };
  const info = (by: LedgerSearchInfo['by'], extra: Partial<LedgerSearchInfo> = {}): LedgerSearchInfo => {
    const out: LedgerSearchInfo = { q, by, enterprises: [], enterpriseCount: 0, scanned: 0, cut: false, window: SEARCH_LIMITS.window, note: '', ...extra };
    return { ...out, note: noteOf(out) };
  };

  // a request number: the one request, if the caller's ledger (filters and scope) holds it
  const no = words.find((w) => NUMBER.test(w));
  if (no) {
    const r = await requests.ledgerByNo(base, no.toUpperCase());
    const found = r && matchAll(words.filter((w) => w !== no))(r) ? [r] : [];
    return { found, info: info('number', { scanned: r ? 1 : 0 }) };
  }

  // an enterprise: by its credit code, else by the start of its name
  const ents = enterpriseRepo(ctx.ports.store);
  let enterprises: Enterprise[] | null = null;
  let used: string | null = null;
  const code = words.find((w) => CREDIT_CODE.test(w));
  if (code) {
    const e = await ents.byCreditCode(code.toUpperCase());
    enterprises = e ? [e] : [];
    used = code;
  } else {
    for (const w of words.filter((x) => [...x].length >= 2).slice(0, SEARCH_LIMITS.nameLookups)) {
      const named = await ents.byNamePrefix(w, SEARCH_LIMITS.enterprises + 1);
      if (named.length && named.length <= SEARCH_LIMITS.enterprises) { enterprises = named; used = w; break; }
      if (named.length) continue; // the start of too many names: a word
      // no name starts with it: names that hold it (their pairs of characters, then the word itself)
      const lower = w.toLowerCase();
      const holding = await ents.byNameGrams(w, SEARCH_LIMITS.enterprises + 1);
      const inside = holding.filter((e) => e.name.toLowerCase().replace(/\s+/g, '').includes(lower));
      if (inside.length && holding.length <= SEARCH_LIMITS.enterprises) { enterprises = inside; used = w; break; }
    }
  }
  if (enterprises) {
    const names = { enterprises: enterprises.slice(0, 3).map((e) => e.name), enterpriseCount: enterprises.length };
    if (!enterprises.length) return { found: [], info: info('enterprise', names) };
    const read = await readWindow(requests, { ...base, enterpriseIds: enterprises.map((e) => e._id) }, matchAll(words.filter((w) => w !== used)));
    return { found: read.found, info: info('enterprise', { ...names, scanned: read.scanned, cut: read.cut }) };
  }

  const read = await readWindow(requests, base, matchAll(words));
  return { found: read.found, info: info('words', { scanned: read.scanned, cut: read.cut }) };
}

/** the newest requests of `query`, up to the window, a page at a time (keyset: stays right while requests come in) */
async function readWindow(requests: ReturnType<typeof requestRepo>, query: LedgerQuery, match: (r: ServiceRequest) => boolean) {
  const found: ServiceRequest[] = [];
  let cursor: LedgerCursor | null = null;
  let scanned = 0;
  let full = false;
  while (scanned < SEARCH_LIMITS.window) {
    const size = Math.min(MAX_PAGE, SEARCH_LIMITS.window - scanned);
    const page = await requests.ledgerAfter(query, cursor, size);
    scanned += page.length;
    for (const r of page) if (match(r)) found.push(r);
    full = page.length === size;
    if (!full) break;
    const last = page[page.length - 1];
    cursor = { createdAt: last.createdAt, id: last._id };
  }
  return { found, scanned, cut: full && scanned >= SEARCH_LIMITS.window };
}

function noteOf(i: LedgerSearchInfo): string {
  const parts: string[] = [];
  if (i.by === 'number') parts.push('按工单号查找');
  if (i.by === 'enterprise') {
    if (!i.enterpriseCount) parts.push('未找到该企业');
    else parts.push(`企业：${i.enterprises.join('、')}${i.enterpriseCount > i.enterprises.length ? ` 等${i.enterpriseCount}家` : ''}`);
  }
  if (i.cut) parts.push(`仅搜索最近 ${i.window} 件，更早的诉求请加筛选条件（如受理日期）缩小范围`);
  return parts.join('；');
}

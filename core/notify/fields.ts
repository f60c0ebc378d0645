/**
 * One formatter and one validator per WeChat keyword type (订阅消息参数值内容限制, subscribeMessage.send):
 *
 *   thing             ≤ 20 characters: Chinese, letters, digits, symbols; no control characters
 *   number            ≤ 32 digits, may carry a decimal part
 *   letter            ≤ 32 letters
 *   symbol            ≤ 5 symbols
 *   character_string  ≤ 32 digits, letters or symbols (ASCII only: never Chinese)
 *   time              24-hour time, optionally after a date; a range joins two with "~"
 *   date              a date (y年m月d日, y年m月, m月d日, or joined by - / .), optionally with a time
 *   amount            one currency symbol and ≤ 10 digits, may carry decimals, may end with 元
 *   phone_number      ≤ 17 digits and symbols
 *   car_number        ≤ 8; first and last may be Chinese, the rest letters or digits
 *   name              ≤ 10 Chinese characters, or ≤ 20 letters or symbols; mixed counts as Chinese
 *   phrase            ≤ 5 Chinese characters, nothing else
 *
 * Every type also refuses an empty value (WeChat answers 47003 "value is empty").
 *
 * formatField turns what we have (text, a number, an instant) into the best value of that type,
 * cutting only between whole characters (a surrogate pair, an emoji sequence or a letter with its
 * combining marks is never split) with an ellipsis where text was cut. checkField says why a
 * value would be refused, or null; the outbox runs it on every value before anything is sent.
 *
 * Lengths of thing are counted in UTF-16 units, so an emoji or a rare CJK character counts as two:
 * that keeps every value within WeChat's 20 characters however they are counted, and within the
 * 20 units the CloudBase notifier still slices to (adapters/cloudbase-ports.ts).
 */
import { daysInMonth, formatBeijing } from '../time';
import type { FieldType } from './templates';

export type RawValue = string | number | Date | null | undefined | readonly [string | Date, string | Date];

export const THING_MAX = 20;
export const CHARACTER_STRING_MAX = 32;
export const PHRASE_MAX = 5;
export const ELLIPSIS = '…';
/** what an empty thing/name shows instead of being refused */
export const EMPTY_TEXT = '无';

/**
 * Our status words longer than a phrase → the phrase (≤ 5 Chinese characters) a phrase field shows.
 * Digits in a status word are written as Chinese numerals ("评分1分" → "评分一分"); anything else
 * that is not a phrase is refused by checkField, so a new long word shows up in the tests.
 */
export const PHRASES: Readonly<Record<string, string>> = {
  联合检查建议: '联检建议',
  联合检查预告: '联检预告',
};

const DIGITS = '零一二三四五六七八九';
/** 0–99 as Chinese numerals; larger numbers stay digits (and a phrase refuses them) */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

const HAN = /\p{Script=Han}/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);
// invisible format characters that only confuse a push (ZWJ and ZWNJ stay: emoji sequences need them)
const INVISIBLE = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
const ASCII_PRINTABLE = /^[\x21-\x7E]+$/;

/** one line of text: no control characters, line breaks or broken surrogates, spaces collapsed */
export function cleanText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return String(raw)
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

// Intl.Segmenter (Node ≥ 16 with ICU) is not in the es2020 lib this project compiles against
type GraphemeSegmenter = { segment(text: string): Iterable<{ segment: string }> };
const Segmenter = (Intl as unknown as { Segmenter?: new (locale: string, o: { granularity: 'grapheme' }) => GraphemeSegmenter }).Segmenter;
const segmenter = Segmenter ? new Segmenter('zh', { granularity: 'grapheme' }) : null;
// without Intl.Segmenter: a base character with its marks, variation selectors, skin tones and ZWJ joins; or a flag
const CLUSTER = /\p{RI}\p{RI}|[\s\S](?:[\p{M}\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]|\u200D[\s\S])*/gu;

/** user-perceived characters (grapheme clusters): the only places text may be cut */
export function graphemes(text: string): string[] {
  return Array.from(eachGrapheme(text));
}

/** the same, one at a time: cutting a long text segments only as far as the cut */
function* eachGrapheme(text: string): Generator<string> {
  if (segmenter) {
    for (const s of segmenter.segment(text)) yield s.segment;
    return;
  }
  for (const m of text.matchAll(CLUSTER)) yield m[0];
}

/**
 * Text made only of characters that never join their neighbours into one grapheme (ASCII, Latin-1,
 * CJK ideographs and punctuation, full-width forms): every UTF-16 unit is a whole character, so it
 * may be cut anywhere without segmenting (almost all of our titles and names).
 */
const NEVER_JOINED = /^[\x20-\x7E\u00A0-\u00FF\u2010-\u2027\u2030-\u205E\u3000-\u3029\u3030-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF9D\uFFA0-\uFFEF]*$/;

/** cuts to at most `max` UTF-16 units between whole characters, ending with an ellipsis when cut */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (NEVER_JOINED.test(text)) return text.slice(0, max - ELLIPSIS.length).trimEnd() + ELLIPSIS;
  let out = '';
  for (const g of eachGrapheme(text)) {
    if (out.length + g.length > max - ELLIPSIS.length) break;
    out += g;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** cuts to at most `max` code points between whole characters, without an ellipsis (names, ids) */
function fitCodePoints(text: string, max: number): string {
  // no more code points than UTF-16 units: a short text fits as it is (the common case, without segmenting)
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const g of eachGrapheme(text)) {
    const cp = Array.from(g).length;
    if (n + cp > max) break;
    out += g;
    n += cp;
  }
  return out;
}

/** an ISO instant (with its zone) or a Date → its Beijing parts; null for anything else */
function instant(raw: string | Date | number): Date | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw)) {
    const d = new Date(raw);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** "2026年11月23日 09:05" in Beijing time, the form WeChat's documentation shows */
const beijingDateTime = (at: Date) => formatBeijing(at, 'YYYY年M月D日 HH:mm');

const beijingDate = (at: Date) => formatBeijing(at, 'YYYY年M月D日');

function formatWhen(raw: string | Date | number, withTime: boolean): string {
  const at = instant(raw);
  if (at) return withTime ? beijingDateTime(at) : beijingDate(at);
  const s = cleanText(raw);
  // a calendar date of ours ("2026-12-01") reads better the documented way
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (d) return `${+d[1]}年${+d[2]}月${+d[3]}日`;
  return s;
}

function formatNumber(raw: RawValue): string {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return '';
    if (Number.isInteger(raw)) return BigInt(raw).toString();
    return String(raw).includes('e') ? raw.toFixed(6).replace(/\.?0+$/, '') : String(raw);
  }
  return cleanText(raw).replace(/[\s,，]/g, '');
}

function formatName(raw: RawValue): string {
  const s = cleanText(raw);
  if (!s) return EMPTY_TEXT;
  if (HAN.test(s)) {
    // a Chinese (or mixed) name: Chinese characters, letters and the middle dot, ≤ 10
    const kept = s.replace(/[\s•・]+/gu, '·').replace(/[^\p{Script=Han}A-Za-z·]/gu, '').replace(/^·+|·+$/g, '');
    return fitCodePoints(kept, 10) || EMPTY_TEXT;
  }
  const kept = s.normalize('NFKC').replace(/\s+/g, '·').replace(/[^A-Za-z\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E·]/g, '');
  return fitCodePoints(kept, 20) || EMPTY_TEXT;
}

/** the value of one field of the given type, shaped from what we have */
export function formatField(type: FieldType, raw: RawValue): string {
  if (Array.isArray(raw) && (type === 'time' || type === 'date')) {
    const [from, to] = raw as readonly [string | Date, string | Date];
    return `${formatWhen(from, type === 'time')}~${formatWhen(to, type === 'time')}`;
  }
  const value = raw as Exclude<RawValue, readonly unknown[]>;
  switch (type) {
    case 'thing':
      return fitText(cleanText(value), THING_MAX) || EMPTY_TEXT;
    case 'phrase': {
      const s = cleanText(value).replace(/\s/g, '');
      const mapped = PHRASES[s] ?? s;
      return mapped.normalize('NFKC').replace(/\d+/g, (d) => chineseNumeral(Number(d)));
    }
    case 'name':
      return formatName(value);
    case 'character_string':
      // full-width letters and digits become ASCII; anything else (Chinese) is left for the validator
      return fitCodePoints(cleanText(value).normalize('NFKC').replace(/\s/g, ''), CHARACTER_STRING_MAX);
    case 'letter':
      return cleanText(value).normalize('NFKC').replace(/\s/g, '');
    case 'symbol':
      return cleanText(value).replace(/\s/g, '');
    case 'number':
      return formatNumber(value);
    case 'amount': {
      if (typeof value === 'number') return Number.isFinite(value) ? `¥${value.toFixed(2)}` : '';
      return cleanText(value).replace(/[\s,，]/g, '');
    }
    case 'phone_number':
      return cleanText(value).normalize('NFKC').replace(/\s/g, '');
    case 'car_number':
      return cleanText(value).normalize('NFKC').replace(/[\s·•\-]/g, '').toUpperCase();
    case 'time':
      return value === null || value === undefined ? '' : formatWhen(value, true);
    case 'date':
      return value === null || value === undefined ? '' : formatWhen(value, false);
  }
}

// --- validation ---------------------------------------------------------------------------------

const DATE_PART = String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2})`;
const TIME_PART = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
const TIME_ONE = new RegExp(`^(?:${DATE_PART} ?)?${TIME_PART}$`);
const DATE_ONE = new RegExp(`^${DATE_PART}(?: ?${TIME_PART})?$`);

/** every y/m/d in the text is a real calendar date */
function realDates(s: string): boolean {
  const full = /(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})/g;
  for (const m of s.matchAll(full)) {
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    if (mo < 1 || mo > 12 || d < 1 || (d > 28 && d > daysInMonth(y, mo))) return false;
  }
  for (const m of s.matchAll(/(?:^|[^\d年\-/.])(\d{1,2})月(\d{1,2})日/g)) {
    if (+m[1] < 1 || +m[1] > 12 || +m[2] < 1 || +m[2] > 31) return false;
  }
  return true;
}

function checkWhen(s: string, one: RegExp, what: string): string | null {
  const parts = s.split('~');
  if (parts.length > 2 || !parts.every((p) => one.test(p.trim()))) return `not a ${what} WeChat accepts`;
  if (!realDates(s)) return 'not a real calendar date';
  return null;
}

const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** why WeChat would refuse this value for this type (47003), or null when it is acceptable */
export function checkField(type: FieldType, value: unknown): string | null {
  if (typeof value !== 'string') return 'not a string';
  if (value.trim() === '') return 'empty';
  if (HAS_LONE_SURROGATE.test(value)) return `half of a character (a lone surrogate) in ${quote(value)}`;
  if (/[\p{Cc}\u2028\u2029]/u.test(value)) return 'a control character or line break';
  const cps = Array.from(value).length;
  switch (type) {
    case 'thing':
      if (value.length > THING_MAX) return `longer than ${THING_MAX} characters: ${quote(value)}`;
      if (/^\p{M}/u.test(value)) return 'starts with a combining mark (a character was cut)';
      return null;
    case 'phrase':
      return /^\p{Script=Han}+$/u.test(value) && cps <= PHRASE_MAX ? null : `must be 1–${PHRASE_MAX} Chinese characters and nothing else: ${quote(value)}`;
    case 'name':
      if (HAN.test(value)) return /^[\p{Script=Han}A-Za-z·]+$/u.test(value) && cps <= 10 ? null : `a Chinese name must be ≤ 10 Chinese characters, letters or ·: ${quote(value)}`;
      return /^[A-Za-z\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E·]+$/.test(value) && /[A-Za-z]/.test(value) && cps <= 20 ? null : `a name must be ≤ 20 letters or symbols: ${quote(value)}`;
    case 'character_string':
      if (!ASCII_PRINTABLE.test(value)) return `only ASCII letters, digits and symbols (no Chinese, no spaces): ${quote(value)}`;
      return value.length <= CHARACTER_STRING_MAX ? null : `longer than ${CHARACTER_STRING_MAX} characters`;
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? null : `must be 1–32 letters: ${quote(value)}`;
    case 'symbol':
      return /^[^\p{L}\p{N}\p{Z}\p{C}]{1,5}$/u.test(value) ? null : `must be 1–5 symbols: ${quote(value)}`;
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) && value.length <= 32 ? null : `must be ≤ 32 digits, optionally with decimals: ${quote(value)}`;
    case 'amount': {
      const m = /^[¥￥$€£](\d+)(?:\.(\d+))?元?$/.exec(value);
      return m && m[1].length + (m[2]?.length ?? 0) <= 10 ? null : `must be a currency symbol and ≤ 10 digits: ${quote(value)}`;
    }
    case 'phone_number':
      return /^[\x21-\x2F\x30-\x39\x3A-\x40\x5B-\x60\x7B-\x7E]{1,17}$/.test(value) && /\d/.test(value) ? null : `must be ≤ 17 digits and symbols: ${quote(value)}`;
    case 'car_number': {
      const chars = Array.from(value);
      const ok = chars.length <= 8 && chars.every((c, i) => /^[A-Z0-9]$/.test(c) || ((i === 0 || i === chars.length - 1) && HAN.test(c)));
      return ok ? null : `must be a plate of ≤ 8 (Chinese only first or last, else capital letters and digits): ${quote(value)}`;
    }
    case 'time':
      return checkWhen(value, TIME_ONE, 'time');
    case 'date':
      return checkWhen(value, DATE_ONE, 'date');
  }
}

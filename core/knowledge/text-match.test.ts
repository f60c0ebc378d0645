/**
 * The intake matcher: how text becomes terms, and the floor its quality on the hand-labelled sets
 * (core/knowledge/fixtures) must not fall below. Counts on fixed data: the same on every machine.
 */
import { answerFigures } from './evaluate';
import { KB_ENTRIES } from './fixtures/kb-entries';
import { KB_QUESTIONS, KB_UNANSWERABLE } from './fixtures/kb-questions';
import { normalize, terms, textIndex } from './text-match';

test('text becomes character pairs, telling single characters, and whole latin words and numbers', () => {
  expect(terms('变压器800KVA')).toEqual(['变', '变压', '压', '压器', '器', '800', '千', '千伏', '伏', '伏安', '安']);
  // full-width letters and digits are the same as half-width ones; quiet characters add no single term
  expect(terms('５Ｇ基站的信号')).toEqual(['5g', '基', '基站', '站', '站的', '的信', '信', '信号', '号']);
  expect(terms('用电', false)).toEqual(['用电']);
  expect(terms('，。！？')).toEqual([]);
});

test('the domain\'s abbreviations and their long forms become one form, longest first', () => {
  expect(normalize('增值税专用发票')).toBe('专票');
  expect(normalize('社会保险费缓缴')).toBe('社保费缓缴');
  expect(normalize('高新技术企业认定')).toBe('高企认定');
  expect(normalize('营业执照')).toBe(normalize('执照'));
});

test('an item sharing too little with the text is not shown, however long the text', () => {
  const idx = textIndex([
    { id: 'power', title: '企业用电增容怎么申请', body: '通过网上国网提交增容申请' },
    { id: 'road', title: '道路破损如何报修', body: '拨打12345或在小程序提交' },
  ]);
  expect(idx.search('车间用电增容')[0].id).toBe('power');
  // one shared pair (用电) in a long text about something else
  expect(idx.search('我们公司今年用电量很大，但主要想问员工宿舍的租房补贴什么时候能发下来，人事一直在催')).toEqual([]);
  expect(idx.search('')).toEqual([]);
});

test('on the labelled set: precision@1 ≥ 0.8 and recall@3 ≥ 0.9 for answers, and problems no entry answers mostly see nothing', () => {
  const f = answerFigures(KB_ENTRIES, KB_QUESTIONS, KB_UNANSWERABLE);
  expect(f.questions).toBeGreaterThanOrEqual(60);
  expect(f.precisionAt1).toBeGreaterThanOrEqual(0.8);
  expect(f.recallAt3).toBeGreaterThanOrEqual(0.9);
  expect(f.falselyShown).toBeLessThanOrEqual(Math.floor(f.unanswerable / 5));
});

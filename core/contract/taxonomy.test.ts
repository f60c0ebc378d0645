/**
 * The two-level taxonomy (taxonomy.ts): every leaf has one group, every code of the old flat list is a
 * leaf or maps to exactly one leaf, old codes read with their leaf's name, and inputs write leaves.
 */
import {
  CATEGORIES, CATEGORY_CODES, CATEGORY_GROUPS, GROUP_CODES, LEGACY_CATEGORIES, categoryName, categoryPath, groupOf, leafByName, leafOf,
  storedCodesOf, storedCodesUnder,
} from './taxonomy';
import { SubmitFields } from './requests';
import { LedgerFilter } from './figures';

/** the flat list the product shipped before the taxonomy (24 codes: 13 indicators, 11 problem kinds) */
const OLD_CODES = [
  'kaiban', 'jianzhu', 'dianli', 'shuiqi', 'caichan', 'nashui', 'laodong', 'zhaobiao', 'zhengwu', 'zhichan', 'shichang', 'baorong', 'rexian',
  'yongdi', 'rongzi', 'jiaotong', 'huanjing', 'shuidian', 'qianqi', 'yonggong', 'zhengce', 'falv', 'tuoqian', 'other',
];

test('every old code is a leaf or maps to exactly one leaf, and every leaf has exactly one group', () => {
  for (const code of OLD_CODES) {
    const asLeaf = CATEGORY_CODES.filter((c) => c === code).length;
    const asAlias = code in LEGACY_CATEGORIES ? 1 : 0;
    expect([code, asLeaf + asAlias]).toEqual([code, 1]);
    expect([code, CATEGORY_CODES.includes(leafOf(code)!)]).toEqual([code, true]);
  }
  // nothing new appeared without a place: the leaves are the old codes less the aliases
  expect([...CATEGORY_CODES].sort()).toEqual(OLD_CODES.filter((c) => !(c in LEGACY_CATEGORIES)).sort());
  for (const leaf of CATEGORY_CODES) expect([leaf, CATEGORY_GROUPS.filter((g) => g.leaves.some((l) => l.code === leaf)).length]).toEqual([leaf, 1]);
  // group codes never collide with leaf or old codes (a filter takes either)
  for (const g of GROUP_CODES) expect(OLD_CODES).not.toContain(g);
  expect(new Set(CATEGORIES.map((c) => c.name)).size).toBe(CATEGORIES.length);
});

test('old codes read with their leaf name and count under its group', () => {
  expect(categoryName('shuidian')).toBe('获得用水用气供热');
  expect(groupOf('shuidian')).toBe('yaosu');
  expect(categoryName('qianqi')).toBe('办理建筑许可');
  expect(groupOf('qianqi')).toBe('jianshe');
  expect(categoryName('rexian')).toBe('其他');
  expect(groupOf('rexian')).toBe('fuwu');
  expect(categoryName('dianli')).toBe('获得电力');
  expect(categoryPath('shuidian')).toBe('水电气热/获得用水用气供热');
  expect(categoryName('yaosu')).toBe('水电气热');
  // an unknown code reads as itself, in no group
  expect([categoryName('nosuch'), groupOf('nosuch'), leafOf('nosuch')]).toEqual(['nosuch', null, null]);
  // a filter by a leaf finds its old codes, by a group every leaf and old code under it
  expect(storedCodesOf('shuiqi')).toEqual(['shuiqi', 'shuidian']);
  expect(storedCodesUnder('yaosu').sort()).toEqual(['dianli', 'shuidian', 'shuiqi']);
  expect(storedCodesUnder('other').sort()).toEqual(['other', 'rexian']);
  // imports by name: a leaf's, 大类/小类, or an old one's
  expect([leafByName('获得电力'), leafByName('水电气热/获得电力'), leafByName('用电/供水/管网'), leafByName('12345便民热线'), leafByName('没有')]).toEqual(['dianli', 'dianli', 'shuiqi', 'other', null]);
});

test('inputs write leaves: an old code from an older page becomes its leaf; a filter keeps a group', () => {
  const form = { description: '厂区用水压力不足，高峰时段停机', photos: [], phone: '13612340001' };
  expect(SubmitFields.parse({ ...form, category: 'shuidian' }).category).toBe('shuiqi');
  expect(SubmitFields.parse({ ...form, category: 'dianli' }).category).toBe('dianli');
  expect(SubmitFields.safeParse({ ...form, category: 'yaosu' }).success).toBe(false);
  expect(SubmitFields.safeParse({ ...form, category: 'nosuch' }).success).toBe(false);
  expect(LedgerFilter.parse({ category: 'yaosu' }).category).toBe('yaosu');
  expect(LedgerFilter.safeParse({ category: 'nosuch' }).success).toBe(false);
});

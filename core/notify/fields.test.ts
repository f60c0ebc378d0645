/** Each WeChat keyword type: what the formatter makes of realistic and nasty input, and what the validator refuses. */
import { checkField, cleanText, ELLIPSIS, fitText, formatField, graphemes, type RawValue } from './fields';
import { FIELD_TYPES, type FieldType } from './templates';

const HAN20 = '营商环境诉求直通车间用电增容报装申请两周无人联系';  // 24 Chinese characters
const han = (n: number) => HAN20.repeat(3).slice(0, n);
const EMOJI = '😀'; // one code point, two UTF-16 units
const FAMILY = '👨‍👩‍👧'; // a ZWJ sequence: 5 code points, 8 units
const FLAG = '🇨🇳';
const E_ACUTE = 'e\u0301'; // e + combining acute: two code points, one character

/** no lone surrogate anywhere */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('thing', () => {
  const ok = (raw: RawValue) => {
    const v = formatField('thing', raw);
    expect(checkField('thing', v)).toBeNull();
    expect(wellFormed(v)).toBe(true);
    expect(v.length).toBeLessThanOrEqual(20);
    expect(Array.from(v).length).toBeLessThanOrEqual(20);
    return v;
  };

  test('short text passes unchanged; 20 characters exactly are not cut', () => {
    expect(ok('已完成增容')).toBe('已完成增容');
    expect(ok(han(20))).toBe(han(20));
  });

  test('long Chinese text is cut to 19 characters and an ellipsis', () => {
    const v = ok(han(60));
    expect(v).toBe(han(19) + ELLIPSIS);
  });

  test.each([18, 19, 20, 21])('an emoji after %i Chinese characters is never cut in half', (before) => {
    const text = han(before) + EMOJI + han(10);
    const v = ok(text);
    // either the whole emoji is there or none of it
    expect(v.includes(EMOJI) || !/[\uD800-\uDFFF]/.test(v)).toBe(true);
    expect(v.endsWith(ELLIPSIS)).toBe(true);
  });

  test('an emoji at the 19th, 20th and 21st position of a text that just fits or just overflows', () => {
    for (const at of [19, 20, 21]) {
      const text = han(at - 1) + EMOJI + (at < 20 ? han(20 - at) : '');
      ok(text);
    }
    // 18 + emoji = 20 units: fits whole
    expect(ok(han(18) + EMOJI)).toBe(han(18) + EMOJI);
    // 19 + emoji = 21 units: the emoji does not fit, it is dropped whole
    expect(ok(han(19) + EMOJI)).toBe(han(19) + ELLIPSIS);
  });

  test('ZWJ sequences, flags and combining marks stay whole', () => {
    for (const seq of [FAMILY, FLAG, E_ACUTE, '👍🏽', '1️⃣']) {
      for (let before = 12; before <= 21; before++) {
        const v = ok(han(before) + seq + han(5));
        const gs = graphemes(v);
        // every grapheme of the result is a grapheme of the (NFC-normalised) input
        const input = new Set(graphemes(cleanText(han(before) + seq + han(5))));
        for (const g of gs) if (g !== ELLIPSIS) expect(input.has(g)).toBe(true);
      }
    }
  });

  test('line breaks, tabs, control characters and invisible marks become one line', () => {
    expect(ok('第一行\n第二行\t\u0007第三行\u200b')).toBe('第一行 第二行 第三行');
  });

  test('a lone surrogate in the input is dropped, not sent', () => {
    expect(ok('诉求\uD83D已办结')).toBe('诉求已办结');
  });

  test('empty or missing values become 无 (WeChat refuses empty values)', () => {
    for (const raw of ['', '   ', null, undefined, '\n\t']) expect(ok(raw)).toBe('无');
    expect(checkField('thing', '')).toMatch(/empty/);
  });

  test('the validator refuses what WeChat refuses', () => {
    expect(checkField('thing', han(21))).toMatch(/longer than 20/);
    expect(checkField('thing', han(19) + EMOJI)).toMatch(/longer than 20/);
    expect(checkField('thing', han(10) + '\uD83D')).toMatch(/lone surrogate/);
    expect(checkField('thing', '第一行\n第二行')).toMatch(/control/);
    expect(checkField('thing', '\u0301开头')).toMatch(/combining/);
  });
});

describe('phrase', () => {
  test.each([
    ['办理中', '办理中'],
    ['待补充材料', '待补充材料'],
    ['联合检查建议', '联检建议'],
    ['联合检查预告', '联检预告'],
    ['评分1分', '评分一分'],
    ['评分５分', '评分五分'],
    [' 已 签 退 ', '已签退'],
  ])('%s → %s', (raw, expected) => {
    const v = formatField('phrase', raw);
    expect(v).toBe(expected);
    expect(checkField('phrase', v)).toBeNull();
  });

  test.each(['六个汉字以上', 'OK', '已办结!', '', '评分100分', '办结😀'])('refuses %j', (raw) => {
    expect(checkField('phrase', formatField('phrase', raw))).not.toBeNull();
  });
});

describe('name', () => {
  test.each([
    ['林晓', '林晓'],
    ['欧阳娜娜', '欧阳娜娜'],
    ['阿卜杜热合曼·买买提明·艾力', '阿卜杜热合曼·买买提'],
    ['Zhang Wei', 'Zhang·Wei'],
    ['Alexandria Catherine Montgomery', 'Alexandria·Catherine'],
    ['李Lily', '李Lily'],
    ['张伟（网格员）', '张伟网格员'],
    ['', '无'],
  ])('%j → %j', (raw, expected) => {
    const v = formatField('name', raw);
    expect(v).toBe(expected);
    expect(checkField('name', v)).toBeNull();
  });

  test('the validator refuses digits, over-long names and emoji', () => {
    expect(checkField('name', '张伟1')).not.toBeNull();
    expect(checkField('name', '一二三四五六七八九十一')).not.toBeNull();
    expect(checkField('name', '张伟😀')).not.toBeNull();
    expect(checkField('name', 'A'.repeat(21))).not.toBeNull();
  });
});

describe('character_string', () => {
  test('ticket numbers and ids pass; full-width becomes ASCII; spaces go', () => {
    for (const [raw, expected] of [['SQ202611230001', 'SQ202611230001'], ['GW202611230003', 'GW202611230003'], ['ＳＱ２０２６', 'SQ2026'], ['AB 12-3', 'AB12-3']]) {
      const v = formatField('character_string', raw);
      expect(v).toBe(expected);
      expect(checkField('character_string', v)).toBeNull();
    }
    expect(formatField('character_string', 'x'.repeat(40))).toHaveLength(32);
  });

  test('Chinese is never sent as a character_string', () => {
    for (const raw of ['东城新材料科技有限公司', '住建局', 'SQ2026年', '']) {
      expect(checkField('character_string', formatField('character_string', raw))).not.toBeNull();
    }
    expect(checkField('character_string', 'x'.repeat(33))).toMatch(/longer than 32/);
  });
});

describe('time and date', () => {
  test('an instant is shown in Beijing time, as WeChat documents it', () => {
    expect(formatField('time', '2026-11-23T01:30:00.000Z')).toBe('2026年11月23日 09:30');
    expect(formatField('time', new Date('2026-12-31T16:05:00Z'))).toBe('2027年1月1日 00:05');
    expect(formatField('date', '2026-11-23T17:00:00Z')).toBe('2026年11月24日');
    expect(formatField('date', '2026-12-01')).toBe('2026年12月1日');
    expect(formatField('date', ['2026-12-01', '2026-12-05'])).toBe('2026年12月1日~2026年12月5日');
    for (const v of ['2026年11月23日 09:30', '2027年1月1日 00:05', '15:01', '15:01:59', '2026-11-23 09:05', '2026/11/23 9:05', '11月23日 09:30~11月24日 10:00']) {
      expect(checkField('time', v)).toBeNull();
    }
    for (const v of ['2026年11月23日', '2026年11月24日', '2026-12-01', '2026.12.01', '12月1日', '2026年12月1日 15:01', '2026年12月1日~2026年12月5日']) {
      expect(checkField('date', v)).toBeNull();
    }
  });

  test('refuses what is not a time or date', () => {
    for (const v of ['', '明天上午', '25:00', '2026-02-30 10:00', '2026-11-23T01:30:00Z', '9点半']) expect(checkField('time', v)).not.toBeNull();
    for (const v of ['', '下周', '2026-13-01', '2026年2月30日', '2026-11-23T01:30:00Z']) expect(checkField('date', v)).not.toBeNull();
    expect(checkField('time', formatField('time', null))).not.toBeNull();
  });
});

describe('the other types', () => {
  const cases: Array<[FieldType, RawValue, string]> = [
    ['number', 5, '5'],
    ['number', 3.5, '3.5'],
    ['number', '1,234', '1234'],
    ['amount', 1280, '¥1280.00'],
    ['amount', '￥12.5元', '￥12.5元'],
    ['phone_number', '136 1234 0001', '13612340001'],
    ['phone_number', '+86-0766-66888866', '+86-0766-66888866'],
    ['car_number', '粤A·8Z888挂', '粤A8Z888挂'],
    ['car_number', '京a 12345', '京A12345'],
    ['letter', 'ABC', 'ABC'],
    ['symbol', '★', '★'],
  ];
  test.each(cases)('%s %j → %j', (type, raw, expected) => {
    const v = formatField(type, raw);
    expect(v).toBe(expected);
    expect(checkField(type, v)).toBeNull();
  });

  test('refusals', () => {
    expect(checkField('number', '-1')).not.toBeNull();
    expect(checkField('number', '1'.repeat(33))).not.toBeNull();
    expect(checkField('number', formatField('number', Number.NaN))).not.toBeNull();
    expect(checkField('amount', '¥12345678901')).not.toBeNull();
    expect(checkField('amount', '12元')).not.toBeNull();
    expect(checkField('phone_number', '1'.repeat(18))).not.toBeNull();
    expect(checkField('phone_number', '电话13612340001')).not.toBeNull();
    expect(checkField('car_number', '粤A8Z888挂1')).not.toBeNull();
    expect(checkField('car_number', 'A粤8Z888')).not.toBeNull();
    expect(checkField('letter', 'AB1')).not.toBeNull();
    expect(checkField('symbol', '★★★★★★')).not.toBeNull();
    expect(checkField('symbol', 'a')).not.toBeNull();
  });

  test('every type refuses an empty value and a non-string', () => {
    for (const type of FIELD_TYPES) {
      expect(checkField(type, '')).not.toBeNull();
      expect(checkField(type, undefined)).not.toBeNull();
    }
  });
});

test('cleanText and fitText keep whole characters', () => {
  expect(cleanText('  a\r\nb  ')).toBe('a b');
  expect(fitText('abc', 3)).toBe('abc');
  expect(fitText('abcd', 3)).toBe('ab…');
  expect(fitText(`${EMOJI}${EMOJI}${EMOJI}`, 4)).toBe(`${EMOJI}…`);
});

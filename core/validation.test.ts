import fc from 'fast-check';
import { isCalendarDate, parseInput, zDate } from './validation';
import { z } from 'zod';

test('a date the pages send exists and lies in 2000–2100', () => {
  const cases: Record<string, boolean> = {
    '2026-02-28': true, '2026-02-29': false, '2028-02-29': true, '2026-02-30': false, '2026-13-01': false, '2026-00-10': false,
    '2026-04-31': false, '2026-04-30': true, '1999-12-31': false, '2000-01-01': true, '2100-12-31': true, '2101-01-01': false, '2026-1-01': false,
  };
  for (const [s, ok] of Object.entries(cases)) expect([s, isCalendarDate(s)]).toEqual([s, ok]);
});

test('every real day of the range passes, written as the pages write it', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
      expect(isCalendarDate(d.toISOString().slice(0, 10))).toBe(true);
    }),
  );
});

test('a day that does not exist is one Chinese validation error', () => {
  expect(() => parseInput(z.object({ on: zDate() }), { on: '2026-02-30' })).toThrow('日期不存在或超出范围（2000至2100年），请检查年月日');
});

import { beijingDateKey, beijingParts, formatBeijing } from './time';

test('dates are Beijing dates whatever the server zone', () => {
  // 23:30 UTC is 07:30 the next morning in Beijing
  expect(beijingDateKey(new Date('2026-11-23T23:30:00Z'))).toBe('20261124');
  expect(beijingDateKey(new Date('2026-11-23T15:59:59Z'))).toBe('20261123');
  expect(formatBeijing('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05');
});

test('beijingParts by arithmetic agrees with the time zone database for any instant since 1992, and before it uses the database', () => {
  const fc = require('fast-check') as typeof import('fast-check');
  const tz = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const fromDb = (at: Date) => {
    const p: Record<string, string> = {};
    for (const { type, value } of tz.formatToParts(at)) p[type] = value;
    return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second };
  };
  fc.assert(fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
    expect(beijingParts(new Date(t))).toEqual(fromDb(new Date(t)));
  }), { numRuns: 5000 });
  // summer 1990 was daylight saving time in China (UTC+9): the database's answer, not +8
  expect(beijingParts(new Date('1990-07-01T00:00:00Z'))).toEqual(fromDb(new Date('1990-07-01T00:00:00Z')));
  expect(beijingParts(new Date('1990-07-01T00:00:00Z')).hour).toBe(9);
});

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

describe('dayjs helpers', () => {
  const fc = require('fast-check') as typeof import('fast-check');
  const since1992 = fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) });
  // the hand-written arithmetic these helpers replaced: shift by +08:00, read the UTC fields
  const pad = (n: number) => String(n).padStart(2, '0');
  const old = (t: number) => {
    const d = new Date(t + 8 * 3600_000);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    return { date, key: date.replace(/-/g, ''), text: `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
  };

  test('agree with the old +08:00 arithmetic for any instant since 1992, and the fast formats with dayjs format()', () => {
    const { beijingDate } = require('./time') as typeof import('./time');
    fc.assert(fc.property(since1992, (t) => {
      const o = old(t);
      expect(formatBeijing(new Date(t))).toBe(o.text);
      expect(formatBeijing(new Date(t).toISOString())).toBe(o.text);
      expect(formatBeijing(t, 'YYYY-MM-DD HH:mm')).toBe(o.text);
      expect(beijingDateKey(new Date(t))).toBe(o.key);
      expect(beijingDate(t)).toBe(o.date);
    }), { numRuns: 3000 });
  });

  test('the mini-program side (src/shared/format, utc plugin only) reads the same Beijing time as core', () => {
    const src = require('../src/shared/format') as typeof import('../src/shared/format');
    fc.assert(fc.property(since1992, (t) => {
      const iso = new Date(t).toISOString();
      expect(src.formatTime(iso)).toBe(formatBeijing(iso));
      expect(src.formatDate(iso)).toBe(formatBeijing(iso).slice(0, 10));
      expect(src.formatTime(t, 'HH:mm')).toBe(formatBeijing(iso).slice(11));
      expect(src.beijingToday(t)).toBe(formatBeijing(iso).slice(0, 10));
    }), { numRuns: 2000 });
    expect([src.formatTime(null), src.formatTime(''), src.formatTime('not a time')]).toEqual(['', '', '']);
    expect(src.beijingInstant('2026-11-23', '09:05')).toBe('2026-11-23T01:05:00.000Z');
    expect(src.addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(src.addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect([src.isDateText('2026-02-28'), src.isDateText('2026-02-30'), src.isDateText('2026-2-28')]).toEqual([true, false, false]);
  });

  test('Beijing wall-clock text reads back as the instant; midnights and calendar arithmetic', () => {
    const t = require('./time') as typeof import('./time');
    fc.assert(fc.property(since1992, (ms) => {
      const s = Math.floor(ms / 1000) * 1000;
      expect(t.beijingInstant(formatBeijing(s, 'YYYY-MM-DD HH:mm:ss')).getTime()).toBe(s);
      const date = t.beijingDate(s);
      expect(Date.parse(t.beijingMidnight(date))).toBe(Date.parse(`${date}T00:00:00+08:00`));
      expect(Date.parse(t.beijingNextMidnight(date)) - Date.parse(t.beijingMidnight(date))).toBe(86_400_000);
      expect(t.addDays(date, 40)).toBe(old(Date.parse(`${date}T00:00:00Z`) + 40 * 86_400_000 - 8 * 3600_000).date);
      expect(t.calendarDaysBetween(date, t.addDays(date, -17))).toBe(-17);
    }), { numRuns: 2000 });
    expect(t.daysInMonth(2024, 2)).toBe(29);
    expect(t.daysInMonth(2100, 2)).toBe(28);
    expect(t.calendarDate(2026, 2, 28)).toBe('2026-02-28');
    // before 1992 the zone database decides: 1990-07-01 09:00 in Beijing was 00:00 UTC (daylight saving)
    expect(t.beijingInstant('1990-07-01 09:00').toISOString()).toBe('1990-07-01T00:00:00.000Z');
    expect(() => t.formatBeijing('not a time')).toThrow(RangeError);
    expect(() => t.beijingInstant('2026-11-23T09:05:00Z')).toThrow(RangeError);
  });

  test('the leaders\' period keys (src/subpkg-leader/format) step like core\'s previousKey', () => {
    const leader = require('../src/subpkg-leader/format') as typeof import('../src/subpkg-leader/format');
    const { previousKey } = require('./stats/period') as typeof import('./stats/period');
    fc.assert(fc.property(fc.integer({ min: 2001, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      const month = `${y}-${pad(m)}`;
      const quarter = `${y}-Q${Math.ceil(m / 3)}`;
      expect(leader.stepKey('month', month, -1)).toBe(previousKey('month', month));
      expect(leader.stepKey('quarter', quarter, -1)).toBe(previousKey('quarter', quarter));
      expect(leader.stepKey('month', leader.stepKey('month', month, 13), -13)).toBe(month);
      expect(leader.stepKey('quarter', leader.stepKey('quarter', quarter, 5), -5)).toBe(quarter);
    }), { numRuns: 500 });
  });

  // jest hands tests a copy of process.env, so switching TZ in-process has no effect: use child processes.
  // Quarter-hours around the 2026 daylight-saving changes of New York and Lord Howe Island, where
  // dayjs(x).utcOffset(480) and dayjs(x).tz('Asia/Shanghai') read an hour off.
  test.each(['America/New_York', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'UTC'])('the same answers in a child process with TZ=%s', (tz) => {
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const { join } = require('path') as typeof import('path');
    const starts = ['2026-03-07T12:00:00Z', '2026-04-04T12:00:00Z', '2026-10-03T12:00:00Z', '2026-10-31T12:00:00Z'];
    const code = `
      const t = require(${JSON.stringify(join(__dirname, 'time.ts'))});
      const src = require(${JSON.stringify(join(__dirname, '..', 'src', 'shared', 'format.ts'))});
      const out = [];
      for (const s of ${JSON.stringify(starts)}) for (let i = 0; i < 4 * 48; i++) {
        const at = Date.parse(s) + i * 900000;
        out.push([t.formatBeijing(at), t.beijingDateKey(new Date(at)), t.formatBeijing(at, 'YYYY年M月D日 HH:mm'), JSON.stringify(t.beijingParts(new Date(at))),
          src.formatTime(new Date(at).toISOString()), t.beijingInstant(t.formatBeijing(at)).toISOString()].join('|'));
      }
      out.push(t.formatBeijing(new Date('1990-07-01T00:00:00Z')), t.beijingInstant('1990-07-01 09:00').toISOString(), t.addDays('2026-03-08', 1), t.beijingMidnight('2026-03-08'));
      console.log(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, out }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { env: { ...process.env, TZ: tz }, encoding: 'utf8', cwd: join(__dirname, '..') });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout.trim());
    expect(got.tz).toBe(tz);
    const expected: string[] = [];
    for (const s of starts) for (let i = 0; i < 4 * 48; i++) {
      const at = Date.parse(s) + i * 900_000;
      const o = old(at);
      const d = new Date(at + 8 * 3600_000);
      const parts = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
      expected.push([o.text, o.key, `${parts.year}年${parts.month}月${parts.day}日 ${o.text.slice(11)}`, JSON.stringify(parts), o.text,
        new Date(Math.floor(at / 60_000) * 60_000).toISOString()].join('|'));
    }
    expected.push('1990-07-01 09:00', '1990-07-01T00:00:00.000Z', '2026-03-09', '2026-03-07T16:00:00.000Z');
    expect(got.out).toEqual(expected);
  });
});

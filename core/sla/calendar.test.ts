import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { formatBeijing } from '../time';
import { DEFAULT_WORKING_HOURS, WorkCalendar, validateWorkingHours, type CalendarOverride } from './calendar';

const data = chineseDays as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };

/** '2026-09-30 10:00' (Beijing wall-clock) -> Date */
const bj = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
/** Date -> '2026-09-30 10:00' (Beijing wall-clock) */
const fmt = (d: Date) => formatBeijing(d);

const cal = new WorkCalendar();

/** plain Beijing date arithmetic on 'YYYY-MM-DD' keys */
const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** seeded PRNG (mulberry32) so the property tests are reproducible */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('library coverage', () => {
  test('library years are derived from the data: every year with entries, contiguous, includes 2026', () => {
    const years = cal.libraryYears();
    const inData = [...new Set(Object.keys(data.holidays).map((k) => +k.slice(0, 4)))].sort((a, b) => a - b);
    expect(years).toEqual(inData);
    expect(years).toContain(2026);
    for (let i = 1; i < years.length; i++) expect(years[i]).toBe(years[i - 1] + 1);
    for (const y of years) {
      expect(cal.coverage(y)).toBe('library');
      expect(cal.dayInfo(`${y}-01-01`)).toMatchObject({ workday: false, source: 'library', name: '元旦' });
    }
    expect(cal.coverage(years[0] - 1)).toBe('none');
    expect(cal.coverage(years[years.length - 1] + 1)).toBe('none');
  });

  test('libraryYears returns a copy', () => {
    const y = cal.libraryYears();
    y.push(3000);
    expect(cal.libraryYears()).not.toContain(3000);
  });

  test('adminYears give admin coverage only where the library has none', () => {
    const c = new WorkCalendar({ adminYears: [2026, 2031] });
    expect(c.coverage(2026)).toBe('library');
    expect(c.coverage(2031)).toBe('admin');
    expect(c.coverage(2032)).toBe('none');
  });

  test('dayInfo agrees with chinese-days’ own isWorkday for every covered date (checked in a UTC child process)', () => {
    // the library's functions use the process zone, so compare under TZ=UTC where they are right
    const code = `
      const lib = require('chinese-days');
      const { WorkCalendar } = require(${JSON.stringify(join(__dirname, 'calendar.ts'))});
      const c = new WorkCalendar();
      const years = c.libraryYears();
      let n = 0, bad = [];
      for (let t = Date.UTC(years[0], 0, 1); t < Date.UTC(years[years.length - 1] + 1, 0, 1); t += 86400000) {
        const d = new Date(t).toISOString().slice(0, 10);
        n++;
        if (lib.isWorkday(d) !== c.isWorkday(d)) bad.push(d);
      }
      console.log(JSON.stringify({ n, bad: bad.slice(0, 5) }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
      env: { ...process.env, TZ: 'UTC' },
      encoding: 'utf8',
      cwd: join(__dirname, '..', '..'),
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.trim());
    expect(out.n).toBeGreaterThan(365 * 20);
    expect(out.bad).toEqual([]);
  });
});

describe('dayInfo', () => {
  test('2026 Mid-Autumn + National Day, straight from the library data', () => {
    // the data: 中秋 9-25..27, 国庆 10-01..07, adjusted working Sunday 9-20 and Saturday 10-10
    for (const d of ['2026-09-25', '2026-09-26', '2026-09-27']) expect(data.holidays[d]).toContain('中秋');
    for (let i = 1; i <= 7; i++) expect(data.holidays[`2026-10-0${i}`]).toContain('国庆');
    expect(data.workdays['2026-09-20']).toContain('国庆');
    expect(data.workdays['2026-10-10']).toContain('国庆');

    expect(cal.dayInfo('2026-09-25')).toEqual({ date: '2026-09-25', workday: false, source: 'library', name: '中秋' });
    expect(cal.dayInfo('2026-10-05')).toEqual({ date: '2026-10-05', workday: false, source: 'library', name: '国庆节' });
    expect(cal.dayInfo('2026-10-08')).toEqual({ date: '2026-10-08', workday: true, source: 'library' });
    expect(cal.dayInfo('2026-10-11')).toEqual({ date: '2026-10-11', workday: false, source: 'library' });
  });

  test('adjusted working weekends (调休) are working days', () => {
    expect(weekday('2026-09-20')).toBe(0); // a Sunday
    expect(cal.dayInfo('2026-09-20')).toEqual({ date: '2026-09-20', workday: true, source: 'library', name: '国庆节补班' });
    expect(weekday('2026-10-10')).toBe(6); // a Saturday
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    // every adjusted working day in the data is a working day, every holiday is not
    for (const d of Object.keys(data.workdays)) expect(cal.isWorkday(d)).toBe(true);
    for (const d of Object.keys(data.holidays)) if (!data.workdays[d]) expect(cal.isWorkday(d)).toBe(false);
  });

  test('a year nobody covers falls back to Monday–Friday, marked as a guess', () => {
    expect(cal.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', workday: true, source: 'weekday-guess' }); // a Friday
    expect(cal.dayInfo('2027-01-02')).toEqual({ date: '2027-01-02', workday: false, source: 'weekday-guess' });
  });

  test('overrides win over the library and over guesses; admin years are not guesses', () => {
    const c = new WorkCalendar({
      adminYears: [2027],
      overrides: [
        { date: '2026-10-08', kind: 'holiday', name: '区运动会' },
        { date: '2026-10-11', kind: 'workday', name: '加班' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      ],
    });
    expect(c.dayInfo('2026-10-08')).toEqual({ date: '2026-10-08', workday: false, source: 'override', name: '区运动会' });
    expect(c.dayInfo('2026-10-11')).toEqual({ date: '2026-10-11', workday: true, source: 'override', name: '加班' });
    expect(c.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', workday: false, source: 'override', name: '元旦' });
    expect(c.dayInfo('2027-01-04')).toEqual({ date: '2027-01-04', workday: true, source: 'admin' });
  });

  test('dayInfo is cached and frozen; bad dates throw', () => {
    const c = new WorkCalendar();
    const a = c.dayInfo('2026-10-01');
    expect(c.dayInfo('2026-10-01')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => c.dayInfo('2026-02-30')).toThrow();
    expect(() => c.dayInfo('2026-1-5')).toThrow();
    expect(() => new WorkCalendar({ overrides: [{ date: '2026/10/08', kind: 'holiday', name: 'x' }] })).toThrow(/YYYY-MM-DD/);
  });
});

describe('deadlines around the 2026 Mid-Autumn + National Day break', () => {
  // the last working day before National Day, read from the library's data
  let lastBefore = '2026-10-01';
  do lastBefore = shiftDate(lastBefore, -1);
  while (!cal.isWorkday(lastBefore));

  test('the last working day before the break is Wednesday 30 September', () => {
    expect(lastBefore).toBe('2026-09-30');
  });

  test('a general request (5 working days) submitted then is due on the 5th working day after the break', () => {
    const r = cal.addWorkingDays(bj(`${lastBefore} 10:00`), 5);
    // working days after 9-30: 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, 调休), 10-12 (Mon), 10-13 (Tue)
    expect(fmt(r.at)).toBe('2026-10-13 10:00');
    expect(r.uncoveredYears).toEqual([]);
  });

  test('a complex request (10 working days) submitted on 30 September', () => {
    // 10-08, 09, 10, 12, 13, 14, 15, 16, 19, 20
    expect(fmt(cal.addWorkingDays(bj('2026-09-30 15:00'), 10).at)).toBe('2026-10-20 15:00');
  });

  test('the clock stops over the break: 9-30 17:00 plus one working hour is 10-08 09:30', () => {
    expect(fmt(cal.addWorkingMinutes(bj('2026-09-30 17:00'), 60).at)).toBe('2026-10-08 09:30');
    expect(cal.workingMinutesBetween(bj('2026-09-30 17:00'), bj('2026-10-08 09:30')).minutes).toBe(60);
    expect(cal.workingMinutesBetween(bj('2026-09-30 17:30'), bj('2026-10-08 09:00')).minutes).toBe(0);
  });

  test('Mid-Autumn: a request on Thursday 9-24 skips the Friday holiday', () => {
    expect(fmt(cal.addWorkingDays(bj('2026-09-24 11:00'), 1).at)).toBe('2026-09-28 11:00');
  });

  test('the adjusted working Sunday 9-20 counts', () => {
    // Saturday 9-19 10:00: starts at the next working minute, Sunday 9-20 09:00
    expect(fmt(cal.addWorkingMinutes(bj('2026-09-19 10:00'), 60).at)).toBe('2026-09-20 10:00');
    // Friday 9-18 14:00 + 1 working day = Sunday 9-20 14:00
    expect(fmt(cal.addWorkingDays(bj('2026-09-18 14:00'), 1).at)).toBe('2026-09-20 14:00');
    expect(cal.workingMinutesBetween(bj('2026-09-19 00:00'), bj('2026-09-21 00:00')).minutes).toBe(420);
  });
});

describe('working-hour boundaries', () => {
  test('minutesPerDay', () => {
    expect(cal.minutesPerDay).toBe(420);
    expect(new WorkCalendar({ workingHours: [['08:30', '12:00'], ['14:00', '18:00']] }).minutesPerDay).toBe(450);
  });

  test('a deadline landing exactly on 17:30 stays there', () => {
    // 5 working days from Monday 09:00 end on Friday 17:30, not the next Monday 09:00
    expect(fmt(cal.addWorkingDays(bj('2026-11-16 09:00'), 5).at)).toBe('2026-11-20 17:30');
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-16 17:00'), 30).at)).toBe('2026-11-16 17:30');
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-16 17:00'), 31).at)).toBe('2026-11-17 09:01');
    // and the morning segment ends at 12:00, not 13:30
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-16 11:00'), 60).at)).toBe('2026-11-16 12:00');
  });

  test('starting at 20:00 starts at the next morning 09:00', () => {
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-24 20:00'), 60).at)).toBe('2026-11-25 10:00');
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-24 20:00'), 0).at)).toBe('2026-11-25 09:00');
    expect(fmt(cal.addWorkingDays(bj('2026-11-24 20:00'), 1).at)).toBe('2026-11-25 17:30');
  });

  test('starting on a Saturday starts on Monday 09:00', () => {
    expect(fmt(cal.addWorkingMinutes(bj('2026-10-17 10:00'), 60).at)).toBe('2026-10-19 10:00');
    expect(fmt(cal.addWorkingDays(bj('2026-10-17 10:00'), 5).at)).toBe('2026-10-23 17:30');
  });

  test('the lunch break does not count', () => {
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-16 12:30'), 30).at)).toBe('2026-11-16 14:00');
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-16 11:30'), 60).at)).toBe('2026-11-16 14:00');
    expect(cal.workingMinutesBetween(bj('2026-11-16 11:00'), bj('2026-11-16 14:00')).minutes).toBe(90);
    expect(cal.workingMinutesBetween(bj('2026-11-16 12:05'), bj('2026-11-16 13:25')).minutes).toBe(0);
  });

  test('before 09:00 on a working day starts at 09:00; 00:00 too', () => {
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-16 07:45'), 15).at)).toBe('2026-11-16 09:15');
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-16 00:00'), 420).at)).toBe('2026-11-16 17:30');
  });

  test('seconds are kept', () => {
    const r = cal.addWorkingMinutes(new Date('2026-11-16T10:00:30+08:00'), 1);
    expect(r.at.toISOString()).toBe(new Date('2026-11-16T10:01:30+08:00').toISOString());
  });

  test('negative minutes walk backwards with mirrored boundaries', () => {
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-17 10:00'), -60).at)).toBe('2026-11-17 09:00');
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-17 10:00'), -61).at)).toBe('2026-11-16 17:29');
    expect(fmt(cal.addWorkingMinutes(bj('2026-11-17 14:00'), -60).at)).toBe('2026-11-17 11:30');
    expect(fmt(cal.addWorkingDays(bj('2026-10-13 10:00'), -5).at)).toBe('2026-09-30 10:00');
  });

  test('workingMinutesBetween is negative when to < from', () => {
    expect(cal.workingMinutesBetween(bj('2026-10-13 10:00'), bj('2026-09-30 10:00')).minutes).toBe(-2100);
    expect(cal.workingMinutesBetween(bj('2026-09-30 10:00'), bj('2026-10-13 10:00')).minutes).toBe(2100);
    expect(Object.is(cal.workingMinutesBetween(bj('2026-10-04 10:00'), bj('2026-10-03 10:00')).minutes, 0)).toBe(true);
  });

  test('custom working hours', () => {
    const c = new WorkCalendar({ workingHours: [['08:00', '12:00'], ['14:00', '18:00']] });
    expect(fmt(c.addWorkingMinutes(bj('2026-11-16 11:00'), 120).at)).toBe('2026-11-16 15:00');
    expect(fmt(c.addWorkingDays(bj('2026-11-16 08:00'), 1).at)).toBe('2026-11-16 18:00');
    expect(() => new WorkCalendar({ workingHours: [['09:00', '08:00']] })).toThrow(/工作时间/);
  });
});

describe('overrides', () => {
  test('a local holiday on a working day shifts a deadline', () => {
    const start = bj('2026-11-16 09:00'); // Monday
    expect(fmt(cal.addWorkingDays(start, 5).at)).toBe('2026-11-20 17:30');
    const local = new WorkCalendar({ overrides: [{ date: '2026-11-18', kind: 'holiday', name: '地方节日' }] });
    const r = local.addWorkingDays(start, 5);
    expect(fmt(r.at)).toBe('2026-11-23 17:30');
    expect(r.uncoveredYears).toEqual([]);
    expect(local.workingMinutesBetween(start, r.at).minutes).toBe(2100);
  });

  test('an override can cancel an adjusted working Saturday', () => {
    const c = new WorkCalendar({ overrides: [{ date: '2026-10-10', kind: 'holiday', name: '本区不补班' }] });
    expect(fmt(c.addWorkingDays(bj('2026-09-30 10:00'), 5).at)).toBe('2026-10-14 10:00');
  });

  test('a later override for the same date wins', () => {
    const c = new WorkCalendar({
      overrides: [
        { date: '2026-11-18', kind: 'holiday', name: 'a' },
        { date: '2026-11-18', kind: 'workday', name: 'b' },
      ],
    });
    expect(c.dayInfo('2026-11-18')).toMatchObject({ workday: true, name: 'b' });
  });
});

describe('2027: a year the library lacks', () => {
  const libraryHas2027 = cal.libraryYears().includes(2027);

  (libraryHas2027 ? test.skip : test)('coverage(2027) is none and a deadline crossing into 2027 reports it', () => {
    expect(cal.coverage(2027)).toBe('none');
    // complex request on Thursday 2026-12-24: 12-25, 28, 29, 30, 31 then 2027 weekdays (guessed): 1-01, 04, 05, 06, 07
    const r = cal.addWorkingDays(bj('2026-12-24 10:00'), 10);
    expect(fmt(r.at)).toBe('2027-01-07 10:00');
    expect(r.uncoveredYears).toEqual([2027]);
    expect(cal.workingMinutesBetween(bj('2026-12-24 10:00'), r.at)).toEqual({ minutes: 4200, uncoveredYears: [2027] });
    // a deadline inside 2026 is not provisional
    expect(cal.addWorkingDays(bj('2026-12-24 10:00'), 5).uncoveredYears).toEqual([]);
  });

  (libraryHas2027 ? test.skip : test)('a deadline ending exactly at 17:30 on 12-31 does not look into 2027', () => {
    const r = cal.addWorkingMinutes(bj('2026-12-31 09:00'), 420);
    expect(fmt(r.at)).toBe('2026-12-31 17:30');
    expect(r.uncoveredYears).toEqual([]);
    // but from 20:00 on 12-31 the next working minute is in 2027
    expect(cal.addWorkingMinutes(bj('2026-12-31 20:00'), 0).uncoveredYears).toEqual([2027]);
  });

  test('an admin year with overrides fixes it (hypothetical 2027 schedule, Spring Festival included)', () => {
    // illustrative admin schedule: 元旦 1-1 (Fri) off; 春节 2-6..2-13 off with Sunday 2-14 worked
    const overrides: CalendarOverride[] = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      ...['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'].map(
        (date): CalendarOverride => ({ date, kind: 'holiday', name: '春节' }),
      ),
      { date: '2027-02-14', kind: 'workday', name: '春节补班' },
    ];
    const c = new WorkCalendar({ adminYears: [2027], overrides });
    expect(c.coverage(2027)).toBe(libraryHas2027 ? 'library' : 'admin');

    const r = c.addWorkingDays(bj('2026-12-24 10:00'), 10);
    expect(fmt(r.at)).toBe('2027-01-08 10:00'); // 元旦 pushes it by one working day
    expect(r.uncoveredYears).toEqual([]);

    // submitted Friday 2-05 at 16:00, the last working day before the (hypothetical) Spring Festival
    const sf = c.addWorkingDays(bj('2027-02-05 16:00'), 5);
    // 2-14 (Sun, 补班), 2-15, 2-16, 2-17, 2-18
    expect(fmt(sf.at)).toBe('2027-02-18 16:00');
    expect(sf.uncoveredYears).toEqual([]);

    // overrides alone without declaring the year: the single dates win but the year stays provisional
    const partial = new WorkCalendar({ overrides });
    const p = partial.addWorkingDays(bj('2026-12-24 10:00'), 10);
    expect(fmt(p.at)).toBe('2027-01-08 10:00');
    expect(p.uncoveredYears).toEqual(libraryHas2027 ? [] : [2027]);
  });

  (libraryHas2027 ? test.skip : test)('several uncovered years are all listed', () => {
    const r = cal.addWorkingDays(bj('2026-12-31 10:00'), 300);
    expect(r.uncoveredYears).toEqual([2027, 2028]);
    expect(cal.workingMinutesBetween(bj('2026-12-31 10:00'), r.at).uncoveredYears).toEqual([2027, 2028]);
  });
});

describe('properties', () => {
  const from = Date.parse('2025-06-01T00:00:00+08:00');
  const span = Date.parse('2027-06-01T00:00:00+08:00') - from;
  const calendars = [
    cal,
    new WorkCalendar({ overrides: [{ date: '2026-11-18', kind: 'holiday', name: '地方节日' }, { date: '2026-11-21', kind: 'workday', name: '加班' }] }),
    new WorkCalendar({ workingHours: [['08:00', '11:45'], ['12:00', '12:10'], ['14:00', '24:00']] }),
  ];

  test('workingMinutesBetween inverts addWorkingMinutes (2,000 random starts per calendar)', () => {
    const rand = rng(20261001);
    for (const c of calendars) {
      for (let i = 0; i < 2000; i++) {
        // whole minutes most of the time, with seconds sometimes
        const start = new Date(from + Math.floor(rand() * span / (i % 5 === 0 ? 1000 : 60_000)) * (i % 5 === 0 ? 1000 : 60_000));
        const minutes = i % 7 === 0 ? 0 : Math.floor(rand() * 15 * c.minutesPerDay);
        const { at, uncoveredYears } = c.addWorkingMinutes(start, minutes);
        expect(at.getTime()).toBeGreaterThanOrEqual(start.getTime());
        const fwd = c.workingMinutesBetween(start, at);
        expect(fwd.minutes).toBe(minutes);
        // between consults only days whose working time counts; add also consults the day it lands on at 09:00
        for (const y of fwd.uncoveredYears) expect(uncoveredYears).toContain(y);
        expect(c.workingMinutesBetween(at, start).minutes).toBe(minutes === 0 ? 0 : -minutes);
        if (minutes > 0) {
          // walking back lands on the start, or on the next working minute when the start was outside working hours
          const back = c.addWorkingMinutes(at, -minutes).at;
          expect(back.getTime()).toBe(c.addWorkingMinutes(start, 0).at.getTime());
          // one minute less is strictly earlier: the result is the earliest instant with enough working time
          expect(c.addWorkingMinutes(start, minutes - 1).at.getTime()).toBeLessThan(at.getTime());
        }
      }
    }
  });

  test('addWorkingMinutes is additive: (a + b) = a then b', () => {
    const rand = rng(7);
    for (let i = 0; i < 1000; i++) {
      const start = new Date(from + Math.floor((rand() * span) / 60_000) * 60_000);
      const a = Math.floor(rand() * 3000) + 1;
      const b = Math.floor(rand() * 3000) + 1;
      const once = cal.addWorkingMinutes(start, a + b).at;
      const twice = cal.addWorkingMinutes(cal.addWorkingMinutes(start, a).at, b).at;
      expect(twice.getTime()).toBe(once.getTime());
    }
  });

  test('efficient: 10,000 deadlines of 10 working days and a 10-year span are quick', () => {
    const c = new WorkCalendar();
    const t0 = Date.now();
    const rand = rng(99);
    for (let i = 0; i < 10_000; i++) c.addWorkingDays(new Date(from + Math.floor(rand() * span)), 10);
    const far = c.addWorkingDays(bj('2016-01-04 09:00'), 2500);
    expect(c.workingMinutesBetween(bj('2016-01-04 09:00'), far.at).minutes).toBe(2500 * 420);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('independent of the process time zone', () => {
  const cases = [
    ['2026-09-30 10:00', 5],
    ['2026-09-19 10:00', 1],
    ['2026-11-24 20:00', 1],
    ['2026-12-24 10:00', 10],
    ['2026-03-07 23:59', 3],
  ] as const;
  const compute = () => {
    const c = new WorkCalendar();
    return cases.map(([s, d]) => {
      const r = c.addWorkingDays(bj(s), d);
      return { at: r.at.toISOString(), u: r.uncoveredYears, m: c.workingMinutesBetween(bj(s), r.at).minutes, info: c.dayInfo('2026-10-10') };
    });
  };

  // jest hands tests a copy of process.env, so switching TZ in-process has no effect: use child processes
  test.each(['America/New_York', 'Pacific/Kiritimati', 'UTC'])('same results in a child process with TZ=%s', (tz) => {
    const code = `
      const { WorkCalendar } = require(${JSON.stringify(join(__dirname, 'calendar.ts'))});
      const c = new WorkCalendar();
      const bj = (s) => new Date(s.replace(' ', 'T') + ':00+08:00');
      const cases = ${JSON.stringify(cases)};
      console.log(JSON.stringify({
        tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
        results: cases.map(([s, d]) => {
          const r = c.addWorkingDays(bj(s), d);
          return { at: r.at.toISOString(), u: r.uncoveredYears, m: c.workingMinutesBetween(bj(s), r.at).minutes, info: c.dayInfo('2026-10-10') };
        }),
      }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      cwd: join(__dirname, '..', '..'),
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.trim());
    expect(out.tz).toBe(tz);
    expect(out.results).toEqual(compute());
    expect(out.results[0].at).toBe(bj('2026-10-13 10:00').toISOString());
  });
});

describe('validateWorkingHours', () => {
  test('accepts the default and sensible schedules', () => {
    expect(validateWorkingHours(DEFAULT_WORKING_HOURS)).toBeNull();
    expect(validateWorkingHours([['08:30', '12:00'], ['12:00', '17:00']])).toBeNull(); // touching is fine
    expect(validateWorkingHours([['00:00', '24:00']])).toBeNull();
  });

  test('rejects bad schedules with Chinese messages', () => {
    expect(validateWorkingHours([])).toMatch(/至少/);
    expect(validateWorkingHours([['9:00', '12:00']])).toMatch(/HH:MM/);
    expect(validateWorkingHours([['09:00', '12:60']])).toMatch(/HH:MM/);
    expect(validateWorkingHours([['24:00', '24:00']])).toMatch(/HH:MM/);
    expect(validateWorkingHours([['12:00', '09:00']])).toMatch(/早于/);
    expect(validateWorkingHours([['09:00', '09:00']])).toMatch(/早于/);
    expect(validateWorkingHours([['09:00', '12:00'], ['11:00', '17:00']])).toMatch(/重叠/);
    expect(validateWorkingHours([['13:30', '17:30'], ['09:00', '12:00']])).toMatch(/重叠|排列/);
    expect(validateWorkingHours([['09:00']] as unknown as Array<[string, string]>)).toMatch(/格式/);
  });
});

// The official holiday schedule as the cloud functions bundle it (scripts/build-functions.mjs).
//
// core/sla/calendar.ts reads chinese-days' JSON (dist/chinese-days.json): every holiday and adjusted
// working day since 2004 as "YYYY-MM-DD": "English name,中文名,days", about 43 KiB of each bundle. The
// calendar reads only which dates are holidays or working days and the Chinese name (chineseName takes
// the second field, or the only one). This module turns that JSON into a small ES module of the same
// shape: per Chinese name, runs of consecutive dates as "YYYY-MM-DD+extra days", expanded when the
// bundle loads. `inLieuDays` (which days are 调休 in lieu) is not read by the calendar and is left out.
//
// tests/build/compact-holidays.test.ts holds the expansion to the library's data, date for date.
'use strict';

const DAY = 86_400_000;
const day = (s) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** "New Year's Day,元旦,1" -> "元旦" (as core/sla/calendar.ts chineseName reads it) */
function chineseName(entry) {
  const parts = String(entry).split(',');
  return (parts[1] ?? parts[0] ?? '').trim();
}

/** { name: "2026-01-01+2 2026-02-15+8 …" } from { "2026-01-01": "…,元旦,…" } */
function runsByName(map) {
  const byName = {};
  for (const date of Object.keys(map).sort()) {
    const name = chineseName(map[date]);
    const runs = (byName[name] ??= []);
    const last = runs[runs.length - 1];
    if (last && day(last.start) + (last.extra + 1) * DAY === day(date)) last.extra++;
    else runs.push({ start: date, extra: 0 });
  }
  const out = {};
  for (const [name, runs] of Object.entries(byName)) out[name] = runs.map((r) => (r.extra ? `${r.start}+${r.extra}` : r.start)).join(' ');
  return out;
}

/** the runs back to { date: name } */
function expand(runs) {
  const out = {};
  for (const [name, list] of Object.entries(runs)) {
    for (const run of list.split(' ')) {
      const [start, extra] = run.split('+');
      for (let i = 0, t = day(start); i <= Number(extra || 0); i++, t += DAY) out[iso(t)] = name;
    }
  }
  return out;
}

/** the source of an ES module whose default export has the library JSON's holidays and workdays */
function compactHolidaysModule(json) {
  const data = { holidays: runsByName(json.holidays), workdays: runsByName(json.workdays) };
  return `const DAY=${DAY};const day=${day.toString()};const iso=${iso.toString()};
const expand=${expand.toString()};
const data=${JSON.stringify(data)};
export default {holidays:expand(data.holidays),workdays:expand(data.workdays)};
`;
}

module.exports = { compactHolidaysModule, runsByName, expand, chineseName };

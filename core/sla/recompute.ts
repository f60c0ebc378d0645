/**
 * Deadlines laid again when the working calendar changes (issue 11, item 3): the admin enters a
 * year's official holidays (overrides + adminYears), corrects a day, or changes the working hours.
 * Deadlines already computed on the old calendar are recomputed on the new one, and their
 * provisional mark (slaProvisional) and the year's calendar warning clear once the year is covered.
 *
 * Method (keeps pause adjustments and extensions): for each open request with a running or paused
 * clock, every instant X it holds (dueAt, yellowAt, firstDueAt while never answered; acceptDueAt
 * from assignedAt) is re-laid from the clock's start A: X' = new.addWorkingMinutes(A,
 * old.workingMinutesBetween(A, X)), the minutes scaled by new/old minutesPerDay when the working
 * hours changed (five working days stay five). A paused clock's remainingAtPause follows dueAt.
 * The change is an 'sla' timeline event plus an SLA history entry 'changed' carrying the calendar
 * version it was laid on, and the colour and next check follow (relaid in clock.ts). Each request
 * is one conditional update on the version read (tryTransition); when it moved meanwhile it is
 * read again and judged afresh.
 *
 * Which calendar a request's deadlines are on: the settings document 'calendar-runs' keeps the
 * calendars since the oldest run that is not finished, each with its version and the instant it
 * came into force (since). A request is on the calendar named by its newest deadline-setting SLA
 * history entry: a conversion entry names its version; any other (started, changed, restarted,
 * resumed, extended) was computed on the calendar in force at its time. Entries older than every
 * retained calendar are on the oldest one: a finished run left every open request on its target
 * calendar, or unchanged by it (then the two calendars agree on that request's days). Requests at
 * or past the run's version are skipped, as are those created after the save. (A function
 * instance may use the calendar it cached up to 10 s after a save, core/sla/policy.ts: a deadline
 * it computes in that window counts as computed on the new calendar.)
 *
 * Work that does not fit the save: the run ({ version, cursor }) stays in 'calendar-runs'; the
 * save does what its budget allows, and the sweep timer (core/sweep/sweep.ts) continues from the
 * cursor every tick until the run is finished, then drops the calendars no request is on any more.
 * A new calendar save while a run is unfinished starts a new run from the beginning, keeping the
 * older calendars, so no request is converted from the wrong one. Paging: open requests in
 * (createdAt, _id) order through the index 'status,createdAt,_id', 100 at a time.
 */
import { OPEN_STATUSES } from '../contract/catalog';
import { C } from '../collections';
import type { ServiceRequest, Setting, SlaHistoryEntry } from '../model';
import { MAX_PAGE, StoreError, type Ports } from '../ports';
import { SYSTEM, tryTransition } from '../request-record';
import { formatBeijing } from '../time';
import { NO_BUDGET, type Budget } from '../budget';
import { WorkCalendar, type CalendarOverride, type WorkingHours } from './calendar';
import { firstAnswer, provisionalNote, relaid } from './clock';
import { resolveCoveredWarnings, warnUncoveredYears } from './calendar-warnings';
import { loadSla, type SlaContext } from './policy';
import { requestRepo } from '../repos/requests';

export const CALENDAR_RUNS_ID = 'calendar-runs';

export type CalendarConfigDoc = { overrides: CalendarOverride[]; adminYears: number[]; workingHours: WorkingHours };
export type CalendarVersion = CalendarConfigDoc & { version: number; since: string };
export type CalendarRun = {
  version: number;
  /** when the save started it: requests created later are on the new calendar already */
  startedAt: string;
  /** the last request looked at, in (createdAt, _id) order; null: from the beginning */
  cursor: { createdAt: string; id: string } | null;
  examined: number;
  changed: number;
};
export type CalendarRuns = { calendars: CalendarVersion[]; run: CalendarRun | null };
export type RunProgress = { version: number; examined: number; changed: number; more?: true };

/** an SLA history entry written by a conversion names the calendar it laid the deadlines on */
type Entry = SlaHistoryEntry & { calendarVersion?: number };

/** the days and hours that deadlines depend on (holiday names do not) */
function arithmeticKey(c: CalendarConfigDoc): string {
  const days = [...c.overrides].map((o) => `${o.date}:${o.kind}`).sort();
  const years = [...new Set(c.adminYears)].sort((a, b) => a - b);
  return JSON.stringify([days, years, c.workingHours]);
}

export function calendarChanged(a: CalendarConfigDoc, b: CalendarConfigDoc): boolean {
  return arithmeticKey(a) !== arithmeticKey(b);
}

const calendarOf = (c: CalendarConfigDoc) => new WorkCalendar({ overrides: c.overrides, adminYears: c.adminYears, workingHours: c.workingHours });

async function readRuns(ports: Ports): Promise<CalendarRuns | null> {
  const doc = await ports.store.collection<Setting>(C.settings).get(CALENDAR_RUNS_ID);
  return doc ? (doc.value as CalendarRuns) : null;
}

/** the unfinished run, if any, for the rules page */
export async function calendarRunProgress(ports: Ports): Promise<RunProgress | null> {
  const run = (await readRuns(ports))?.run;
  return run ? { version: run.version, examined: run.examined, changed: run.changed, more: true } : null;
}

/**
 * A calendar save (under the rules lock, core/admin/rules.ts): record the new calendar as the next
 * version and start a run that converts open requests to it. Returns the run's version.
 */
export async function startCalendarRun(ports: Ports, before: CalendarConfigDoc, after: CalendarConfigDoc, now: Date, by: string | null): Promise<number> {
  const at = now.toISOString();
  const prev = await readRuns(ports);
  const older = prev?.calendars?.length ? prev.calendars : [{ ...before, version: 0, since: new Date(0).toISOString() }];
  // a finished run left every open request on its calendar: only that one is still needed
  const kept = prev?.run ? older : older.slice(-1);
  const version = kept[kept.length - 1].version + 1;
  const value: CalendarRuns = {
    calendars: [...kept, { ...after, version, since: at }],
    run: { version, startedAt: at, cursor: null, examined: 0, changed: 0 },
  };
  const settings = ports.store.collection<Setting>(C.settings);
  const doc = { value, updatedAt: at, updatedBy: by };
  const ok = await settings.update(CALENDAR_RUNS_ID, { $set: doc });
  if (!ok) {
    await settings.add({ _id: CALENDAR_RUNS_ID, ...doc }).catch(async (e) => {
      if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
      await settings.update(CALENDAR_RUNS_ID, { $set: doc });
    });
  }
  return version;
}

const DEADLINE_KINDS = new Set<SlaHistoryEntry['kind']>(['started', 'changed', 'restarted', 'resumed', 'extended']);

/**
 * the retained calendar in force at an instant (the oldest one before them all); at the very
 * instant of a save the calendar before it counts (the save's own call read the old one)
 */
function inForceAt(calendars: CalendarVersion[], at: string | null | undefined): CalendarVersion {
  let hit = calendars[0];
  if (!at) return hit;
  for (const c of calendars) if (c.since < at) hit = c;
  return hit;
}

function byVersion(calendars: CalendarVersion[], v: number): CalendarVersion {
  return calendars.find((c) => c.version === v) ?? (v > calendars[calendars.length - 1].version ? calendars[calendars.length - 1] : calendars[0]);
}

/** the calendars the request's deadlines and its acceptance deadline were laid on */
export function calendarsOfRequest(req: ServiceRequest, calendars: CalendarVersion[]): { due: CalendarVersion; accept: CalendarVersion } {
  let last: Entry | undefined;
  for (const e of (req.slaHistory ?? []) as Entry[]) if (DEADLINE_KINDS.has(e.kind) && e.dueAt !== null) last = e;
  const due = typeof last?.calendarVersion === 'number' ? byVersion(calendars, last.calendarVersion) : inForceAt(calendars, last?.at ?? req.startedAt);
  // an assignment after the newest deadline entry computed its acceptance deadline on the calendar of its time
  const accept = req.assignedAt && (!last || req.assignedAt > last.at) ? inForceAt(calendars, req.assignedAt) : due;
  return { due, accept };
}

type Relaid = { at: string; uncovered: number[] };

function relay(x: string, anchor: string, from: WorkCalendar, to: WorkCalendar): Relaid {
  const minutes = from.workingMinutesBetween(new Date(anchor), new Date(x)).minutes;
  // nothing between them: the instant stays (re-laying 0 minutes would move it to the next working minute)
  if (minutes === 0) return { at: x, uncovered: [] };
  const r = to.addWorkingMinutes(new Date(anchor), (minutes * to.minutesPerDay) / from.minutesPerDay);
  return { at: r.at.toISOString(), uncovered: r.uncoveredYears };
}

/**
 * The patch that lays this request's deadlines on `target`, with the SLA history text; null when
 * nothing changes (or the request is not on a running or paused clock, or is on `target` already).
 */
export function convertRequest(req: ServiceRequest, calendars: CalendarVersion[], target: CalendarVersion): { set: Partial<ServiceRequest>; text: string; uncovered: number[] } | null {
  if (!OPEN_STATUSES.includes(req.status) || !req.startedAt || !req.dueAt) return null;
  const on = calendarsOfRequest(req, calendars);
  const to = calendarOf(target);
  const set: Partial<ServiceRequest> = {};
  let uncovered: number[] = [];
  if (on.due.version < target.version) {
    const from = calendarOf(on.due);
    const due = relay(req.dueAt, req.startedAt, from, to);
    uncovered = due.uncovered;
    if (due.at !== req.dueAt) set.dueAt = due.at;
    if (req.yellowAt) {
      const y = relay(req.yellowAt, req.startedAt, from, to).at;
      if (y !== req.yellowAt) set.yellowAt = y;
    }
    // the first deadline follows while the request was never answered (then this clock is the first)
    if (req.firstDueAt && !firstAnswer(req)) {
      const f = relay(req.firstDueAt, req.startedAt, from, to).at;
      if (f !== req.firstDueAt) set.firstDueAt = f;
    }
    if (req.pausedAt && req.remainingAtPause !== null) {
      const left = to.workingMinutesBetween(new Date(req.pausedAt), new Date(due.at)).minutes;
      if (left !== req.remainingAtPause) set.remainingAtPause = left;
    }
    const provisional = due.uncovered.length > 0;
    if (provisional !== req.slaProvisional) set.slaProvisional = provisional;
  }
  if (on.accept.version < target.version && req.status === 'assigned' && req.acceptDueAt && req.assignedAt) {
    const a = relay(req.acceptDueAt, req.assignedAt, calendarOf(on.accept), to).at;
    if (a !== req.acceptDueAt) set.acceptDueAt = a;
  }
  if (!Object.keys(set).length) return null;
  const parts: string[] = [];
  if (set.dueAt) parts.push(`办理期限由 ${formatBeijing(req.dueAt)} 调整为 ${formatBeijing(set.dueAt)}`);
  else if (set.slaProvisional === false) parts.push(`办理期限 ${formatBeijing(req.dueAt)} 已按录入的节假日确认，不再为估算`);
  if (set.acceptDueAt) parts.push(`签收期限调整为 ${formatBeijing(set.acceptDueAt)}`);
  if (!parts.length) parts.push('期限按新日历重新计算');
  const text = `工作日历已调整：${parts.join('；')}${provisionalNote(uncovered)}`;
  return { set, text, uncovered };
}

/** one request: converted with a conditional update; read again and judged afresh when it moved */
async function convertOne(ports: Ports, req: ServiceRequest, calendars: CalendarVersion[], target: CalendarVersion, sla: SlaContext, now: Date, uncovered: Set<number>): Promise<boolean> {
  const requests = requestRepo(ports.store);
  let cur: ServiceRequest | null = req;
  for (let attempt = 0; cur && attempt < 4; attempt++) {
    const c = convertRequest(cur, calendars, target);
    if (!c) return false;
    const change = relaid(cur, now, sla, c.set, c.text);
    const history = change.history.map((e): Entry => ({ ...e, calendarVersion: target.version }));
    const moved = await tryTransition(ports, cur, { from: [cur.status], set: change.set, history, event: { type: 'sla', text: c.text }, actor: SYSTEM, now });
    if (moved) {
      if (moved.slaProvisional) for (const y of c.uncovered) uncovered.add(y);
      return true;
    }
    cur = await requests.get(cur._id);
  }
  return false;
}

/**
 * Continue the unfinished run, if any, within the budget: what the save could not finish, and
 * what the sweep takes up every tick. null when there is no run.
 */
export async function continueCalendarRun(ports: Ports, now: Date, limits: { budget?: Budget; maxItems?: number } = {}): Promise<RunProgress | null> {
  const { budget = NO_BUDGET, maxItems = Infinity } = limits;
  const runs = await readRuns(ports);
  const run = runs?.run;
  if (!runs || !run) return null;
  const target = runs.calendars.find((c) => c.version === run.version);
  if (!target) return null;
  const settings = ports.store.collection<Setting>(C.settings);
  const requests = requestRepo(ports.store);
  // the target calendar, whatever this instance has cached; the policy (yellow days) as loaded
  const sla: SlaContext = { ...(await loadSla(ports)), calendar: calendarOf(target) };
  const uncovered = new Set<number>();
  let cursor = run.cursor;
  let examined = 0;
  let changed = 0;
  const progress = (more: boolean): RunProgress => ({ version: run.version, examined: run.examined + examined, changed: run.changed + changed, ...(more ? { more: true as const } : {}) });
  // the cursor moves only while this run is still the current one (a newer save replaced it otherwise)
  const save = async (done: boolean) => {
    const at = now.toISOString();
    const set = done
      ? { 'value.run': null, 'value.calendars': [target], updatedAt: at }
      : { 'value.run.cursor': cursor, 'value.run.examined': run.examined + examined, 'value.run.changed': run.changed + changed, updatedAt: at };
    return settings.update(CALENDAR_RUNS_ID, { $set: set }, { 'value.run.version': run.version });
  };
  for (;;) {
    if (budget.spent() || examined >= maxItems) {
      const current = await save(false);
      if (uncovered.size) await warnUncoveredYears(ports, [...uncovered], now);
      return current ? progress(true) : null;
    }
    // the rest of the requests created at the cursor's instant, then the ones after it
    let page = cursor
      ? await requests.inStatusesCreatedAtAfterId(OPEN_STATUSES, cursor.createdAt, cursor.id, MAX_PAGE)
      : [];
    if (!page.length) {
      page = await requests.inStatusesCreatedBetween(OPEN_STATUSES, cursor?.createdAt ?? null, run.startedAt, MAX_PAGE);
    }
    if (!page.length) {
      const current = await save(true);
      if (uncovered.size) await warnUncoveredYears(ports, [...uncovered], now);
      if (current) await resolveCoveredWarnings(ports, sla.calendar);
      return current ? progress(false) : null;
    }
    for (const req of page) {
      if (budget.spent() || examined >= maxItems) break;
      examined++;
      if (await convertOne(ports, req, runs.calendars, target, sla, now, uncovered)) changed++;
      cursor = { createdAt: req.createdAt, id: req._id };
    }
    // a save from another call took over: stop, it converts from the beginning
    if (!(await save(false))) return null;
  }
}

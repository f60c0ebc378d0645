/**
 * SLA policy as data (frappe-helpdesk style): deadlines per level in working days, the response
 * deadline, the yellow threshold and the urge interval, plus the working calendar's overrides.
 * Stored in the settings collection so the admin can change them; defaults apply until then.
 */
import { C } from '../collections';
import type { Setting } from '../model';
import type { Ports } from '../ports';
import { DEFAULT_WORKING_HOURS, WorkCalendar, type CalendarOverride, type WorkingHours } from './calendar';

export type SlaPolicy = {
  /** 一般: within 5 working days; 复杂: within 10 (Hanshan) */
  generalDays: number;
  complexDays: number;
  /** accept (签收) within this many working days of assignment */
  responseDays: number;
  /** yellow when at most this many working days are left */
  yellowDays: number;
  /** an overdue request is urged (催办) again every this many working days */
  urgeEveryDays: number;
  /** after this many reopens (重办) the next one goes to the dispatcher, not back to the same officer */
  maxReworks: number;
  /** an officer may hand a wrong assignment back (退回/申请改派) within this many working days of it */
  handBackDays: number;
  /** a department accepts (接收) its part of a supervision card within this many working days */
  cardAcceptDays: number;
  workingHours: WorkingHours;
};

export const DEFAULT_POLICY: SlaPolicy = {
  generalDays: 5,
  complexDays: 10,
  responseDays: 1,
  yellowDays: 1,
  urgeEveryDays: 1,
  maxReworks: 2,
  handBackDays: 1,
  cardAcceptDays: 1,
  workingHours: DEFAULT_WORKING_HOURS,
};

export type CalendarSettings = { overrides: CalendarOverride[]; adminYears: number[] };

export type SlaContext = { policy: SlaPolicy; calendar: WorkCalendar };

const CACHE_MS = 10_000;
// keyed by the store: every view of the ports (the actions' view, a seed's copy with its own clock)
// reads the same settings, and a rules save must be seen by all of them at once
const cache = new WeakMap<object, { at: number; value: SlaContext }>();

export async function loadSla(ports: Ports): Promise<SlaContext> {
  const hit = cache.get(ports.store);
  const t = Date.now();
  if (hit && t - hit.at < CACHE_MS) return hit.value;
  const settings = ports.store.collection<Setting>(C.settings);
  // both settings in one round trip
  const found = await settings.find({ _id: { $in: ['sla', 'calendar'] } }, { limit: 2 });
  const sla = found.find((s) => s._id === 'sla');
  const cal = found.find((s) => s._id === 'calendar');
  const policy = { ...DEFAULT_POLICY, ...((sla?.value as Partial<SlaPolicy>) ?? {}) };
  const calendarSettings = { overrides: [], adminYears: [], ...((cal?.value as Partial<CalendarSettings>) ?? {}) };
  const value = {
    policy,
    calendar: new WorkCalendar({ workingHours: policy.workingHours, overrides: calendarSettings.overrides, adminYears: calendarSettings.adminYears }),
  };
  cache.set(ports.store, { at: t, value });
  return value;
}

/** After the admin saves rules, new requests must see them at once. */
export function forgetSla(ports: Ports) {
  cache.delete(ports.store);
}

/**
 * Visit rules as data (like core/sla/policy.ts): the 无事不扰 cap, the auto-close time and the
 * distance from the enterprise beyond which a scan is flagged.
 * Stored as the settings document 'visits' so the admin can change them; defaults apply until then.
 */
import { C } from '../collections';
import type { Setting } from '../model';
import type { Ports } from '../ports';

export type VisitSettings = {
  /** unrequested visits per enterprise allowed in the window before a reason is required */
  cap: number;
  /** the rolling window of the cap, in days */
  windowDays: number;
  /** a visit nobody checked out of is closed by the timer this many hours after the last check-in */
  autoCloseHours: number;
  /** a late registration may claim a start at most this many hours back */
  lateMaxHours: number;
  /** a department sees its average score only over at least this many scores, so no single one shows */
  minScoresShown: number;
  /** enterprise feedback is taken until this many days after the visit */
  feedbackDays: number;
  /** a scan farther than this many metres from the enterprise's registered location is flagged red */
  farMeters: number;
};

export const DEFAULT_VISIT_SETTINGS: VisitSettings = {
  cap: 2,
  windowDays: 30,
  autoCloseHours: 8,
  lateMaxHours: 8,
  minScoresShown: 3,
  feedbackDays: 30,
  farMeters: 500,
};

export async function loadVisitSettings(ports: Ports): Promise<VisitSettings> {
  const doc = await ports.store.collection<Setting>(C.settings).get('visits');
  return { ...DEFAULT_VISIT_SETTINGS, ...((doc?.value as Partial<VisitSettings>) ?? {}) };
}

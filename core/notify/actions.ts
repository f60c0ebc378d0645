/** The notification actions of the service function (answers: ./views.ts). */
import type { Ctx } from '../context';
import { notifySettings, recordConsent, setSmsOptIn } from './consent';
import { deskReach } from './reach';

export const NOTIFY_ACTIONS = {
  'notify.settings': (ctx) => notifySettings(ctx),
  'notify.consent': recordConsent,
  'notify.smsOptIn': setSmsOptIn,
  'desk.reach': deskReach,
} satisfies Record<string, (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>>;

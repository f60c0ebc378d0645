import type { Ports } from '../ports';
import { countRequestQuietly } from '../stats/counters';
import { materializeNotifications } from './outbox';
import { sendForRequest } from './sender';

/**
 * After a request changed: write the outbox, try delivering at once, and count the change on the
 * dashboard. Each step consumes its own mark (needsNotify, statsPending), which the notify timer
 * also finishes.
 */
export async function afterChange(ports: Ports, requestId: string, now: Date) {
  await materializeNotifications(ports, requestId, now);
  await sendForRequest(ports, requestId, now);
  await countRequestQuietly(ports, requestId);
}

import type { Ports } from '../ports';
import { countRequestQuietly } from '../stats/counters';
import { materializeNotifications } from './outbox';
import { sendForRequest } from './sender';
import { requestRepo } from '../repos/requests';

/**
 * After a request changed: write the outbox, try delivering at once, and count the change on the
 * dashboard. Each step consumes its own mark (needsNotify, statsPending), which the notify timer
 * also finishes.
 */
export async function afterChange(ports: Ports, requestId: string, now: Date) {
  // one read for both: the outbox pass and the counting (which is conditioned on the version, so a
  // change meanwhile only makes it read again)
  const req = await requestRepo(ports.store).get(requestId);
  if (!req) return;
  await materializeNotifications(ports, requestId, now, req);
  await sendForRequest(ports, requestId, now);
  await countRequestQuietly(ports, requestId, req);
}

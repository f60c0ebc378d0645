import type { Ports } from '../ports';
import type { ServiceRequest } from '../model';
import { countRequestQuietly } from '../stats/counters';
import { materializeNotifications } from './outbox';
import { requestRepo } from '../repos/requests';

/**
 * After a request changed: write its messages and outbox entries and send them at once, then count
 * the change on the dashboard. Each step consumes its own mark (needsNotify, statsPending), which the
 * notify timer also finishes. `known`: the document as the caller just read it, saves a read.
 */
export async function afterChange(ports: Ports, requestId: string, now: Date, known?: ServiceRequest | null) {
  // one read for both: the outbox pass and the counting (which is conditioned on the version, so a
  // change meanwhile only makes it read again)
  const req = known !== undefined ? known : await requestRepo(ports.store).get(requestId);
  if (!req) return;
  await materializeNotifications(ports, requestId, now, req, true);
  await countRequestQuietly(ports, requestId, req);
}

import type { Ports } from '../ports';
import { materializeNotifications } from './outbox';
import { sendForRequest } from './sender';

/** Called after every request change: write the outbox, then try delivering at once. */
export async function afterChange(ports: Ports, requestId: string, now: Date) {
  await materializeNotifications(ports, requestId, now);
  await sendForRequest(ports, requestId, now);
}

/** When the enterprise may urge (催办) its request (core/feedback/urge.ts acts on it; request.get shows can.urge). */
import type { ServiceRequest } from '../model';
import { beijingDateKey } from '../time';

/** waiting on the government side (not on the enterprise's own material, not answered yet) */
export const URGE_FROM: ServiceRequest['status'][] = ['queued', 'dispatch', 'assigned', 'accepted', 'supervised'];

/** why the enterprise may not urge now, or null when it may */
export function urgeRefusal(req: ServiceRequest, now: Date): string | null {
  if (!URGE_FROM.includes(req.status)) return '当前状态无需催办';
  const lateToAccept = req.status === 'assigned' && !!req.acceptDueAt && new Date(req.acceptDueAt) <= now;
  if (!lateToAccept && req.colour !== 'yellow' && req.colour !== 'red') return '诉求尚在办理期限内，临近期限或超期后可催办';
  if (req.lastEnterpriseUrgeAt && beijingDateKey(req.lastEnterpriseUrgeAt) === beijingDateKey(now)) return '今天已催办过，请明天再试';
  return null;
}

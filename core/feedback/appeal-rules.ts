/** When the enterprise may object (申诉) to a rejection (core/feedback/appeal.ts acts on it; request.get shows can.appeal). */
import { APPEAL_DAYS } from '../contract/handling';
import type { ServiceRequest } from '../model';

/** why the enterprise may not appeal now, or null when it may */
export function appealRefusal(req: Pick<ServiceRequest, 'status' | 'rejection' | 'appeal'>, now: Date): string | null {
  if (req.status !== 'rejected' || !req.rejection) return '只有不予受理的诉求可以申诉';
  if (req.appeal) return '该诉求已申诉过一次，调度中心的复核结果为最终结果';
  if (now.getTime() - new Date(req.rejection.at).getTime() > APPEAL_DAYS * 86_400_000) return `已超过申诉期限（不予受理后${APPEAL_DAYS}日内）`;
  return null;
}

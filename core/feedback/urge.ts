/**
 * 催办 by the enterprise: when its request waits past the accept deadline, or has turned yellow or
 * red, the enterprise may urge it, at most once a day (Beijing). The urge is counted on the request
 * (enterpriseUrgeCount) and reaches the handler (WeChat, and SMS as the rules say for urges) and the
 * dispatchers supervising it (and the departments of its card while supervised).
 */
import { UrgeInput } from '../contract/handling';
import type { Sent } from '../contract/schema';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { transition } from '../request-record';
import { settle } from '../settle';
import { parseInput } from '../validation';
import { departmentHandlers, supervisorsOf } from '../desk/scope';
import { enterpriseActor, loadForEnterprise } from './enterprise-feedback';
import { URGE_FROM, urgeRefusal } from './urge-rules';

export async function urgeRequest(ctx: Ctx, input: Sent<typeof UrgeInput>) {
  const { id, note } = parseInput(UrgeInput, input);
  const req = await loadForEnterprise(ctx, id);
  const refused = urgeRefusal(req, ctx.now);
  if (refused) throw new AppError('INVALID_STATE', refused);
  const [desk, depts] = await Promise.all([supervisorsOf(ctx.ports, req), departmentHandlers(ctx.ports, req.status === 'supervised' ? req.deptIds : [])]);
  const n = (req.enterpriseUrgeCount ?? 0) + 1;
  return settle(ctx, await transition(ctx.ports, req, {
    from: URGE_FROM,
    set: { lastEnterpriseUrgeAt: ctx.now.toISOString(), enterpriseUrgeCount: n },
    event: {
      type: 'enterprise_urged',
      text: `企业催办（第${n}次）${note ? `：${note}` : ''}`,
      enterpriseText: `您已催办${note ? `：${note}` : ''}，已提醒承办人员和调度中心`,
      notify: [...desk, ...depts],
    },
    actor: enterpriseActor(ctx, req),
    now: ctx.now,
  }));
}

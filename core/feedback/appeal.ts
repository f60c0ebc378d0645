/**
 * 申诉 by the enterprise: a request rejected (不予受理) goes back to the desk that supervises it
 * (待调度) when the enterprise objects, once per request and within APPEAL_DAYS of the rejection. The
 * rejection stays on record with the appeal; the deadline the request had runs on, so a wrongful
 * rejection shows in the figures as the delay it caused. The dispatchers are told; the desk decides
 * again (assign, verify, or reject once more, which then stands).
 */
import { AppealInput } from '../contract/handling';
import { appealRefusal } from './appeal-rules';
import type { Sent } from '../contract/schema';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { transition } from '../request-record';
import { settle } from '../settle';
import { settleClock } from '../sla/clock';
import { loadSla } from '../sla/policy';
import { parseInput } from '../validation';
import { supervisorsOf } from '../desk/scope';
import { REJECT_KINDS } from '../contract/catalog';
import { enterpriseActor, loadForEnterprise } from './enterprise-feedback';

export async function appealRequest(ctx: Ctx, input: Sent<typeof AppealInput>) {
  const { id, reason } = parseInput(AppealInput, input);
  const req = await loadForEnterprise(ctx, id);
  const refused = appealRefusal(req, ctx.now);
  if (refused) throw new AppError('INVALID_STATE', refused);
  const rejection = req.rejection!;
  // "…不是同一处。" + "。调度中心…": no doubled punctuation in the texts
  const said = reason.replace(/[。；;，,.\s]+$/u, '');
  // back to the desk with nobody handling it: the officer's slot was given back at the rejection
  const clock = settleClock(req, ctx.now, await loadSla(ctx.ports), {
    status: 'dispatch', rejection: null, closedAt: null, closedOnTime: null,
    assigneeId: null, assigneeName: null, assigneeRole: null, acceptDueAt: null,
    appeal: { reason, at: ctx.now.toISOString(), rejection },
  });
  return settle(ctx, await transition(ctx.ports, req, {
    from: ['rejected'],
    set: clock.set,
    history: clock.history,
    event: {
      type: 'appealed',
      text: `企业对不予受理（${REJECT_KINDS[rejection.kind]}）提出申诉：${said}`,
      enterpriseText: `您已提出申诉：${said}。调度中心将重新审核并告知结果`,
      notify: await supervisorsOf(ctx.ports, req),
    },
    actor: enterpriseActor(ctx, req),
    now: ctx.now,
  }));
}

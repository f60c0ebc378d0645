/**
 * 补充说明 by the enterprise: more words (and files) on a request still open, instead of a second
 * request about the same problem (the submit page points to its open requests that look alike,
 * core/knowledge). The handler is told; with nobody handling it yet, the dispatchers supervising it.
 * A request waiting for 补充材料 takes request.supplement, which resumes its clock.
 */
import { NoteInput } from '../contract/handling';
import type { Sent } from '../contract/schema';
import type { Ctx } from '../context';
import { NOTE_FROM } from './note-rules';
import { AppError } from '../errors';
import { transition } from '../request-record';
import { settle } from '../settle';
import { parseInput } from '../validation';
import { supervisorsOf } from '../desk/scope';
import { attachmentNote, ownAttachments, withAttachments } from '../files/attachments';
import { enterpriseActor, loadForEnterprise } from './enterprise-feedback';

export { NOTE_FROM };

export async function addEnterpriseNote(ctx: Ctx, input: Sent<typeof NoteInput>) {
  const { id, note, attachments } = parseInput(NoteInput, input);
  const req = await loadForEnterprise(ctx, id);
  if (req.status === 'paused') throw new AppError('INVALID_STATE', '该诉求正等待您补充材料，请在下方“补充材料”中提交');
  if (!NOTE_FROM.includes(req.status)) throw new AppError('INVALID_STATE', '该诉求已办结或不予受理，不能再补充说明；如问题仍在，请提交新的诉求');
  const files = await ownAttachments(ctx, attachments);
  // the handler hears of it as of any change of theirs; nobody handling it yet: the desk that will
  const notify = req.assigneeId ? [] : await supervisorsOf(ctx.ports, req);
  return settle(ctx, await transition(ctx.ports, req, {
    from: NOTE_FROM,
    set: {},
    event: {
      type: 'enterprise_noted',
      text: `企业补充说明：${note}${attachmentNote(files)}`,
      enterpriseText: `您已补充说明：${note}${attachmentNote(files)}`,
      notify,
      ...withAttachments(files),
    },
    actor: enterpriseActor(ctx, req),
    now: ctx.now,
  }));
}

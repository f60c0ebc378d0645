/**
 * Officers object in time (issue 11, item 4): a wrong assignment is handed back (退回/申请改派) to
 * the dispatcher within policy.handBackDays working days, and a handler asks for more time
 * (延期申请), which the dispatcher approves (the deadline moves, visibly) or refuses.
 *
 * Both are asked in time or not at all: a hand-back after its window, or an extension asked after
 * the deadline passed, would only hide a late assignment or a late answer.
 */
import { OPEN_STATUSES } from '../contract/catalog';
import { newId, requireRole, type Ctx } from '../context';
import { supervisorsOf } from '../desk/scope';
import { loadSupervised } from '../desk/triage';
import { AppError } from '../errors';
import type { ExtensionRequest, ServiceRequest, SlaHistoryEntry } from '../model';
import { loadRequest, transition } from '../request-record';
import { freed, settle } from '../settle';
import { colourAt, endOfWorkingDate, firstAnswer, nextCheck, settleClock } from '../sla/clock';
import { loadSla, type SlaContext } from '../sla/policy';
import { addDays as addCalendarDays, beijingDate, formatBeijing } from '../time';
import { AskExtensionInput, DecideExtensionInput, HandBackInput } from '../contract/handling';
import type { Sent } from '../contract/schema';
import { parseInput } from '../validation';
import { userRepo } from '../repos/users';
import { beforeDeadline, EXTEND_FROM, HAND_BACK_FROM, handBackUntil, handedBackBy, livePending, MAX_EXTENSION_DAYS } from './objection-rules';

export { handBackUntil, livePending, MAX_EXTENSION_DAYS, objectionPermissions } from './objection-rules';

type Action = (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;

const actor = (ctx: Ctx) => ({ id: ctx.user._id, name: ctx.user.name });

/** The caller's own request; someone else's reads like a missing one (as officer-actions' loadOwn). */
async function loadOwn(ctx: Ctx, id: string): Promise<ServiceRequest> {
  requireRole(ctx.user, 'officer', 'liaison');
  const req = await loadRequest(ctx.ports, id).catch(() => null);
  if (!req || req.assigneeId !== ctx.user._id) throw new AppError('NOT_FOUND', '未找到该诉求');
  return req;
}

/** a lapsed pending extension, kept on the record as not approved (decided by nobody) */
const lapsed = (ext: ExtensionRequest, now: Date): ExtensionRequest => ({
  ...ext, status: 'refused', decidedById: null, decidedByName: null, decidedAt: now.toISOString(), note: '诉求已办结，申请未经审批即失效',
});

/** the request was never answered (办结): an approved extension moves the first deadline too (as recompute does) */
const neverAnswered = (req: ServiceRequest) => !firstAnswer(req);

// ---------------------------------------------------------------- 退回/申请改派




/**
 * The assigned officer or liaison hands a wrong assignment back to the dispatcher (待调度): the
 * slot is freed, the hand-back counted on the request and on the officer, the supervisors told.
 * The resolution clock keeps running: a wrong assignment does not buy the request time.
 */
export async function handBack(ctx: Ctx, input: Sent<typeof HandBackInput>): Promise<ServiceRequest> {
  const { id, reason } = parseInput(HandBackInput, input);
  const req = await loadOwn(ctx, id);
  if (!HAND_BACK_FROM.includes(req.status)) {
    throw new AppError('INVALID_STATE', '当前状态不能退回（仅待签收或办理中的诉求可以退回改派）');
  }
  // a reopen (重办) that came back to the officer who answered it is theirs: no hand-back of rework
  if (firstAnswer(req)) throw new AppError('INVALID_STATE', '重办的诉求由原承办人继续办理，不能退回改派；确需改派请联系调度员');
  // handed back once and given back by the dispatcher: the dispatcher decided, no ping-pong
  if (handedBackBy(req, ctx.user._id)) throw new AppError('INVALID_STATE', '您已退回过该诉求，调度员核实后再次交您办理，不能再次退回');
  const sla = await loadSla(ctx.ports);
  const until = handBackUntil(req, sla);
  if (!until || ctx.now.getTime() > until.getTime()) {
    throw new AppError('INVALID_STATE', `已超过退回时限（分派后${sla.policy.handBackDays}个工作日内），请联系调度员改派`);
  }
  const clock = settleClock(req, ctx.now, sla, {
    status: 'dispatch', assigneeId: null, assigneeName: null, assigneeRole: null, acceptDueAt: null, acceptedAt: null,
  });
  const next = await transition(ctx.ports, req, {
    from: HAND_BACK_FROM,
    set: clock.set,
    inc: { handBackCount: 1 },
    event: { type: 'handed_back', text: `${ctx.user.name} 退回改派：${reason}`, notify: await supervisorsOf(ctx.ports, req) },
    actor: actor(ctx),
    now: ctx.now,
  });
  // the slot is given back and the hand-back counted against the officer (one write when a slot was held)
  const users = userRepo(ctx.ports.store);
  const released = await users.releaseSlot(ctx.user._id, { handBackCount: 1 });
  if (!released) await users.update(ctx.user._id, { $inc: { handBackCount: 1 } });
  return next;
}

// ---------------------------------------------------------------- 延期申请


/** The handler asks for more time, before the deadline passes; one request pending at a time. */
export async function askExtension(ctx: Ctx, input: Sent<typeof AskExtensionInput>): Promise<ServiceRequest> {
  const { id, date, reason } = parseInput(AskExtensionInput, input);
  const req = await loadOwn(ctx, id);
  if (!EXTEND_FROM.includes(req.status)) throw new AppError('INVALID_STATE', '签收后、办结前才能申请延期');
  if (livePending(req)) throw new AppError('INVALID_STATE', '已有待审批的延期申请，请等待调度员审批');
  if (!beforeDeadline(req, ctx.now)) throw new AppError('INVALID_STATE', '已超过办理期限，不能再申请延期');
  const dueDate = beijingDate(req.dueAt!);
  if (date <= dueDate) {
    const message = `延期后的期限须晚于当前办理期限（${dueDate}）`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'date', message }]);
  }
  const latest = addCalendarDays(beijingDate(ctx.now), MAX_EXTENSION_DAYS);
  if (date > latest) {
    const message = `延期最多申请到${MAX_EXTENSION_DAYS}天内（${latest}前）`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'date', message }]);
  }
  const ext: ExtensionRequest = {
    id: newId(ctx.ports),
    byId: ctx.user._id, byName: ctx.user.name, at: ctx.now.toISOString(), reason, requestedDate: date,
    status: 'pending', previousDueAt: req.dueAt, decidedById: null, decidedByName: null, decidedAt: null, note: null,
  };
  return transition(ctx.ports, req, {
    from: EXTEND_FROM,
    set: { extension: ext, ...(req.extension?.status === 'pending' ? { extensions: [...(req.extensions ?? []), lapsed(req.extension, ctx.now)] } : {}) },
    event: { type: 'extension_requested', text: `${ctx.user.name} 申请延期至 ${date}：${reason}`, notify: await supervisorsOf(ctx.ports, req) },
    actor: actor(ctx),
    now: ctx.now,
  });
}


/**
 * The new deadline: the end of the working day asked for. Yellow comes yellowDays before it (never
 * before the clock started); a paused clock keeps the time left up to it for the resume.
 */
export function extendTo(req: ServiceRequest, date: string, now: Date, sla: SlaContext, entryText: (dueAt: Date) => string) {
  const due = endOfWorkingDate(date, sla);
  const yellowMin = sla.policy.yellowDays * sla.calendar.minutesPerDay;
  // counted forward from the start, as the clock's own deadlines: yellow lands on a day's end (17:30), not the next morning
  const start = req.startedAt ? new Date(req.startedAt) : now;
  const total = sla.calendar.workingMinutesBetween(start, due.at).minutes;
  const yellow = sla.calendar.addWorkingMinutes(start, Math.max(0, total - yellowMin)).at;
  const set: Partial<ServiceRequest> = {
    dueAt: due.at.toISOString(),
    yellowAt: yellow.toISOString(),
    slaProvisional: req.slaProvisional || due.uncoveredYears.length > 0,
  };
  if (req.pausedAt) set.remainingAtPause = sla.calendar.workingMinutesBetween(new Date(req.pausedAt), due.at).minutes;
  if (neverAnswered(req)) set.firstDueAt = set.dueAt;
  const merged = { ...req, ...set } as ServiceRequest;
  set.colour = colourAt(merged, now);
  set.nextCheckAt = nextCheck(merged, now, sla);
  const entry: SlaHistoryEntry = { at: now.toISOString(), kind: 'extended', text: entryText(due.at), dueAt: due.at.toISOString() };
  return { set, history: [entry], dueAt: due.at };
}

/** The supervising dispatcher approves (the deadline moves) or refuses (with a reason) the pending extension. */
export async function decideExtension(ctx: Ctx, input: Sent<typeof DecideExtensionInput>): Promise<ServiceRequest> {
  const { id, approve, note } = parseInput(DecideExtensionInput, input);
  const req = await loadSupervised(ctx, id);
  const ext = livePending(req);
  if (!ext) {
    throw new AppError('INVALID_STATE', req.extension?.status === 'pending' ? '诉求已办结，该延期申请已失效，不再审批' : '该诉求没有待审批的延期申请');
  }
  const decided: ExtensionRequest = {
    ...ext, status: approve ? 'approved' : 'refused',
    decidedById: ctx.user._id, decidedByName: ctx.user.name, decidedAt: ctx.now.toISOString(), note: note || null,
  };
  const record = { extension: null, extensions: [...(req.extensions ?? []), decided] };
  // the one who asked, and whoever handles it now
  const notify = [...new Set([ext.byId, ...(req.assigneeId ? [req.assigneeId] : [])])];
  if (!approve) {
    return transition(ctx.ports, req, {
      from: OPEN_STATUSES,
      set: record,
      event: { type: 'extension_refused', text: `调度员不批准延期申请（申请延至 ${ext.requestedDate}）：${note}`, notify },
      actor: actor(ctx),
      now: ctx.now,
    });
  }
  const sla = await loadSla(ctx.ports);
  const due = endOfWorkingDate(ext.requestedDate, sla).at;
  if (req.dueAt && due.getTime() <= new Date(req.dueAt).getTime()) {
    throw new AppError('INVALID_STATE', `申请的日期已不晚于当前办理期限（${formatBeijing(req.dueAt)}），无需批准延期，请选择不批准并说明`);
  }
  const change = extendTo(req, ext.requestedDate, ctx.now, sla, (at) => `批准延期（${ext.byName}申请），办理期限延至 ${formatBeijing(at)}`);
  return transition(ctx.ports, req, {
    from: OPEN_STATUSES,
    set: { ...change.set, ...record },
    history: change.history,
    // the enterprise hears of the new deadline (the reasons stay internal, in the record)
    event: { type: 'extension_approved', text: `经审批，办理期限延至 ${formatBeijing(change.dueAt)}`, notify },
    actor: actor(ctx),
    now: ctx.now,
  });
}

// ---------------------------------------------------------------- actions and permissions

export const OBJECTION_ACTIONS = {
  // a slot freed: waiting requests of the grid get their chance now
  'request.handBack': async (ctx, input) => freed(ctx, await settle(ctx, await handBack(ctx, input))),
  'request.extension.ask': async (ctx, input) => settle(ctx, await askExtension(ctx, input)),
  'desk.extension.decide': async (ctx, input) => settle(ctx, await decideExtension(ctx, input)),
} satisfies Record<string, Action>;

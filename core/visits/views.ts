/**
 * What each reader sees of a visit. Every read path goes through one of these, and only the
 * supervisor view carries the enterprise's feedback: scores and complaints are anonymous toward
 * the visiting side, so officials and departments never get the scorers, the comments, the
 * per-visit score or the feedback flags.
 */
import { ROLES } from '../contract/catalog';
import { FEEDBACK_FLAGS, FLAGS, PURPOSES, type ScanPlace, type Visit, type VisitFeedback, type VisitFlag, type VisitMember } from './model';

const minutesBetween = (a: string, b: string) => Math.max(0, Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000));

const flagList = (flags: VisitFlag[]) => flags.map((f) => ({ key: f, label: FLAGS[f] }));

function common(v: Visit) {
  return {
    _id: v._id,
    no: v.no,
    enterpriseId: v.enterpriseId,
    enterpriseName: v.enterpriseName,
    purpose: v.purpose,
    purposeLabel: PURPOSES[v.purpose],
    note: v.note,
    approvalRef: v.approvalRef,
    legalBasis: v.legalBasis,
    requested: v.requested,
    linkedRequestNo: v.linkedRequestNo,
    late: v.late,
    status: v.status,
    checkinAt: v.checkinAt,
    checkoutAt: v.checkoutAt,
    autoClosed: v.autoClosed,
    durationMinutes: v.checkoutAt ? minutesBetween(v.checkinAt, v.checkoutAt) : null,
    deptNames: [...new Set(v.members.map((m) => m.deptName))],
    requestCount: v.requestIds.length,
  };
}

/** a scan's place: the visiting side sees how far and how precise; supervisors also where */
const placeView = (p: ScanPlace | null | undefined, coordinates: boolean) =>
  p
    ? {
        distance: p.distance, far: !!p.far, accuracy: p.accuracy, missing: p.missing, at: p.at,
        ...(coordinates ? { latitude: p.latitude, longitude: p.longitude } : {}),
      }
    : null;

const memberView = (m: VisitMember, coordinates: boolean) => ({
  userId: m.userId, name: m.name, roleLabel: ROLES[m.role] ?? m.role, deptName: m.deptName, joinedAt: m.joinedAt, leftAt: m.leftAt, leftBy: m.leftBy,
  outcome: m.outcome ?? null,
  checkinPlace: placeView(m.checkinPlace, coordinates),
  checkoutPlace: placeView(m.checkoutPlace, coordinates),
});
const members = (v: Visit, coordinates = false) => v.members.map((m) => memberView(m, coordinates));

/** the visiting side: officials on the visit and their departments — no feedback at all */
export function staffView(v: Visit) {
  const flags = v.flags.filter((f) => !FEEDBACK_FLAGS.includes(f));
  return {
    ...common(v),
    members: members(v),
    presentIds: v.presentIds,
    guard: v.guard,
    overCapReason: v.overCapReason,
    flags: flagList(flags),
    red: flags.some((f) => f === 'no_approval'),
    requestIds: v.requestIds,
    /** the largest distance from the enterprise of any scan there (metres), null when unknown */
    farthest: v.farthest ?? null,
  };
}

/** feedback as supervisors see it: who said what */
export function feedbackView(f: VisitFeedback) {
  return {
    _id: f._id, kind: f.kind, userId: f.userId, userName: f.userName, phone: f.phone, score: f.score, text: f.text,
    requestId: f.requestId, requestNo: f.requestNo, createdAt: f.createdAt,
  };
}

/** dispatchers in scope, leaders and admins */
export function supervisorView(v: Visit, feedback: VisitFeedback[] = []) {
  return {
    ...staffView(v),
    members: members(v, true),
    /** the registered location the scans were compared with */
    site: v.site ?? null,
    flags: flagList(v.flags),
    red: v.red,
    score: v.scoreCount ? { avg: Math.round((v.scoreSum / v.scoreCount) * 10) / 10, count: v.scoreCount } : null,
    complaintCount: v.complaintCount,
    feedback: feedback.map(feedbackView),
  };
}

/** the visited enterprise's contacts: who came and why, and their own feedback */
export function enterpriseVisitView(v: Visit, mine: VisitFeedback[], canGiveFeedback: boolean) {
  const score = mine.find((f) => f.kind === 'score') ?? null;
  const complaint = mine.find((f) => f.kind === 'complaint') ?? null;
  return {
    ...common(v),
    // what was done, not where each official stood
    members: v.members.map((m) => ({ name: m.name, roleLabel: ROLES[m.role] ?? m.role, deptName: m.deptName, joinedAt: m.joinedAt, leftAt: m.leftAt, outcome: m.outcome ?? null })),
    // what the enterprise is entitled to know about how the visit was conducted
    flags: flagList(v.flags.filter((f) => !FEEDBACK_FLAGS.includes(f))),
    myScore: score ? { score: score.score, text: score.text, createdAt: score.createdAt } : null,
    myComplaint: complaint ? { text: complaint.text, requestId: complaint.requestId, requestNo: complaint.requestNo, createdAt: complaint.createdAt } : null,
    canScore: canGiveFeedback && !score,
    canComplain: canGiveFeedback && !complaint,
  };
}

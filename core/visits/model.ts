/**
 * Official visits by QR code (公务入企扫码备案): what is stored. Instants are UTC ISO strings,
 * dates (plan windows) are Beijing calendar dates 'YYYY-MM-DD'.
 */
import type { Role } from '../contract/catalog';

export {
  PURPOSES, PURPOSE_KEYS, INSPECTIONS, isInspection, FLAGS, RED_FLAGS, FEEDBACK_FLAGS, PLAN_STATUSES,
  type VisitPurpose, type VisitFlag, type PlanStatus,
} from '../contract/visits';
import type { PlanStatus, VisitFlag, VisitPurpose } from '../contract/visits';

export type VisitMember = {
  userId: string;
  name: string;
  role: Role;
  deptId: string;
  deptName: string;
  joinedAt: string;
  leftAt: string | null;
  /** how they left: scanning the code, confirming from another enterprise's code, or the timer */
  leftBy: 'scan' | 'elsewhere' | 'auto' | null;
  /** where they stood when they scanned in and out (absent on visits from before locations were recorded) */
  checkinPlace?: ScanPlace | null;
  checkoutPlace?: ScanPlace | null;
  /** what they did (办理情况), given at check-out */
  outcome?: string | null;
};

/**
 * Where an official stood when scanning (GCJ-02, as WeChat's getLocation gives it), or why that is
 * not known. The distance is to the enterprise's registered location at that moment.
 */
export type ScanPlace = {
  latitude: number | null;
  longitude: number | null;
  /** metres, as the phone reports it */
  accuracy: number | null;
  /** metres from the enterprise's registered location; null without a fix or without a registered location */
  distance: number | null;
  /** farther than the far distance in force then (visit settings farMeters) */
  far: boolean;
  /** no fix: why, in the official's app's words (refused, failed) */
  missing: string | null;
  at: string;
};

/** the enterprise's registered location a visit was judged against */
export type VisitSite = { latitude: number; longitude: number; source: 'admin' | 'first_visit'; visitNo: string | null };

export type Visit = {
  _id: string;
  /** GW + Beijing date + sequence, e.g. GW202611230001 */
  no: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string;
  purpose: VisitPurpose;
  /** what the visit is about, in the official's words */
  note: string;
  approvalRef: string | null;
  legalBasis: string | null;
  /** the enterprise asked for it (linked to one of its requests): does not count against the cap */
  requested: boolean;
  linkedRequestId: string | null;
  linkedRequestNo: string | null;
  /** unrequested visits of this enterprise in the guard window before this one, and the cap then */
  guard: { count: number; cap: number; windowDays: number };
  overCapReason: string | null;
  /** registered after the fact (an inspection that could not wait) */
  late: { startedAt: string; registeredAt: string; reason: string } | null;
  flags: VisitFlag[];
  /** any flag (supervisors' filter) */
  flagged: boolean;
  /** a flag about how the visit was conducted, not about the enterprise's feedback (the visiting side's filter) */
  conductFlagged: boolean;
  /** no approval reference or a complaint */
  red: boolean;
  status: 'open' | 'closed';
  checkinAt: string;
  checkoutAt: string | null;
  autoClosed: boolean;
  /** the last check-in or join: the auto-close timer counts from here */
  lastActivityAt: string;
  members: VisitMember[];
  memberIds: string[];
  /** members still on site */
  presentIds: string[];
  deptIds: string[];
  planIds: string[];
  /** requests the officials filed for the enterprise during the visit (channel visit) */
  requestIds: string[];
  /** the opening check-in's place: location, distance and accuracy (absent on visits from before) */
  location?: ScanPlace | null;
  /** the registered location the scans were compared with; null when the enterprise had none and no fix came */
  site?: VisitSite | null;
  /** the largest distance of any scan at the enterprise (check-ins, joins, check-outs by scan) */
  farthest?: number | null;
  // feedback aggregates: supervisors and the enterprise only
  scoreSum: number;
  scoreCount: number;
  complaintCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** scene → enterprise (its posted code) or official (their personal code) */
export type VisitCode = {
  /** the scene itself: random base62, unguessable, ≤ 32 characters */
  _id: string;
  kind: 'enterprise' | 'official';
  enterpriseId: string | null;
  userId: string | null;
  revoked: boolean;
  revokedAt: string | null;
  /** the generated image, kept so it is made once */
  /** the code image, for the mini-program version it was made for (see codeImage) */
  image: { fileID: string; url: string; version?: string } | null;
  createdAt: string;
};

/** one enterprise contact's score or complaint; who it was is for supervisors only */
export type VisitFeedback = {
  /** score: `${visitId}:score:${userId}` (one per contact); complaint: a new id */
  _id: string;
  kind: 'score' | 'complaint';
  visitId: string;
  visitNo: string;
  enterpriseId: string;
  deptIds: string[];
  userId: string;
  userName: string;
  phone: string | null;
  score: number | null;
  text: string;
  /** complaints become a request (channel report) at the district center */
  requestId: string | null;
  requestNo: string | null;
  createdAt: string;
};

/** a department's planned inspection, announced to the enterprise ahead (检查预告) */
export type VisitPlan = {
  _id: string;
  deptId: string;
  deptName: string;
  enterpriseId: string;
  enterpriseName: string;
  /** what will be inspected (检查事项) */
  items: string;
  legalBasis: string;
  approvalRef: string | null;
  from: string;
  to: string;
  status: PlanStatus;
  /** merged into one joint inspection (进一次门、查多项事) */
  joint: { id: string; from: string; to: string; deptNames: string[]; mergedAt: string; mergedByName: string } | null;
  visitId: string | null;
  createdById: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
};

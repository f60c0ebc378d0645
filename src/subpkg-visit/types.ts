/** Shapes of the visit actions (core/visits) as the pages see them. */
import type { Answer } from '../../core/contract/answers';

import type { PlanStatus, VisitFlag, VisitPurpose } from '../../core/contract/visits';

export type Purpose = VisitPurpose;
export type FlagKey = VisitFlag;
export type Flag = { key: FlagKey; label: string };

export type Member = {
  userId?: string;
  name: string;
  roleLabel: string;
  deptName: string;
  joinedAt: string;
  leftAt: string | null;
  leftBy?: 'scan' | 'elsewhere' | 'auto' | null;
  /** 办理情况, given at check-out */
  outcome?: string | null;
  /** where they scanned in and out (not for the enterprise; coordinates for supervisors only) */
  checkinPlace?: ScanPlace | null;
  checkoutPlace?: ScanPlace | null;
};

export type ScanPlace = {
  /** metres from the enterprise's registered location */
  distance: number | null;
  /** farther than the set distance (flagged red) */
  far: boolean;
  accuracy: number | null;
  /** no location: why */
  missing: string | null;
  at: string;
  latitude?: number | null;
  longitude?: number | null;
};

type VisitBase = {
  _id: string;
  no: string;
  enterpriseId: string;
  enterpriseName: string;
  purpose: Purpose;
  purposeLabel: string;
  note: string;
  approvalRef: string | null;
  legalBasis: string | null;
  requested: boolean;
  linkedRequestNo: string | null;
  late: { startedAt: string; registeredAt: string; reason: string } | null;
  status: 'open' | 'closed';
  checkinAt: string;
  checkoutAt: string | null;
  autoClosed: boolean;
  durationMinutes: number | null;
  deptNames: string[];
  requestCount: number;
  members: Member[];
  flags: Flag[];
};

export type StaffVisit = VisitBase & {
  presentIds: string[];
  guard: { count: number; cap: number; windowDays: number };
  overCapReason: string | null;
  red: boolean;
  requestIds: string[];
  /** the largest distance from the enterprise of any scan there (metres) */
  farthest: number | null;
};

export type Feedback = {
  _id: string;
  kind: 'score' | 'complaint';
  userId: string;
  userName: string;
  phone: string | null;
  score: number | null;
  text: string;
  requestId: string | null;
  requestNo: string | null;
  createdAt: string;
};

export type SupervisorVisit = StaffVisit & {
  site: { latitude: number; longitude: number; source: 'admin' | 'first_visit'; visitNo: string | null } | null;
  score: { avg: number; count: number } | null;
  complaintCount: number;
  feedback: Feedback[];
};

export type EnterpriseVisit = VisitBase & {
  myScore: { score: number; text: string; createdAt: string } | null;
  myComplaint: { text: string; requestId: string | null; requestNo: string | null; createdAt: string } | null;
  canScore: boolean;
  canComplain: boolean;
};

export type AnyVisit = StaffVisit | SupervisorVisit | EnterpriseVisit;

export type EnterpriseBrief = { id: string; name: string; address?: string };

export type PlanOption = {
  _id: string;
  deptName: string;
  items: string;
  legalBasis: string;
  approvalRef: string | null;
  from: string;
  to: string;
  joint: { deptNames: string[]; from: string; to: string } | null;
};

export type ScanResult =
  | { mode: 'official'; scene: string }
  | { mode: 'own'; enterprise: EnterpriseBrief }
  | { mode: 'stranger'; enterprise: { name: string }; message: string }
  | {
      mode: 'checkin';
      enterprise: EnterpriseBrief;
      me: { name: string; deptName: string };
      guard: { count: number; cap: number; windowDays: number; over: boolean };
      purposes: { key: Purpose; label: string; inspection: boolean }[];
      plans: PlanOption[];
      requests: { _id: string; no: string; categoryName: string; statusLabel: string; description: string }[];
      lateMaxHours: number;
      presence: { registered: boolean; source: 'admin' | 'first_visit' | null; farMeters: number };
    }
  | { mode: 'join'; enterprise: EnterpriseBrief; visit: StaffVisit }
  | { mode: 'checkout'; enterprise: EnterpriseBrief; visit: StaffVisit }
  | { mode: 'open_elsewhere'; enterprise: EnterpriseBrief; other: StaffVisit };

export type CodeView = { scene: string; kind: 'enterprise' | 'official'; link: string; image: { fileID: string; url: string }; createdAt: string };

/** as visit.poster answers it */
export type Poster = Answer<'visit.poster'>;

/** as visit.officerCode answers it */
export type OfficerCode = Answer<'visit.officerCode'>;

/** as visit.checkOfficer answers it */
export type OfficerCheck = Answer<'visit.checkOfficer'>;

export type Notice = {
  _id: string; deptName: string; items: string; legalBasis: string; approvalRef: string | null; from: string; to: string;
  joint: { deptNames: string[] } | null;
};

export type MyVisits = {
  items: EnterpriseVisit[];
  total: number;
  page: number;
  pageSize: number;
  guard: { count: number; cap: number; windowDays: number };
  notices: Notice[];
};

/** as visit.list answers it */
export type VisitList = Answer<'visit.list'>;

export type ScoreShown = { avg: number | null; count: number; hidden?: boolean };

/** as visit.figures answers it */
export type Figures = Answer<'visit.figures'>;

/** as visit.options answers it */
export type VisitOptions = Answer<'visit.options'>;

export type Plan = {
  _id: string;
  deptId: string;
  deptName: string;
  enterpriseId: string;
  enterpriseName: string;
  items: string;
  legalBasis: string;
  approvalRef: string | null;
  from: string;
  to: string;
  status: PlanStatus;
  joint: { id: string; from: string; to: string; deptNames: string[]; mergedAt: string; mergedByName: string } | null;
  visitId: string | null;
  createdByName: string;
  createdAt: string;
};

export type Proposal = {
  key: string;
  enterpriseId: string;
  enterpriseName: string;
  from: string;
  to: string;
  planIds: string[];
  departments: { deptId: string; deptName: string; items: string; from: string; to: string }[];
};

export { PLAN_STATUSES as PLAN_STATUS_LABELS, RED_FLAGS as RED_FLAG_KEYS } from '../../core/contract/visits';

/** Shapes of the visit actions (core/visits) as the pages see them. */

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

export type Poster = {
  enterprise: { id: string; name: string; address: string; creditCode: string };
  code: CodeView;
  title: string;
  rules: string[];
  complaint: { center: string; channels: string[]; note: string };
};

export type OfficerCode = {
  official: { name: string; roleLabel: string; deptName: string };
  code: CodeView;
  openVisit: StaffVisit | null;
};

export type OfficerCheck = {
  official: { name: string; roleLabel: string; deptName: string; active: boolean };
  status: 'checked_in' | 'planned' | 'not_checked_in' | 'inactive';
  visit: {
    no: string; enterpriseName: string; purpose: Purpose; purposeLabel: string; note: string;
    approvalRef: string | null; legalBasis: string | null; checkinAt: string; late: boolean; inspection: boolean;
  } | null;
  plans: { deptName: string; items: string; legalBasis: string; approvalRef: string | null; from: string; to: string; joint: boolean }[];
  advice: string;
};

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

export type VisitList = {
  items: Array<StaffVisit | SupervisorVisit>;
  total: number;
  page: number;
  pageSize: number;
  scope: 'supervisor' | 'dept' | 'mine';
  counts: { all: number; flagged: number; red: number; open: number };
};

export type ScoreShown = { avg: number | null; count: number; hidden?: boolean };

export type Figures = {
  scope: 'supervisor' | 'dept' | 'mine';
  enterprisesVisited: number;
  visits: number;
  open: number;
  requested: number;
  unrequested: number;
  flagged: number;
  red: number;
  requestsFiled: number;
  byPurpose: { key: Purpose; label: string; count: number }[];
  byDepartment: { deptId: string; deptName: string; visits: number; enterprises: number; flagged: number; score: ScoreShown; complaints?: number }[];
  flags: { key: FlagKey; label: string; count: number }[];
  score: ScoreShown;
  complaints?: number;
  mostVisited?: { enterpriseId: string; enterpriseName: string; visits: number; unrequested: number }[];
};

export type VisitOptions = {
  enterprises: { id: string; name: string; gridName: string }[];
  departments: { id: string; name: string }[];
  purposes: { key: Purpose; label: string }[];
  flags: Flag[];
};

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

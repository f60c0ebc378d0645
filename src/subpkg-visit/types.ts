/** Shapes of the visit actions (core/visits) as the pages see them. */
import type { Answer } from '../../core/contract/answers';

import type { VisitFlag, VisitPurpose } from '../../core/contract/visits';

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

/** a visit as the enterprise sees it (visit.mine) */
export type EnterpriseVisit = MyVisits['items'][number];

export type AnyVisit = StaffVisit | SupervisorVisit | EnterpriseVisit;

/** as visit.scan answers it: what the scanned code lets this person do here */
export type ScanResult = Answer<'visit.scan'>;

export type CodeView = { scene: string; kind: 'enterprise' | 'official'; link: string; image: { fileID: string; url: string }; createdAt: string };

/** as visit.poster answers it */
export type Poster = Answer<'visit.poster'>;

/** as visit.officerCode answers it */
export type OfficerCode = Answer<'visit.officerCode'>;

/** as visit.checkOfficer answers it */
export type OfficerCheck = Answer<'visit.checkOfficer'>;

/** as visit.mine answers it: the enterprise's visits, its window's guard and the inspection plans noticed to it */
export type MyVisits = Answer<'visit.mine'>;

/** as visit.list answers it */
export type VisitList = Answer<'visit.list'>;

export type ScoreShown = { avg: number | null; count: number; hidden?: boolean };

/** as visit.figures answers it */
export type Figures = Answer<'visit.figures'>;

/** as visit.options answers it */
export type VisitOptions = Answer<'visit.options'>;

/** an inspection plan as plan.list answers it */
export type Plan = Answer<'plan.list'>['items'][number];

/** a joint inspection the plans suggest, as plan.proposals answers it */
export type Proposal = Answer<'plan.proposals'>['items'][number];

export { PLAN_STATUSES as PLAN_STATUS_LABELS, RED_FLAGS as RED_FLAG_KEYS } from '../../core/contract/visits';

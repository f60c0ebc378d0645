/** Shapes of the visit actions (core/visits) as the pages see them. */
import type { Answer } from '../../core/contract/answers';

import type { VisitFlag, VisitPurpose } from '../../core/contract/visits';

export type Purpose = VisitPurpose;
export type FlagKey = VisitFlag;
export type Flag = { key: FlagKey; label: string };

/** visit.get answers one view by who reads: the visiting side, a supervisor, or the visited enterprise */
type VisitRead = Answer<'visit.get'>;
type VisitAs<V extends VisitRead['viewer']> = Extract<VisitRead, { viewer: V }>['visit'];

/** a visit as the officials on it and their departments see it: no feedback at all */
export type StaffVisit = VisitAs<'staff'>;
/** a visit as dispatchers in scope, leaders and admins see it: the scans' coordinates and the feedback too */
export type SupervisorVisit = VisitAs<'supervisor'>;
/** visit.get as the visiting side or a supervisor reads it (the enterprise reads its visits elsewhere) */
export type OfficialRead = Exclude<VisitRead, { viewer: 'enterprise' }>;
/** a visit as the enterprise sees it (visit.get, visit.mine) */
export type EnterpriseVisit = MyVisits['items'][number];
/** one score or complaint of the enterprise's, with who gave it (supervisors only) */
export type Feedback = SupervisorVisit['feedback'][number];

type EnterpriseMember = EnterpriseVisit['members'][number];
/** one official on a visit: who and when for every reader; how they left and where they scanned for the visiting side */
export type Member = EnterpriseMember & Partial<Omit<SupervisorVisit['members'][number], keyof EnterpriseMember>>;
/** where a member scanned: how far from the enterprise and how precise (coordinates for supervisors only) */
export type ScanPlace = NonNullable<Member['checkinPlace']>;

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

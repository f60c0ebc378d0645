/** Shapes of the admin.* actions, as the console pages see them. */
import type { Answer, Input } from '../../core/contract/answers';

export type OrgKind = 'district' | 'street' | 'community' | 'grid' | 'department';

/** an organisation as the console lists it */
export type AdminOrg = Answer<'admin.orgs.list'>['orgs'][number];

/** the console's home figures (admin.overview) */
export type Overview = Answer<'admin.overview'>;

export type StaffRole = 'officer' | 'liaison' | 'department' | 'dispatcher' | 'leader' | 'admin' | 'cppcc';

/** an invite code and when it lapses */
export type Invite = Answer<'admin.staff.reinvite'>['invite'];

/** a staff member as the console lists them */
export type StaffItem = Answer<'admin.staff.list'>['items'][number];

/** an enterprise of the registry as the console lists it */
export type EnterpriseItem = Answer<'admin.enterprises.list'>['items'][number];

/** what admin.enterprises.import answers: a dry run's report, or a confirmed import's job (call again with jobId until finished) */
export type ImportReport = Answer<'admin.enterprises.import'>;

/** a confirmed import, run as a job a slice per call */
export type ImportJob = Extract<ImportReport, { jobId: string }>;

/** the rules document as admin.rules.get answers it (with a calendar change still being laid, calendarRun) */
export type RulesDoc = Answer<'admin.rules.get'>;

export type Rules = RulesDoc['rules'];
export type WorkingHours = Rules['sla']['workingHours'][number];
export type CalendarOverride = Rules['calendar']['overrides'][number];
export type TemplateKey = keyof NonNullable<Rules['templates']>;

/** the rules as admin.rules.save takes them */
export type RulesSent = Input<'admin.rules.save'>['rules'];

/** an entry of the audit log as the console lists it */
export type AuditItem = Answer<'admin.audit.list'>['items'][number];

export type AuditEntity = AuditItem['entity'];

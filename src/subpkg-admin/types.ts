/** Shapes of the admin.* actions, as the console pages see them. */
import type { Answer } from '../../core/contract/answers';

export type OrgKind = 'district' | 'street' | 'community' | 'grid' | 'department';

/** an organisation as the console lists it */
export type AdminOrg = Answer<'admin.orgs.list'>['orgs'][number];

/** the console's home figures (admin.overview) */
export type Overview = Answer<'admin.overview'>;

export type StaffRole = 'officer' | 'liaison' | 'department' | 'dispatcher' | 'leader' | 'admin';

/** an invite code and when it lapses */
export type Invite = Answer<'admin.staff.reinvite'>['invite'];

/** a staff member as the console lists them */
export type StaffItem = Answer<'admin.staff.list'>['items'][number];

/** an enterprise of the registry as the console lists it */
export type EnterpriseItem = Answer<'admin.enterprises.list'>['items'][number];

export type ImportReport = {
  dryRun: boolean;
  total: number;
  create: number;
  update: number;
  unchanged: number;
  /** each bad row with every problem it has (`reasons`; `reason` is them in one line) */
  errors: { row: number; name: string; reason: string; reasons?: string[] }[];
  errorCount?: number;
  written: number;
  /** a confirmed import runs as a job, a slice per call: call again with jobId until finished */
  jobId?: string;
  finished?: boolean;
  done?: number;
  message?: string;
};

export type WorkingHours = [string, string];
export type CalendarOverride = { date: string; kind: 'workday' | 'holiday'; name: string };
export type TemplateKey = 'statusChanged' | 'newAssignment';

export type Rules = {
  routing: Record<string, string | null>;
  sla: {
    generalDays: number;
    complexDays: number;
    responseDays: number;
    yellowDays: number;
    urgeEveryDays: number;
    workingHours: WorkingHours[];
  };
  visits: { cap: number; autoCloseHours: number };
  calendar: { overrides: CalendarOverride[]; adminYears: number[] };
  templates: Record<TemplateKey, { templateId: string }>;
};

export type RulesDoc = {
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  rules: Rules;
  history: { version: number; updatedAt: string; updatedByName: string }[];
  /** years the built-in holiday library covers */
  calendarYears: number[];
};

export type AuditEntity = 'org' | 'user' | 'enterprise' | 'rules' | 'binding' | 'auth';

export type AuditItem = {
  id: string;
  at: string;
  actorName: string;
  action: string;
  entity: AuditEntity;
  entityId: string;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

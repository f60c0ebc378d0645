/** Shapes of the admin.* actions, as the console pages see them. */

export type OrgKind = 'district' | 'street' | 'community' | 'grid' | 'department';

export type AdminOrg = {
  id: string;
  kind: OrgKind;
  name: string;
  parentId: string | null;
  /** grids: the communities the grid covers (includes its parent) */
  communityIds?: string[];
  active: boolean;
};

export type Overview = {
  counts: { orgs: number; staff: number; enterprises: number; pendingInvites: number; pendingBindings: number };
  /** true while no district exists */
  bootstrap: boolean;
};

export type StaffRole = 'officer' | 'liaison' | 'department' | 'dispatcher' | 'leader' | 'admin';

export type Invite = { code: string; expiresAt: string };

export type StaffItem = {
  id: string;
  name: string;
  phone: string;
  roles: string[];
  roleLabel: string;
  gridIds: string[];
  gridNames: string;
  departmentId: string | null;
  departmentName: string;
  orgId: string | null;
  orgName: string;
  capacity: number;
  openCount: number;
  onDuty: boolean;
  active: boolean;
  /** has a WeChat identity */
  bound: boolean;
  invite: Invite | null;
};

export type EnterpriseItem = {
  id: string;
  name: string;
  creditCode: string;
  address: string;
  gridId: string;
  gridName: string;
  industry: string;
  scale: string;
  contactName: string;
  contactPhone: string;
  liaisonId: string | null;
  liaisonName: string;
  leaderId: string | null;
  leaderName: string;
  departmentId: string | null;
  departmentName: string;
  contactCount: number;
};

export type ImportReport = {
  dryRun: boolean;
  total: number;
  create: number;
  update: number;
  unchanged: number;
  errors: { row: number; name: string; reason: string }[];
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

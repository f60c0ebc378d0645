/** Shapes of the backend contract (the `service` cloud function), as the pages see them. */

// the catalog's keys, as the server defines them (core/contract/catalog.ts)
export type { Colour, Level, PartyStatus, RejectKind, RequestStatus, Role, Tier } from '../../core/contract/catalog';
import type { Colour, Level, PartyStatus, RejectKind, RequestStatus, Role, Tier } from '../../core/contract/catalog';

export type Enterprise = { id: string; name: string; creditCode: string };

export type Me = {
  user: {
    id: string;
    name: string;
    roles: Role[];
    enterpriseId: string | null;
    enterprise: Enterprise | null;
    /** CloudBase storage folder for this user's uploads (requests may reference only files under it) */
    uploadDir: string;
  };
  unread: number;
  /** an enterprise user's binding request still waiting for approval */
  binding?: BindingRequest | null;
};

export type BindingStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';
/** 企业联系人绑定申请, as the applicant (me, enterprise.bind) and the approver (binding.list) see it */
export type BindingRequest = {
  id: string;
  status: BindingStatus;
  enterpriseName: string;
  userName?: string;
  phone?: string;
  createdAt?: string;
  reason?: string | null;
  /** e.g. '网格员 张伟' or '企业联系人 林晓' ('' when approved at once) */
  approverName?: string;
};

export type Meta = {
  categories: { code: string; name: string }[];
  statuses: Record<RequestStatus, string>;
  // newer fields; labels.ts holds fallbacks while a backend lacks them
  levels?: Record<Level, string>;
  channels?: Record<string, string>;
  colours?: Record<Colour, string>;
  rejectKinds?: Record<RejectKind, string>;
};

export type RequestSummary = {
  _id: string;
  no: string;
  enterpriseId: string;
  enterpriseName: string;
  category: string;
  description: string;
  photos: string[];
  phone: string;
  status: RequestStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeRole: Role | null;
  result: string | null;
  score: number | null;
  comment: string | null;
  reopenCount: number;
  createdAt: string;
  updatedAt: string;
  assignedAt: string | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  channel: string;
  // classification and deadlines (may be absent from an older backend)
  level?: Level;
  verified?: boolean;
  tier?: Tier;
  tierOrgId?: string;
  tierOrgName?: string;
  colour?: Colour;
  startedAt?: string | null;
  /** resolution deadline (ISO instant) */
  dueAt?: string | null;
  /** 签收期限 */
  acceptDueAt?: string | null;
  pausedAt?: string | null;
  /** the deadline was computed without official holiday data */
  slaProvisional?: boolean;
  urgeCount?: number;
  deptIds?: string[];
  cardId?: string | null;
  referral?: { at: string; byName: string; reason: string } | null;
  rejection?: { kind: RejectKind; reason: string; at: string } | null;
  // history that stays true (issue 11); absent on older requests
  /** the deadline of the first answer; a reopen never moves it */
  firstDueAt?: string | null;
  firstResolvedAt?: string | null;
  /** the first answer was late: the request stays red */
  firstLate?: boolean | null;
  handBackCount?: number;
  extension?: ExtensionRequest | null;
  extensions?: ExtensionRequest[];
  callbacks?: CallbackRecord[];
  /** staff only: the officials a complaint is about, who must not handle it */
  recusal?: { userIds: string[]; userNames: string[]; deptIds: string[]; reason: string } | null;
};

export type ExtensionRequest = {
  id: string;
  byId: string;
  byName: string;
  at: string;
  reason: string;
  requestedDate: string;
  status: 'pending' | 'approved' | 'refused';
  previousDueAt: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  note: string | null;
};

export type CallbackRecord = {
  at: string;
  byId: string;
  byName: string;
  method: 'call' | 'message' | 'visit';
  outcome: 'satisfied' | 'unsatisfied' | 'unreachable';
  note: string;
};

export type TimelineEvent = { seq: number; at: string; type: string; actorName: string; text: string };

export type SlaEvent = { at: string; kind: string; text: string };

export type RequestDetail = RequestSummary & { timeline: TimelineEvent[]; slaHistory?: SlaEvent[] };

export type Permissions = {
  accept: boolean;
  progress: boolean;
  resolve: boolean;
  confirm: boolean;
  reopen: boolean;
  // officer / enterprise
  pause?: boolean;
  resume?: boolean;
  supplement?: boolean;
  // dispatcher
  verify?: boolean;
  reject?: boolean;
  reassign?: boolean;
  issueCard?: boolean;
  escalate?: boolean;
  refer?: boolean;
  // objections in time (core/handling/objections.ts)
  handBack?: boolean;
  requestExtension?: boolean;
  decideExtension?: boolean;
  // 回访 (core/feedback/callback.ts)
  callback?: boolean;
};

export type CardParty = {
  deptId: string;
  deptName: string;
  role: 'lead' | 'co';
  /** closed: the dispatcher ended a co-operating department's part */
  status: PartyStatus | 'closed';
  /** a co-operating department's opinion (协办意见), or the lead's final answer (最终答复) */
  reply: string | null;
  /** why it was returned (退回) */
  reason: string | null;
  at: string | null;
  handlerName: string | null;
  /** accept (接收) by this instant; absent on cards issued before issue 11 */
  acceptDueAt?: string | null;
  acceptedAt?: string | null;
  urgeCount?: number;
  lastUrgedAt?: string | null;
  closed?: { at: string; byName: string; reason: string } | null;
};
export type CardProgress = { at: string; byName: string; deptName: string; text: string };
/** 督办卡 */
export type Card = {
  _id: string;
  no: string;
  requestId: string;
  requestNo: string;
  enterpriseName: string;
  category: string;
  description: string;
  /** YYYY-MM-DD */
  deadline: string;
  instructions: string;
  status: 'open' | 'answered' | 'returned' | 'withdrawn';
  issuedAt: string;
  issuedByName: string;
  parties: CardParty[];
  /** the lead's 办理进展, oldest first */
  progress?: CardProgress[];
  deadlineChanges?: { at: string; byName: string; from: string; to: string; reason: string }[];
  withdrawal?: { at: string; byName: string; reason: string } | null;
};
export type CardSummary = Card;
/** reply: 协办意见 (co only); progress: 办理进展 and final: 最终答复 (lead only) */
export type CardPermissions = { accept: boolean; reply: boolean; return: boolean; progress?: boolean; final?: boolean };
export type CardList = { items: CardSummary[]; total: number; counts: Record<InboxTab, number> };

/** request.get: the request, what the caller may do, and its supervision card if any */
export type RequestDetailResponse = { request: RequestDetail; can: Permissions; card?: Card | null };

export type DeskOfficer = {
  id: string;
  name: string;
  roleLabel: string;
  grids: string;
  openCount: number;
  capacity: number;
  onDuty: boolean;
  active: boolean;
};
export type DeskOptions = {
  departments: { id: string; name: string }[];
  officers: DeskOfficer[];
  /** parentId: the center a request of this center escalates to (提级) */
  centers: { id: string; name: string; kind: Tier; parentId?: string | null }[];
};

export type LedgerRow = RequestSummary & { handler: string; statusLabel: string; categoryName: string; levelLabel: string };
export type LedgerFilters = {
  colour?: Colour;
  tier?: Tier;
  departmentId?: string;
  category?: string;
  channel?: string;
  status?: RequestStatus;
  assigneeId?: string;
  from?: string;
  to?: string;
};
export type LedgerPage = Page<LedgerRow> & { counts: Record<Colour | 'all', number> };

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type InboxTab = 'todo' | 'doing' | 'done';
export type Inbox = Page<RequestSummary> & { counts: Record<InboxTab, number> };

export type Message = {
  _id: string;
  title: string;
  body: string;
  requestId: string | null;
  /** the page it opens when it is not about a request (official visits, planned inspections) */
  page?: string;
  read: boolean;
  createdAt: string;
  /** 'assignment' for new work (its reach is measured) */
  kind?: 'assignment' | null;
  /** when each channel delivered it outside the app; done once every channel finished (neither = 仅站内) */
  delivery?: { wechat?: string; sms?: string; done?: boolean } | null;
};

/* ---- notifications (core/notify/views.ts restated) ---- */
export type NotifyChannel = 'wechat' | 'sms' | 'robot';
export type ConsentAnswer = 'accept' | 'reject' | 'ban' | 'filter';
export type TemplateState = {
  key: 'statusChanged' | 'newAssignment';
  name: string;
  templateId: string;
  kind: 'once' | 'long';
  relevant: boolean;
  credits: number;
  longTerm: boolean;
  state: 'accept' | 'reject' | 'ban' | 'filter' | 'none';
  always: 'accept' | 'reject' | 'ban' | null;
  label: string;
  topUp: boolean;
};
export type NotifySettings = {
  templates: TemplateState[];
  mainSwitch: boolean | null;
  sms: { available: boolean; phone: string | null; optIn: boolean | null; routes: string[]; quietHours: string | null; dailyCap: number };
};
export type ReachRow = {
  id: string; name: string; roles: string[]; assignments: number; reached: number; rate: number | null;
  byChannel: { wechat: number; sms: number; inapp: number; pending: number };
  credits: number; longTerm: boolean; hasPhone: boolean;
};
export type ReachReport = { from: string; to: string; days: number; withinMinutes: number; rows: ReachRow[]; total: { assignments: number; reached: number; rate: number | null } };
export type ChannelCounts = { channel: NotifyChannel; label: string; sent: number; noConsent: number; failed: number; skipped: number; pending: number };
export type NotifyStats = { period: { label: string; from: string; to: string }; channels: ChannelCounts[]; consentsSpent: number };
/** admin rules: notify (core/notify/routing.ts NotifyRules) */
export type SmsMode = 'always' | 'fallback' | 'off';
export type NotifyRules = {
  sms: { assignment: SmsMode; urge: SmsMode; red: SmsMode; status: 'fallback' | 'off' };
  quietHours: boolean;
  dailyCap: number;
  robots: Array<{ orgId: string; webhook: string }>;
};

export type DevUser = { id: string; name: string; roles: Role[]; roleLabel: string; detail: string };

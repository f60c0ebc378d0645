/** Stored document shapes. Instants are ISO strings (UTC); see time.ts for Beijing views. */
import type { StoredCategory, Channel, Colour, Level, PartyRole, PartyStatus, RejectKind, RequestStatus, ResultKind, Role, Tier } from './contract/catalog';
import type { StatsKey, StatsOp } from './stats/keys';
import type { Attachment } from './contract/attachments';

export type OrgKind = 'district' | 'street' | 'community' | 'grid' | 'department';

export type Org = {
  _id: string;
  kind: OrgKind;
  name: string;
  /** district ← street ← community ← grid; departments hang under the district */
  parentId: string | null;
  active: boolean;
  /** grids: the communities the grid covers (its parent first) */
  communityIds?: string[];
  retiredReason?: string | null;
};

export type User = {
  _id: string;
  openid: string;
  name: string;
  roles: Role[];
  phone?: string;
  active: boolean;
  /** officer / liaison availability */
  onDuty?: boolean;
  capacity?: number;
  openCount?: number;
  /** wrong assignments this officer handed back (退回/申请改派, core/handling/objections.ts) */
  handBackCount?: number;
  lastAssignedAt?: string | null;
  gridIds?: string[];
  departmentId?: string | null;
  /** tier center a dispatcher works at */
  orgId?: string | null;
  enterpriseId?: string | null;
  /** an enterprise user's choice to also get SMS for its requests (staff get SMS by the routing rules) */
  smsOptIn?: boolean;
  createdAt: string;
};

export type Enterprise = {
  _id: string;
  name: string;
  creditCode: string;
  address: string;
  gridId: string;
  industry: string;
  scale: string;
  liaisonId: string | null;
  /** 包联: responsible leader and department beside the liaison */
  leaderId?: string | null;
  departmentId?: string | null;
  contactName?: string;
  contactPhone?: string;
  contactIds: string[];
  /** kept beside contactIds so the cap is one atomic condition */
  contactCount: number;
  /** where the enterprise is (GCJ-02): visits' check-in locations are compared with it (core/visits/presence.ts) */
  location?: EnterpriseLocation | null;
  createdAt: string;
};

/** an enterprise's registered location: set by the admin, or taken from the first visit's check-in */
export type EnterpriseLocation = {
  latitude: number;
  longitude: number;
  source: 'admin' | 'first_visit';
  setAt: string;
  setById: string;
  setByName: string;
  /** the visit it was taken from (source first_visit) */
  visitId: string | null;
  visitNo: string | null;
};

export type TimelineEvent = {
  seq: number;
  at: string;
  type:
    | 'submitted' | 'queued' | 'assigned' | 'accepted' | 'progress' | 'resolved'
    | 'closed' | 'reopened' | 'requeued'
    | 'paused' | 'resumed' | 'supplemented' | 'verified' | 'rejected' | 'reassigned' | 'escalated' | 'referred'
    | 'card_issued' | 'card_accepted' | 'card_replied' | 'card_returned' | 'sla' | 'urged' | 'enterprise_urged' | 'timeout'
    // supervision cards (core/cards): progress, the lead's final answer, the dispatcher's controls
    | 'card_progress' | 'card_final' | 'card_urged' | 'card_deadline' | 'card_withdrawn' | 'card_party_closed'
    // objections in time (core/handling/objections.ts) and callbacks (core/feedback/callback.ts)
    | 'handed_back' | 'extension_requested' | 'extension_approved' | 'extension_refused' | 'callback' | 'recusal'
    // the enterprise objects to a rejection (core/feedback/appeal.ts), adds to an open request (core/feedback/note.ts)
    | 'appealed' | 'enterprise_noted'
    // 并件 (core/desk/merge.ts): on the linked request (its enterprise is told) and on the main (internal)
    | 'merged' | 'unmerged' | 'merge_added' | 'merge_removed';
  actorId: string | null;
  actorName: string;
  text: string;
  /** people to tell besides the default recipients (supervisors, department handlers) */
  notify?: string[];
  /** sla events: the colour the request turned (red goes by SMS to the dispatchers, core/notify/routing.ts) */
  colour?: Colour;
  /**
   * what the enterprise reads instead of `text` where the desk's text carries internal detail (whom
   * by which rule, the officer's load); events without it read as core/request-record.ts enterpriseText says
   */
  enterpriseText?: string;
  /**
   * written in the same unit of work as the event before it (a submit assigned or queued at once):
   * whoever hears of both gets one message (core/notify/outbox.ts)
   */
  withPrevious?: true;
  /** made by the enterprise's side (any of its contacts: its score, its rework): 并件 keeps these from other enterprises */
  byEnterprise?: true;
  /** photos and files (附件) on a progress note, result, supplement or card reply: seen by whoever sees the entry */
  attachments?: Attachment[];
};

/** one attached photo or file (core/contract/attachments.ts), its name as uploaded (sanitised) */
export type { Attachment };

export type SlaHistoryEntry = { at: string; kind: 'started' | 'paused' | 'resumed' | 'changed' | 'restarted' | 'met' | 'missed' | 'extended'; text: string; dueAt: string | null };

/** 延期申请: a handler asks for more time; the dispatcher approves (the deadline moves) or refuses */
export type ExtensionRequest = {
  id: string;
  byId: string;
  byName: string;
  at: string;
  reason: string;
  /** the Beijing date (YYYY-MM-DD) asked for: the new deadline is the end of that working day */
  requestedDate: string;
  status: 'pending' | 'approved' | 'refused';
  /** the deadline in force when it was asked for */
  previousDueAt: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  note: string | null;
};

/** 回访: the dispatcher or center calls or messages the enterprise after a request closed */
export type CallbackRecord = {
  at: string;
  byId: string;
  byName: string;
  method: 'call' | 'message' | 'visit';
  outcome: 'satisfied' | 'unsatisfied' | 'unreachable';
  note: string;
};

/** who must not handle a complaint: the officials it is about, and their departments (unless a dispatcher confirms) */
export type Recusal = { userIds: string[]; userNames: string[]; deptIds: string[]; reason: string };

export type ServiceRequest = {
  _id: string;
  no: string;
  clientKey: string;
  /** the knowledge-base answers the submit page showed before the enterprise chose 仍需提交 (core/knowledge) */
  shownAnswers?: string[];
  /** the responsibility-list item the enterprise chose (事项清单, core/knowledge/items.ts); absent on older requests and when it chose 不确定 */
  item?: { id: string; name: string } | null;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string;
  /** community center whose queue holds it while waiting for an officer */
  queueOrgId: string;
  /** the tier center currently responsible (community → street → district on escalation) */
  tier: Tier;
  tierOrgId: string;
  level: Level;
  /** a dispatcher checked category and level (核实定级) */
  verified: boolean;
  /** departments involved through a supervision card */
  deptIds: string[];
  cardId: string | null;
  referral: { at: string; byId: string; byName: string; reason: string } | null;
  /** 不予受理; a duplicate may cite the request it repeats (`duplicateOf`) */
  rejection: { kind: RejectKind; reason: string; at: string; duplicateOf?: { id: string; no: string } | null } | null;
  /** the enterprise's 申诉 against a rejection, with the rejection it objected to (one per request) */
  appeal?: { reason: string; at: string; rejection: NonNullable<ServiceRequest['rejection']> } | null;
  // --- deadlines (core/sla): instants in UTC ISO, computed in Beijing working time ---
  startedAt: string | null;
  acceptDueAt: string | null;
  dueAt: string | null;
  yellowAt: string | null;
  /** a special-level deadline the dispatcher set (YYYY-MM-DD, end of that working day) */
  specialDueDate: string | null;
  pausedAt: string | null;
  /** working minutes left on the clock when it was paused (negative when already overdue) */
  remainingAtPause: number | null;
  /** the deadline crossed a year without official calendar data: weekdays were assumed */
  slaProvisional: boolean;
  colour: Colour;
  /** when the sweep must look at it next (indexed); null when nothing can change by itself */
  nextCheckAt: string | null;
  clockNo: number;
  closedOnTime: boolean | null;
  urgeCount: number;
  lastUrgedAt: string | null;
  /** the enterprise's own 催办 (core/feedback/urge.ts): how many, and the last (at most one a day) */
  enterpriseUrgeCount?: number;
  lastEnterpriseUrgeAt?: string | null;
  /** officers who let it pass its response deadline, so the sweep moves it elsewhere */
  timedOutIds: string[];
  slaHistory: SlaHistoryEntry[];
  submitterId: string;
  /** the submitter stays hidden from handlers: submitterId is a pseudonym (complaints about visits) */
  anonymous?: boolean;
  /** the official visit it came from (channel visit) or is about (channel report) */
  visitId?: string | null;
  /** 代报: the liaison, grid officer or CPPCC member (直通车) who filed it for the enterprise (core/intake/file-for.ts); they may read it */
  filedBy?: { id: string; name: string; role: 'liaison' | 'officer' | 'cppcc' } | null;
  /** 茶叙会/企业家日: the meeting it was raised at (channel meeting, core/intake/meeting.ts) */
  meetingId?: string;
  /** 12345: the hotline work order it was imported from (channel hotline, core/intake/hotline.ts) */
  hotline?: { no: string; at: string | null };
  channel: Channel;
  /** a leaf of the taxonomy; requests from before it may carry an old code, read as its leaf (core/contract/taxonomy.ts) */
  category: StoredCategory;
  description: string;
  photos: string[];
  phone: string;
  status: RequestStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeRole: Role | null;
  result: string | null;
  /** 办结's result type (core/contract/catalog.ts RESULT_KINDS); absent on requests answered before it existed: 已解决 */
  resultKind?: ResultKind | null;
  /** why it cannot be solved (resultKind unsolvable) */
  resultReason?: string | null;
  score: number | null;
  comment: string | null;
  reopenCount: number;
  // --- history that stays true (core/sla/clock.ts); optional on documents from before they existed ---
  /** the deadline of the first answer; a reopen (重办) never moves it, an approved extension before the first answer does */
  firstDueAt?: string | null;
  /** when the first answer was given (办结 the first time) */
  firstResolvedAt?: string | null;
  /** the first answer came after firstDueAt: the request stays late (red) in every figure, whatever the rework does */
  firstLate?: boolean | null;
  /** 退回/申请改派 by the assigned officer (counted against the unit) */
  handBackCount?: number;
  /** the pending 延期申请, if any */
  extension?: ExtensionRequest | null;
  /** every decided 延期申请, oldest first */
  extensions?: ExtensionRequest[];
  /** 回访 records, oldest first */
  callbacks?: CallbackRecord[];
  /** a callback reached the enterprise since it last closed: off the 待回访 list (core/feedback/callback.ts) */
  callbackDone?: boolean;
  /** a complaint about officials: they never handle it (core/visits, core/assignment, core/cards) */
  recusal?: Recusal | null;
  /** 并件: this request is linked to a main request and follows it (status 'merged', core/desk/merge.ts) */
  mergedInto?: MergeLink | null;
  /** 并件: the requests linked to this one as their main, oldest link first */
  mergedFrom?: LinkedRef[];
  /**
   * 疑似重复: the requests a dispatcher said this one is not a duplicate of (desk.notDuplicate,
   * core/desk/duplicate-clusters.ts); the desk's clusters no longer link it to them
   */
  notDuplicateOf?: string[];
  /**
   * 并件, on a linked request: its main is answered and it has not scored yet, so it is in its
   * enterprise's 待评价 (written by the outbox step that tells it; cleared by its score or unmerge)
   */
  linkedAnswered?: boolean;
  /**
   * 并件, on a linked request once its enterprise scored: the main's place in the figures when it was
   * scored (tier, center, category, departments), so the score counts for whoever handled the main
   * (core/stats/figures.ts), not for the linked request's own first center
   */
  scoredUnder?: Pick<ServiceRequest, 'tier' | 'tierOrgId' | 'category' | 'deptIds'> | null;
  createdAt: string;
  updatedAt: string;
  assignedAt: string | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** seq of the newest timeline event; doubles as an optimistic-concurrency version */
  seq: number;
  /** true until the outbox entries for the newest events exist */
  needsNotify: boolean;
  notifiedSeq: number;
  /** set once a "waiting in queue" note is on the timeline, so retries don't repeat it */
  waitingNoted: boolean;
  /** 按事项清单自动转办: written at intake, cleared when the card is issued (core/cards/auto-card.ts) */
  autoCard?: { deptId: string; deptName: string; itemId: string; itemName: string; deadlineClass: 'simple' | 'normal' | 'complex' } | null;
  // --- dashboard counters (core/stats/counters.ts) ---
  /** what this request last added to the counters, and at which seq */
  stats?: { seq: number; key: StatsKey } | null;
  /** true while the counters may lag this request: set with every change, cleared once counted */
  statsPending?: boolean;
  /** a counting in flight (claimed, being applied) */
  statsOp?: StatsOp | null;
  timeline: TimelineEvent[];
};

/** 并件: where a linked request went, and what it was before (unmerge restores it) */
export type MergeLink = {
  id: string;
  no: string;
  at: string;
  byId: string;
  byName: string;
  prev: { status: RequestStatus; assigneeId: string | null; assigneeName: string | null; assigneeRole: Role | null; pausedByMerge: boolean };
  /** the sweep saw the main list it: the merge is whole, nothing more to check (core/desk/merge.ts settleLink) */
  listed?: true;
  /** an unmerge began then (off the main's list first): the sweep finishes it if the action stopped half-way */
  unmerging?: string;
};

/** 并件: a linked request as its main knows it (whom to tell of the main's progress) */
export type LinkedRef = { id: string; no: string; enterpriseId: string; submitterId: string; at: string; title?: string; phone?: string };

/** how a notice leaves the app besides the message center */
export type NotifyChannel = 'wechat' | 'sms' | 'robot';

export type OutboxEntry = {
  /**
   * dedupe key, one per recipient and channel: WeChat `${requestId}:${seq}:${userId}` (the same as
   * the message's id), SMS that + ':sms', a desk team's robot `${requestId}:${seq}:robot:${orgId}`
   */
  _id: string;
  userId: string;
  openid: string;
  requestId: string;
  template: string;
  templateId?: string;
  page: string;
  data: Record<string, string>;
  /**
   * pending → sent | failed | skipped (not configured) | no_consent (WeChat: the user holds no
   * consent for the template; SMS: no phone, not opted in, or the day's cap reached). Only
   * pending entries are ever sent; the others are kept, with the reason in lastError.
   */
  status: 'pending' | 'sent' | 'failed' | 'skipped' | 'no_consent';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** absent on entries written before SMS: 'wechat' */
  channel?: NotifyChannel;
  /** the in-app message this entry delivers (its delivery is marked there); absent: none (robot) */
  messageId?: string | null;
  /** WeChat one-time template: a consent is held for this entry (spent once, refunded if it never goes out) */
  consent?: 'held' | null;
  /** routing decided when the entry was written (core/notify/routing.ts) */
  route?: {
    /** what SMS does for this notice: sent anyway, only if WeChat cannot reach, or never */
    sms: 'always' | 'fallback' | 'off';
    /** which SMS template and why (assignment, urge, red, status) */
    kind: string | null;
    /** urgent notices ignore quiet hours */
    urgent: boolean;
    /** what an SMS would say: the SMS template's parts (no, title, status, enterprise) */
    values?: Record<string, string>;
  } | null;
  /** SMS: the number it goes to (from the staff record or the enterprise contact) */
  phone?: string | null;
  /** robot: the group webhook */
  webhook?: string | null;
};

export type Message = {
  /** same key as the outbox entry it mirrors */
  _id: string;
  userId: string;
  requestId: string;
  title: string;
  body: string;
  /** page to open when it is about something other than a request (e.g. an official visit) */
  page?: string;
  read: boolean;
  createdAt: string;
  /** 'assignment' for new work (new request to sign, new supervision card): reach is measured on these */
  kind?: 'assignment' | null;
  /**
   * how it reached the person outside the app: when each channel delivered it; `done` once every
   * channel has finished (delivered or not). Neither channel and done = 仅站内.
   */
  delivery?: { wechat?: string; sms?: string; done?: boolean } | null;
};

/**
 * What one user agreed to hear by one subscribe template (core/notify/consent.ts), `_id`
 * `${userId}:${template}`. One-time templates (一次性订阅) hold `credits`: each accept adds one,
 * each send spends one. Long-term templates (长期订阅) hold `longTerm` until withdrawn.
 */
export type Subscription = {
  _id: string;
  userId: string;
  template: string;
  /** the template id the consents were given for: a changed id makes them worthless */
  templateId: string;
  credits: number;
  longTerm: boolean;
  /** the last answer WeChat gave for this template (requestSubscribeMessage or getSetting) */
  state: 'accept' | 'reject' | 'ban' | 'filter' | 'none';
  /** the user ticked 总是保持以上选择 (getSetting itemSettings) with this answer */
  always: 'accept' | 'reject' | 'ban' | null;
  /** the system switch for all subscribe messages (getSetting mainSwitch) */
  mainSwitch: boolean;
  granted: number;
  spent: number;
  /** the outbox entry the last consent went to (a retried spend after a crash is not spent twice) */
  lastSpentFor: string | null;
  updatedAt: string;
};

/**
 * A signed-in browser of the self-hosted deployment (WeChat needs none). `_id` is the SHA-256 of the bearer
 * token, never the token itself. `kind`: 'demo' from the demo login, 'password' from a real sign-in.
 */
export type Session = {
  _id: string; openid: string; createdAt: string;
  userId?: string; kind?: 'demo' | 'password'; lastSeenAt?: string; expiresAt?: string;
};

export type CardParty = {
  deptId: string;
  deptName: string;
  role: PartyRole;
  /** closed: the dispatcher ended a co-operating department's part (it no longer holds up the final answer) */
  status: PartyStatus;
  /** a co-operating department's opinion (协办意见), or the lead's final answer (最终答复) */
  reply: string | null;
  /** the attachments of that opinion or answer */
  replyAttachments?: Attachment[];
  /** why the department returned its part (退回) */
  reason: string | null;
  at: string | null;
  handlerId: string | null;
  handlerName: string | null;
  /** accept (接收) by this instant (working days after issue, policy.cardAcceptDays) */
  acceptDueAt?: string | null;
  /** when the department accepted; later than acceptDueAt counts against it (core/rankings) */
  acceptedAt?: string | null;
  /** the dispatcher's urges (催办) of this department */
  urgeCount?: number;
  lastUrgedAt?: string | null;
  /** the dispatcher closed this part (status 'closed') */
  closed?: { at: string; byId: string; byName: string; reason: string } | null;
};

/** 办理进展 of the lead department on a card */
export type CardProgress = { at: string; byId: string; byName: string; deptName: string; text: string; attachments?: Attachment[] };

/** 督办卡: a dispatcher hands a request to a lead department and co-operating departments. */
export type SupervisionCard = {
  _id: string;
  no: string;
  requestId: string;
  requestNo: string;
  enterpriseName: string;
  category: string;
  description: string;
  deadline: string;
  instructions: string;
  /** answered: the lead's final answer resolved the request; withdrawn: the dispatcher took the card back */
  status: 'open' | 'answered' | 'returned' | 'withdrawn';
  issuedAt: string;
  issuedById: string;
  issuedByName: string;
  /** dept ids of every party, for the indexed "my department's cards" query */
  deptIds: string[];
  parties: CardParty[];
  /** the lead department's 办理进展, oldest first */
  progress?: CardProgress[];
  /** the dispatcher's deadline changes, oldest first */
  deadlineChanges?: { at: string; byName: string; from: string; to: string; reason: string }[];
  withdrawal?: { at: string; byId: string; byName: string; reason: string } | null;
  /** the request's recusal at issue: these users never see the card (core/cards) */
  recusedUserIds?: string[];
  version: number;
};

export type Setting = { _id: string; value: unknown; updatedAt: string; updatedBy: string | null };

/** a one-time code that binds a person's WeChat identity to a staff record on first use */
export type Invite = { _id: string; userId: string; createdAt: string; createdBy: string; expiresAt: string; usedAt: string | null; usedByOpenid: string | null };

/** an enterprise user asks to become a contact of an enterprise; the first contact (or, for the first one, a grid officer) decides */
export type Binding = {
  _id: string;
  userId: string;
  userName: string;
  phone: string;
  enterpriseId: string;
  enterpriseName: string;
  approverIds: string[];
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedById: string | null;
};

export type AuditEntry = {
  _id: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  entity: 'org' | 'user' | 'enterprise' | 'rules' | 'binding' | 'auth' | 'kb' | 'item' | 'request';
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
};
